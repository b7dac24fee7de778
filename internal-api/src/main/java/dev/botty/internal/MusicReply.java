package dev.botty.internal;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a music command answers the person who used it (the interactions-api shows it
 * ephemerally, pinging nobody), and how it went.
 *
 * @param content the message text, may be empty when there is a card
 * @param card    an embed, or null
 * @param outcome how it went, for counters
 */
@Serdeable
public record MusicReply(String content, @Nullable Card card, Outcome outcome) {
    @Serdeable
    public enum Outcome {
        /** Did what was asked. */
        OK,
        /** Would not: not in a voice channel, empty queue, bad position… the user can fix it. */
        REFUSED,
        /** Could not: Lavalink down, load failed, a bug. */
        ERROR
    }

    public MusicReply {
        content = content == null ? "" : content;
        if (outcome == null) {
            throw new IllegalArgumentException("a reply says how it went");
        }
    }

    public static MusicReply ok(String content) {
        return new MusicReply(content, null, Outcome.OK);
    }

    public static MusicReply ok(Card card) {
        return new MusicReply("", card, Outcome.OK);
    }

    public static MusicReply refused(String content) {
        return new MusicReply(content, null, Outcome.REFUSED);
    }

    public static MusicReply error(String content) {
        return new MusicReply(content, null, Outcome.ERROR);
    }

    /**
     * A Discord embed, as much of it as the music uses.
     *
     * @param title        the title, linked to {@code url} when there is one
     * @param url          the title's link, or null
     * @param description  the body (Markdown)
     * @param thumbnailUrl a small picture, or null
     * @param fields       name/value pairs shown under the body
     * @param footer       small text at the bottom, or null
     */
    @Serdeable
    public record Card(String title, @Nullable String url, String description, @Nullable String thumbnailUrl,
                       List<Field> fields, @Nullable String footer) {
        public Card {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        @Serdeable
        public record Field(String name, String value, boolean inline) {}
    }
}
