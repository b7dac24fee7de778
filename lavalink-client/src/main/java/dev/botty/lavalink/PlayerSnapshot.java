package dev.botty.lavalink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.lavalink.protocol.v4.VoiceState;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to re-create a guild's player on another node.
 *
 * @param track    the playing track, or null when nothing plays
 * @param position where it is, in ms (the owner's estimate from the last player update and the time since)
 * @param volume   percent, 0–1000
 * @param paused   whether it is paused
 * @param voice    the guild's voice state, with the channel id; null if the bot is not in voice
 * @param filters  Lavalink's Filters object, or null for none
 */
public record PlayerSnapshot(@Nullable Track track, long position, int volume, boolean paused, @Nullable VoiceState voice,
                             @Nullable JsonNode filters) {
    /** The update that re-creates this player on a fresh node: voice first, then the track where it was. */
    public PlayerUpdate toUpdate() {
        PlayerUpdate.Builder update = PlayerUpdate.builder().volume(volume).paused(paused);
        if (voice != null) {
            update.voice(voice);
        }
        if (filters != null) {
            update.filters(filters);
        }
        if (track != null) {
            update.track(track).position(Math.max(0, position));
            if (!track.userData().isEmpty()) {
                update.userData(track.userData());
            }
        }
        return update.build();
    }
}
