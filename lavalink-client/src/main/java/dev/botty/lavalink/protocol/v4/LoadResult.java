package dev.botty.lavalink.protocol.v4;

import java.util.List;

/**
 * The answer of {@code GET /v4/loadtracks}: {@code {loadType, data}}. A failed load is still
 * HTTP 200, as {@link LoadFailed}.
 */
public sealed interface LoadResult {
    /** The {@code loadType} on the wire. */
    String loadType();

    /** {@code track}: one track. */
    record TrackLoaded(Track track) implements LoadResult {
        @Override
        public String loadType() {
            return "track";
        }
    }

    /** {@code playlist}: a playlist and its tracks. */
    record PlaylistLoaded(Playlist playlist) implements LoadResult {
        @Override
        public String loadType() {
            return "playlist";
        }
    }

    /** {@code search}: the tracks a {@code ytsearch:}/{@code ytmsearch:}/{@code scsearch:} query found. */
    record SearchResult(List<Track> tracks) implements LoadResult {
        public SearchResult {
            tracks = List.copyOf(tracks);
        }

        @Override
        public String loadType() {
            return "search";
        }
    }

    /** {@code empty}: nothing matched. */
    record Empty() implements LoadResult {
        @Override
        public String loadType() {
            return "empty";
        }
    }

    /** {@code error}: loading failed (a blocked video, YouTube refusing the host, a fault). */
    record LoadFailed(TrackException exception) implements LoadResult {
        @Override
        public String loadType() {
            return "error";
        }
    }
}
