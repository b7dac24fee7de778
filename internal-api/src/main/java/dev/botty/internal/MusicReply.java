package dev.botty.internal;

import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a music command answers the person who used it (the interactions-api shows it
 * ephemerally, pinging nobody), and how it went; or, for a click on the now-playing message's
 * buttons, that message as it should now look.
 *
 * @param content  the message text, may be empty when there is a card
 * @param card     an embed, or null
 * @param outcome  how it went, for counters
 * @param controls the buttons under the message (the now-playing message's), empty for none
 * @param update   whether this replaces the message that was clicked rather than answering the clicker alone
 */
@Serdeable
public record MusicReply(String content, @Nullable Card card, Outcome outcome, List<Control> controls, boolean update) {
    @Serdeable
    public enum Outcome {
        /** Did what was asked. */
        OK,
        /** Would not: not in a voice channel, empty queue, bad position… the user can fix it. */
        REFUSED,
        /** Could not: Lavalink down, load failed, a bug. */
        ERROR
    }

    @Creator
    public MusicReply {
        content = content == null ? "" : content;
        if (outcome == null) {
            throw new IllegalArgumentException("a reply says how it went");
        }
        controls = controls == null ? List.of() : List.copyOf(controls);
    }

    /** A reply for the person who used the command, without buttons. */
    public MusicReply(String content, @Nullable Card card, Outcome outcome) {
        this(content, card, outcome, List.of(), false);
    }

    /** The clicked message as it should now look: the card and its buttons. */
    public static MusicReply update(Card card, List<Control> controls) {
        return new MusicReply("", card, Outcome.OK, controls, true);
    }

    /**
     * A button under a message.
     *
     * @param customId what a click sends back ({@link MusicControls#customId})
     * @param emoji    a Unicode emoji shown on it
     * @param label    its text
     * @param active   whether it shows a mode that is on (drawn highlighted)
     * @param disabled whether it cannot be clicked now (nothing to skip, say)
     */
    @Serdeable
    public record Control(String customId, String emoji, String label, boolean active, boolean disabled) {}

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
