package dev.botty.internal;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A voice node's autocomplete suggestions for the option being typed; the interactions-api shows
 * at most 25.
 */
@Serdeable
public record MusicSuggestions(List<Choice> choices) {
    public MusicSuggestions {
        if (choices == null) {
            throw new IllegalArgumentException("suggestions are a list, maybe empty");
        }
        choices = List.copyOf(choices);
    }

    public static MusicSuggestions none() {
        return new MusicSuggestions(List.of());
    }

    /** A choice: {@code name} shown (1–100 characters), {@code value} sent back (1–100 characters). */
    @Serdeable
    public record Choice(String name, String value) {}
}
