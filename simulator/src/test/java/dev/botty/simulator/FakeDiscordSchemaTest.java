package dev.botty.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in refuses, as Discord does, every body that breaks the request schema Discord publishes for its route. */
class FakeDiscordSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = "test-bot-token";
    private static final String EDIT = "/webhooks/" + InteractionBuilder.LOCAL_APPLICATION_ID + "/a-token/messages/@original";

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeDiscord discord;

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start(0).requireBotToken(TOKEN);
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    private HttpResponse<String> call(String method, String path, JsonNode body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(discord.apiUrl() + path))
                .header("Authorization", "Bot " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode message(String content) {
        return MAPPER.createObjectNode().put("content", content);
    }

    /** A refusal in Discord's words: 400, code 50035, and the error under the field's path. */
    private static JsonNode refusedAt(HttpResponse<String> response, String... path) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        JsonNode body = MAPPER.readTree(response.body());
        assertEquals(50035, body.path("code").asInt(), response.body());
        assertEquals("Invalid Form Body", body.path("message").asText());
        JsonNode at = body.path("errors");
        for (String segment : path) {
            at = at.path(segment);
        }
        assertTrue(at.path("_errors").isArray() && !at.path("_errors").isEmpty(), response.body());
        return at.path("_errors").get(0);
    }

    @Test
    void anEditOf2001CharactersIsRefusedAnd2000Pass() throws Exception {
        assertEquals("BASE_TYPE_MAX_LENGTH", refusedAt(call("PATCH", EDIT, message("x".repeat(2_001))), "content").path("code").asText());
        assertEquals(200, call("PATCH", EDIT, message("x".repeat(2_000))).statusCode());
    }

    @Test
    void elevenEmbedsAreRefused() throws Exception {
        ObjectNode message = message("hi");
        ArrayNode embeds = message.putArray("embeds");
        for (int i = 0; i < 11; i++) {
            embeds.addObject().put("title", "embed " + i);
        }
        assertEquals("Must be 10 or fewer in length.", refusedAt(call("PATCH", EDIT, message), "embeds").path("message").asText());
    }

    @Test
    void anEmbedKeyDiscordDoesNotKnowIsRefused() throws Exception {
        ObjectNode message = message("hi");
        message.putArray("embeds").addObject().put("title", "Now playing").put("colour", 0x5865F2);
        refusedAt(call("PATCH", EDIT, message), "embeds", "0", "colour");
        ObjectNode channelMessage = message("hi");
        channelMessage.putArray("embeds").addObject().put("title", "Now playing").put("colour", 1);
        refusedAt(call("POST", "/channels/123/messages", channelMessage), "embeds", "0", "colour");
        assertEquals(2, discord.refused().size());
        assertTrue(discord.channelMessages(123).isEmpty(), "nothing was posted");
    }

    @Test
    void aVoiceChannelStatusOver500CharactersIsRefusedAndNotSet() throws Exception {
        refusedAt(call("PUT", "/channels/77/voice-status", MAPPER.createObjectNode().put("status", "s".repeat(501))), "status");
        assertEquals(Optional.empty(), discord.voiceStatus(77));
        assertEquals(204, call("PUT", "/channels/77/voice-status", MAPPER.createObjectNode().put("status", "s".repeat(500))).statusCode());
    }

    @Test
    void aCommandDescriptionOver100CharactersIsRefused() throws Exception {
        ArrayNode commands = MAPPER.createArrayNode();
        commands.addObject().put("name", "play").put("type", 1).put("description", "d".repeat(101));
        refusedAt(call("PUT", "/applications/" + InteractionBuilder.LOCAL_APPLICATION_ID + "/commands", commands), "0", "description");
    }
}
