package dev.botty.interactions.command.joke;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * A joke as JokeAPI v2 answers {@code GET /joke/{category}}: {@code type} "single" carries
 * {@code joke}, "twopart" carries {@code setup} and {@code delivery}; {@code error: true} answers
 * carry a {@code message} instead. The bundled list uses the same shape.
 */
@Serdeable
record Joke(
        @Nullable Boolean error,
        @Nullable String message,
        @Nullable String category,
        @Nullable String type,
        @Nullable String joke,
        @Nullable String setup,
        @Nullable String delivery,
        @Nullable Map<String, Boolean> flags,
        @Nullable Boolean safe) {

    /** Discord shows at most 2,000 characters; a joke anywhere near that is not one worth telling. */
    private static final int MAX_LENGTH = 1500;

    /**
     * Whether this is a complete joke fit to tell: not an error, of a known type with its text,
     * and not flagged by JokeAPI in any way (safe mode is asked for, and checked again here).
     */
    boolean tellable() {
        if (Boolean.TRUE.equals(error) || Boolean.FALSE.equals(safe) || "Dark".equalsIgnoreCase(category)) {
            return false;
        }
        if (flags != null && flags.containsValue(Boolean.TRUE)) {
            return false;
        }
        return switch (type == null ? "" : type) {
            case "single" -> present(joke) && joke.length() <= MAX_LENGTH;
            case "twopart" -> present(setup) && present(delivery) && setup.length() + delivery.length() <= MAX_LENGTH;
            default -> false;
        };
    }

    /** The message text: a two-part joke hides its punchline behind a spoiler. */
    String text() {
        String emoji = JokeCategory.named(category == null ? "" : category).orElse(JokeCategory.ANY).emoji;
        if ("twopart".equals(type)) {
            return emoji + " " + setup.strip() + "\n||" + delivery.strip() + "||";
        }
        return emoji + " " + joke.strip();
    }

    private static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
