package dev.botty.interactions.discord;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * What botty answers to an interaction. Built only through the factories below, every message
 * this service sends is ephemeral and pings nobody.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionResponse(int type, @Nullable MessageData data) {
    public static final int PONG = 1;
    public static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    public static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
    /** Acknowledges a click without changing its message yet. */
    public static final int DEFERRED_UPDATE_MESSAGE = 6;
    /** Replaces the message whose button was clicked. */
    public static final int UPDATE_MESSAGE = 7;
    public static final int APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8;
    /** Only the invoking user sees the message. */
    public static final int EPHEMERAL = 1 << 6;

    public static InteractionResponse pong() {
        return new InteractionResponse(PONG, null);
    }

    public static InteractionResponse ephemeralMessage(@Nullable String content, @Nullable List<Embed> embeds) {
        return new InteractionResponse(CHANNEL_MESSAGE_WITH_SOURCE, MessageData.ephemeral(content, embeds));
    }

    public static InteractionResponse deferredEphemeral() {
        return new InteractionResponse(DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE,
                new MessageData(null, null, EPHEMERAL, null, null, null));
    }

    /** The clicked message as it should now look, buttons included (an empty list removes them). */
    public static InteractionResponse updateMessage(@Nullable String content, List<Embed> embeds, List<ActionRow> components) {
        return new InteractionResponse(UPDATE_MESSAGE, new MessageData(content, List.copyOf(embeds), null, null, AllowedMentions.NONE,
                List.copyOf(components)));
    }

    public static InteractionResponse deferredUpdate() {
        return new InteractionResponse(DEFERRED_UPDATE_MESSAGE, null);
    }

    public static InteractionResponse choices(List<Choice> choices) {
        return new InteractionResponse(APPLICATION_COMMAND_AUTOCOMPLETE_RESULT,
                new MessageData(null, null, null, List.copyOf(choices), null, null));
    }

    /** Message content, or autocomplete choices. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageData(
            @Nullable String content,
            @Nullable List<Embed> embeds,
            @Nullable Integer flags,
            @Nullable List<Choice> choices,
            @Nullable AllowedMentions allowedMentions,
            @Nullable List<ActionRow> components) {

        static MessageData ephemeral(@Nullable String content, @Nullable List<Embed> embeds) {
            return new MessageData(content, embeds, EPHEMERAL, null, AllowedMentions.NONE, null);
        }

        /** The body of an edit of a clicked message: content, embeds and buttons as they should now be. */
        public static MessageData update(@Nullable String content, List<Embed> embeds, List<ActionRow> components) {
            return new MessageData(content, List.copyOf(embeds), null, null, AllowedMentions.NONE, List.copyOf(components));
        }

        /** The body of a webhook edit: the same message, no flags (they cannot change on edit). */
        public static MessageData edit(@Nullable String content, @Nullable List<Embed> embeds) {
            return new MessageData(content, embeds == null ? List.of() : embeds, null, null, AllowedMentions.NONE, null);
        }
    }

    /** An empty {@code parse} list: the message can mention but never ping. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AllowedMentions(List<String> parse) {
        public static final AllowedMentions NONE = new AllowedMentions(List.of());
    }

    /** An autocomplete suggestion; {@code value} is a string or a number, as the option's type. */
    @Serdeable
    public record Choice(String name, Object value) {}
}
