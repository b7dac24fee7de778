package dev.botty.voice.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.voice.command.MusicCommand;
import dev.botty.voice.command.Reply;
import java.util.List;

/**
 * The interaction responses the node answers with, as Discord defines them: every message
 * ephemeral (flag 64) and pinging nobody.
 */
final class InteractionReplies {
    static final int EPHEMERAL = 64;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private InteractionReplies() {}

    /** {@code CHANNEL_MESSAGE_WITH_SOURCE} (4). */
    static ObjectNode message(Reply answer) {
        ObjectNode reply = JSON.objectNode().put("type", 4);
        reply.set("data", messageData(answer));
        return reply;
    }

    /** {@code APPLICATION_COMMAND_AUTOCOMPLETE_RESULT} (8), at most 25 choices. */
    static ObjectNode choices(List<MusicCommand.Choice> choices) {
        ObjectNode reply = JSON.objectNode().put("type", 8);
        ArrayNode list = reply.putObject("data").putArray("choices");
        choices.stream().limit(25).forEach(choice -> list.addObject().put("name", choice.name()).put("value", choice.value()));
        return reply;
    }

    /** The message body of a type 4 response. */
    static ObjectNode messageData(Reply answer) {
        ObjectNode data = JSON.objectNode().put("content", answer.content()).put("flags", EPHEMERAL);
        ArrayNode embeds = data.putArray("embeds");
        if (answer.embed() != null) {
            embeds.add(embed(answer.embed()));
        }
        data.putObject("allowed_mentions").putArray("parse");
        return data;
    }

    private static ObjectNode embed(Reply.Card card) {
        ObjectNode embed = JSON.objectNode().put("title", card.title()).put("description", card.description());
        if (card.url() != null) {
            embed.put("url", card.url());
        }
        if (card.thumbnailUrl() != null) {
            embed.putObject("thumbnail").put("url", card.thumbnailUrl());
        }
        if (!card.fields().isEmpty()) {
            ArrayNode fields = embed.putArray("fields");
            card.fields().forEach(field -> fields.addObject().put("name", field.name()).put("value", field.value()).put("inline", field.inline()));
        }
        if (card.footer() != null) {
            embed.putObject("footer").put("text", card.footer());
        }
        return embed;
    }
}
