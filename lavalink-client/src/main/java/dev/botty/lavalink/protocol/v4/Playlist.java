package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** A loaded playlist. */
public record Playlist(PlaylistInfo info, JsonNode pluginInfo, List<Track> tracks) {
    public Playlist {
        pluginInfo = Track.objectOrEmpty(pluginInfo);
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    /** The track the link selected (a {@code watch?v=…&list=…} link), if any. */
    public Optional<Track> selectedTrack() {
        int index = info.selectedTrack();
        return index >= 0 && index < tracks.size() ? Optional.of(tracks.get(index)) : Optional.empty();
    }
}
