package dev.botty.voice.music;

import org.jspecify.annotations.Nullable;

/**
 * A track in a guild's queue: Lavalink's {@code encoded} form, which is all a player needs to play
 * it, and the few fields botty shows, plus who asked for it.
 *
 * @param encoded     Lavalink's encoded track
 * @param title       its title
 * @param author      its author or artist
 * @param uri         where it lives, if known
 * @param lengthMs    its length in ms; 0 for a live stream
 * @param seekable    whether Lavalink can seek in it
 * @param sourceName  Lavalink's source, e.g. {@code youtube}
 * @param requesterId the Discord user who queued it
 */
public record QueuedTrack(String encoded, String title, String author, @Nullable String uri, long lengthMs, boolean seekable,
                          String sourceName, long requesterId) {
    public boolean stream() {
        return lengthMs == 0;
    }
}
