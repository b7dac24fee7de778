package dev.botty.voice.queue;

import java.util.Optional;

/**
 * The sound presets {@code /filter} offers, one at a time per guild, kept with the guild's other
 * settings. What each does to Lavalink's filters is the music's business ({@code Filters}).
 */
public enum FilterPreset {
    OFF("off", "Off"),
    BASS_BOOST("bassboost", "Bass boost"),
    NIGHTCORE("nightcore", "Nightcore"),
    VAPORWAVE("vaporwave", "Vaporwave"),
    EIGHT_D("8d", "8D"),
    KARAOKE("karaoke", "Karaoke");

    private final String key;
    private final String label;

    FilterPreset(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name used in commands, status and storage, e.g. {@code nightcore}. */
    public String key() {
        return key;
    }

    /** The name people read, e.g. {@code Bass boost}. */
    public String label() {
        return label;
    }

    public static Optional<FilterPreset> fromKey(String key) {
        for (FilterPreset preset : values()) {
            if (preset.key.equals(key)) {
                return Optional.of(preset);
            }
        }
        return Optional.empty();
    }
}
