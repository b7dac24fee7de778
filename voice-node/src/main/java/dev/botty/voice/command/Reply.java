package dev.botty.voice.command;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a music command answers the person who used it (always ephemerally), and how it went.
 *
 * @param content the message text, may be empty when there is an embed
 * @param embed   an embed, or null
 * @param outcome how it went, for counters
 */
public record Reply(String content, @Nullable Card embed, Outcome outcome) {
    public enum Outcome {
        /** Did what was asked. */
        OK,
        /** Would not: not in a voice channel, empty queue, bad position… the user can fix it. */
        REFUSED,
        /** Could not: Lavalink down, load failed, a bug. */
        ERROR
    }

    public static Reply ok(String content) {
        return new Reply(content, null, Outcome.OK);
    }

    public static Reply ok(Card embed) {
        return new Reply("", embed, Outcome.OK);
    }

    public static Reply refused(String content) {
        return new Reply(content, null, Outcome.REFUSED);
    }

    public static Reply error(String content) {
        return new Reply(content, null, Outcome.ERROR);
    }

    /**
     * A Discord embed, as much of it as botty uses.
     *
     * @param title        the title, linked to {@code url} when there is one
     * @param url          the title's link, or null
     * @param description  the body (Markdown)
     * @param thumbnailUrl a small picture, or null
     * @param fields       name/value pairs shown under the body
     * @param footer       small text at the bottom, or null
     */
    public record Card(String title, @Nullable String url, String description, @Nullable String thumbnailUrl,
                       List<Field> fields, @Nullable String footer) {
        public Card {
            fields = List.copyOf(fields);
        }

        public record Field(String name, String value, boolean inline) {}
    }
}
