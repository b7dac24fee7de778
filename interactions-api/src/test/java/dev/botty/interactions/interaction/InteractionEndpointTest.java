package dev.botty.interactions.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.command.Reply;
import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.InteractionPoster.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /interactions} over real HTTP: every status a client can cause, and how answers are shaped. */
class InteractionEndpointTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("INLINE_BUDGET_MS", "300"),
                new SlowCommand("quick", Duration.ZERO, Reply.text("fast answer")),
                new SlowCommand("slow", Duration.ofMillis(900), Reply.text("worth the wait")),
                new FailingCommand("broken", false),
                new FailingCommand("brokenlater", true));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    @Test
    void answersAPingWithAPong() {
        assertEquals("{\"type\":1}", app.postRaw(InteractionBuilder.ping().toJson()).body());
    }

    @Test
    void refusesARequestWithoutSignatureHeaders() throws Exception {
        Answer answer = app.poster().postRaw(bytes(InteractionBuilder.ping().toJson()), null, null);
        assertEquals(401, answer.status());
        assertEquals("invalid request signature", TestApp.json(answer.body()).path("error").asText());
    }

    @Test
    void refusesAMalformedSignature() throws Exception {
        assertEquals(401, app.poster().postRaw(bytes(InteractionBuilder.ping().toJson()), "not-hex", now()).status());
    }

    @Test
    void refusesAWrongSignatureTheWayDiscordProbesIt() throws Exception {
        byte[] body = bytes(InteractionBuilder.ping().toJson());
        String timestamp = now();
        String signature = app.key().sign(timestamp, body);
        String flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
        assertEquals(401, app.poster().postRaw(body, flipped, timestamp).status());
    }

    @Test
    void refusesAReplayedRequestOutsideTheWindow() throws Exception {
        byte[] body = bytes(InteractionBuilder.ping().toJson());
        String old = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());
        assertEquals(401, app.poster().postRaw(body, app.key().sign(old, body), old).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "[]", "\"text\"", "null", "{\"type\":\"one\"}", "{\"type\":2,\"data\":[1,2]}"})
    void refusesSignedBodiesThatAreNotInteractions(String body) {
        Answer answer = app.postRaw(body);
        assertEquals(400, answer.status(), answer.body());
        assertFalse(TestApp.json(answer.body()).path("error").asText().isEmpty());
    }

    @Test
    void refusesSignedBytesThatAreNotUtf8() throws Exception {
        byte[] body = {(byte) 0xff, (byte) 0xfe, '{', '}'};
        String timestamp = now();
        assertEquals(400, app.poster().postRaw(body, app.key().sign(timestamp, body), timestamp).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 99, -1})
    void refusesUnknownInteractionTypes(int type) {
        Answer answer = app.postRaw(InteractionBuilder.ofType(type, "avatar").toJson());
        assertEquals(400, answer.status());
        assertTrue(answer.body().contains("unknown interaction type"), answer.body());
    }

    @Test
    void refusesAnOversizeBodyWith413() throws Exception {
        String padding = "x".repeat(300_000);
        byte[] body = bytes("{\"type\":1,\"padding\":\"" + padding + "\"}");
        String timestamp = now();
        assertEquals(413, app.poster().postRaw(body, app.key().sign(timestamp, body), timestamp).status());
    }

    @Test
    void answersOtherMethodsWithout5xx() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUri() + "/interactions"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            assertTrue(status >= 400 && status < 500, method + " gave " + status);
        }
    }

    @Test
    void answersACommandInlineAndEphemerally() {
        JsonNode answer = app.post(InteractionBuilder.command("quick"));
        assertEquals(4, answer.path("type").asInt());
        assertEquals(64, answer.path("data").path("flags").asInt());
        assertEquals("fast answer", answer.path("data").path("content").asText());
        assertTrue(answer.path("data").path("allowed_mentions").path("parse").isArray(), "never pings: " + answer);
        assertEquals(0, answer.path("data").path("allowed_mentions").path("parse").size());
    }

    @Test
    void defersASlowCommandAndEditsTheOriginalMessage() throws Exception {
        InteractionBuilder interaction = InteractionBuilder.command("slow");
        String token = interaction.toNode().path("token").asText();
        JsonNode answer = app.post(interaction);
        assertEquals(5, answer.path("type").asInt(), "deferred: " + answer);
        assertEquals(64, answer.path("data").path("flags").asInt());

        FakeDiscord.Call edit = app.discord().awaitCall(c -> c.method().equals("PATCH") && c.path().contains("/messages/@original")
                && c.body().contains("worth the wait"), Duration.ofSeconds(5));
        assertTrue(edit.path().startsWith("/api/v10/webhooks/" + TestApp.APPLICATION_ID + "/"), edit.path());
        assertEquals("worth the wait", edit.json().path("content").asText());
        assertFalse(edit.json().has("flags"), "flags cannot change on edit");
        assertTrue(token.length() > 0);
    }

    @Test
    void retriesTheEditWhenDiscordRateLimitsIt() throws Exception {
        try (TestApp limited = TestApp.start(Map.of("INLINE_BUDGET_MS", "100"),
                new SlowCommand("slow", Duration.ofMillis(300), Reply.text("after the limit")))) {
            limited.discord().rateLimitNext(1, Duration.ofMillis(400));
            assertEquals(5, limited.post(InteractionBuilder.command("slow")).path("type").asInt());
            FakeDiscord.Call edit = limited.discord().awaitOriginalEdit(Duration.ofSeconds(5));
            assertEquals("after the limit", edit.json().path("content").asText());
            long patches = limited.discord().calls().stream().filter(c -> c.method().equals("PATCH")).count();
            assertEquals(2, patches, "one 429, one retry");
        }
    }

    @Test
    void answersABuggyCommandWithAnApologyNotA500() {
        for (String name : new String[] {"broken", "brokenlater"}) {
            JsonNode answer = app.post(InteractionBuilder.command(name));
            assertEquals(4, answer.path("type").asInt());
            assertEquals(64, answer.path("data").path("flags").asInt());
            assertTrue(answer.path("data").path("content").asText().contains("Something went wrong"), answer.toString());
        }
    }

    @Test
    void answersAnUnknownCommandPolitely() {
        JsonNode answer = app.post(InteractionBuilder.command("nosuchcommand"));
        assertEquals(4, answer.path("type").asInt());
        assertEquals(64, answer.path("data").path("flags").asInt());
        assertTrue(answer.path("data").path("content").asText().contains("/nosuchcommand"));
    }

    @Test
    void answersComponentInteractionsEphemerally() {
        JsonNode answer = app.post(InteractionBuilder.ofType(InteractionBuilder.MESSAGE_COMPONENT, "quick"));
        assertEquals(4, answer.path("type").asInt());
        assertEquals(64, answer.path("data").path("flags").asInt());
    }

    @Test
    void answersAutocompleteWithChoices() {
        JsonNode answer = app.post(InteractionBuilder.autocomplete("quick").focused("q", "Ber"));
        assertEquals(8, answer.path("type").asInt());
        assertEquals("Ber", answer.path("data").path("choices").path(0).path("value").asText());
    }

    @Test
    void answersSlowAutocompleteWithNoChoicesInsteadOfTimingOut() {
        JsonNode answer = app.post(InteractionBuilder.autocomplete("slow").focused("q", "Ber"));
        assertEquals(8, answer.path("type").asInt());
        assertEquals(0, answer.path("data").path("choices").size());
    }

    @Test
    void answersMusicCommandsThatMusicIsNotSetUp() {
        JsonNode answer = app.post(InteractionBuilder.command("play").option("query", InteractionBuilder.STRING, "lofi"));
        assertEquals(64, answer.path("data").path("flags").asInt());
        assertTrue(answer.path("data").path("content").asText().contains("not set up"));
    }
}
