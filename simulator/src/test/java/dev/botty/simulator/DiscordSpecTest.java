package dev.botty.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discord's own description of its API, read as Discord applies it. */
class DiscordSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DiscordSpec SPEC = DiscordSpec.bundled();
    private static final String EDIT = "/api/v10/webhooks/1100000000000000001/some-token/messages/@original";

    private static ObjectNode message(String content) {
        ObjectNode message = JSON.createObjectNode().put("content", content).put("flags", 64);
        message.putObject("allowed_mentions").putArray("parse");
        return message;
    }

    @Test
    void findsTheRouteOfARequestPathPreferringLiteralSegments() {
        assertEquals("/webhooks/{webhook_id}/{webhook_token}/messages/@original", SPEC.route(EDIT).orElseThrow());
        assertEquals("/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
                SPEC.route("/api/v10/webhooks/1/t/messages/123").orElseThrow());
        assertEquals("/channels/{channel_id}/voice-status", SPEC.route("/api/v10/channels/5/voice-status").orElseThrow());
        assertTrue(SPEC.route("/api/v10/no/such/route").isEmpty());
    }

    @Test
    void aConformingEditPasses() {
        ObjectNode message = message("x".repeat(2_000));
        ObjectNode embed = message.putArray("embeds").addObject().put("title", "t".repeat(256)).put("description", "d".repeat(3_000))
                .put("color", 0x5865F2);
        embed.putObject("footer").put("text", "page 1");
        ArrayNode fields = embed.putArray("fields");
        fields.addObject().put("name", "n").put("value", "v".repeat(1_024)).put("inline", true);
        for (int i = 1; i < 25; i++) {
            fields.addObject().put("name", "n").put("value", "v".repeat(20)).put("inline", true);
        }
        assertEquals(List.of(), SPEC.checkRequest("PATCH", EDIT, message));
    }

    @Test
    void refusesWhatDiscordRefusesWithItsErrorShape() {
        List<DiscordSpec.Violation> tooLong = SPEC.checkRequest("PATCH", EDIT, message("x".repeat(2_001)));
        assertEquals(List.of(new DiscordSpec.Violation(List.of("content"), "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.")), tooLong);
        JsonNode body = DiscordSpec.formBodyError(tooLong);
        assertEquals(50035, body.path("code").asInt());
        assertEquals("BASE_TYPE_MAX_LENGTH", body.path("errors").path("content").path("_errors").path(0).path("code").asText());

        ObjectNode eleven = message("hi");
        ArrayNode embeds = eleven.putArray("embeds");
        for (int i = 0; i < 11; i++) {
            embeds.addObject().put("title", "t");
        }
        assertEquals(List.of("embeds"), SPEC.checkRequest("PATCH", EDIT, eleven).getFirst().path());

        ObjectNode colour = message("hi");
        colour.putArray("embeds").addObject().put("title", "t").put("colour", 1);
        assertEquals(List.of(new DiscordSpec.Violation(List.of("embeds", "0", "colour"), "UNKNOWN_FIELD", "This field is not allowed.")),
                SPEC.checkRequest("PATCH", EDIT, colour));

        assertEquals(List.of("status"), SPEC.checkRequest("PUT", "/api/v10/channels/5/voice-status",
                JSON.createObjectNode().put("status", "s".repeat(501))).getFirst().path());
        assertEquals(List.of(), SPEC.checkRequest("PUT", "/api/v10/channels/5/voice-status", JSON.createObjectNode().put("status", "s".repeat(500))));
    }

    @Test
    void countsTheCharactersOfAllEmbedsTogetherAsDiscordDoes() {
        ObjectNode message = message("hi");
        ArrayNode embeds = message.putArray("embeds");
        embeds.addObject().put("title", "t".repeat(256)).put("description", "d".repeat(4_096));
        embeds.addObject().put("description", "d".repeat(1_648));
        assertEquals(List.of(), SPEC.checkRequest("PATCH", EDIT, message), "6,000 exactly");
        ((ObjectNode) embeds.get(1)).putObject("footer").put("text", "!");
        assertEquals(List.of(new DiscordSpec.Violation(List.of("embeds"), "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")),
                SPEC.checkRequest("PATCH", EDIT, message));
        ObjectNode answer = JSON.createObjectNode().put("type", 4);
        answer.set("data", message);
        assertEquals(List.of("data", "embeds"), SPEC.checkInteractionResponse(answer).getFirst().path());
    }

    @Test
    void readsAnInteractionAnswerAsTheKindItsTypeNames() {
        ObjectNode answer = JSON.createObjectNode().put("type", 4);
        answer.set("data", message("hello"));
        assertEquals(List.of(), SPEC.checkInteractionResponse(answer));
        assertEquals(List.of(), SPEC.checkInteractionResponse(JSON.createObjectNode().put("type", 1)));

        ObjectNode choices = JSON.createObjectNode().put("type", 8);
        ArrayNode list = choices.putObject("data").putArray("choices");
        for (int i = 0; i < 26; i++) {
            list.addObject().put("name", "n" + i).put("value", "v" + i);
        }
        // data is a union (integer, number or string choices): each kind says why it does not fit; the string kind, the count.
        assertTrue(SPEC.checkInteractionResponse(choices).contains(
                new DiscordSpec.Violation(List.of("data", "choices"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")),
                SPEC.checkInteractionResponse(choices).toString());
        list.remove(25);
        assertEquals(List.of(), SPEC.checkInteractionResponse(choices));

        ObjectNode unknown = JSON.createObjectNode().put("type", 4);
        unknown.putObject("data").put("content", "hi").put("ephemeral", true);
        assertEquals(List.of(new DiscordSpec.Violation(List.of("data", "ephemeral"), "UNKNOWN_FIELD", "This field is not allowed.")),
                SPEC.checkInteractionResponse(unknown));
        assertEquals(List.of("type"), SPEC.checkInteractionResponse(JSON.createObjectNode().put("type", 99)).getFirst().path());
    }
}
