package dev.botty.voice.queue;

import java.util.Locale;
import java.util.Optional;

/** What plays after a track ends on its own. */
public enum LoopMode {
    /** The next queued track; nothing when the queue is empty. */
    OFF,
    /** The same track again. */
    TRACK,
    /** The next queued track, with the one that ended put back at the end of the queue. */
    QUEUE;

    /** The name used in commands, status and storage: {@code off}, {@code track}, {@code queue}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LoopMode> fromKey(String key) {
        for (LoopMode mode : values()) {
            if (mode.key().equals(key)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
