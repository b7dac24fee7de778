package dev.botty.interactions.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.command.Reply;
import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.RawHttpConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 on the public port as a client sees it, over raw sockets so that requests can be
 * pipelined, chunked, cut short or left without a body: answers in request order, keep-alive and
 * close, {@code Expect: 100-continue}, the body limit, and an idle close waiting for an answer
 * still being worked out. Micronaut keeps all of this; these tests pin that it still does with
 * botty's settings and connection guard in the pipeline.
 */
class InteractionHttpTest {
    private static final Duration SLOW = Duration.ofMillis(900);
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("INLINE_BUDGET_MS", "300", "botty.server.request-timeout", "2s"),
                new SlowCommand("quick", Duration.ZERO, Reply.text("fast answer")),
                new SlowCommand("slow", SLOW, Reply.text("worth the wait")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void answersPipelinedRequestsInTheOrderTheyCame() throws IOException {
        try (RawHttpConnection connection = open(app)) {
            // The first answer is outstanding for the inline budget; everything behind it waits,
            // the route Micronaut answers (GET: 405) included.
            connection.send(signed(app, InteractionBuilder.command("slow")), signed(app, InteractionBuilder.ping()),
                    signed(app, InteractionBuilder.command("quick")), plain("GET", "/interactions"), signed(app, InteractionBuilder.ping()));
            assertDeferred(connection.read());
            assertEquals("{\"type\":1}", connection.read().body());
            assertEquals("fast answer", json(connection.read()).path("data").path("content").asText());
            assertEquals(405, connection.read().status());
            assertEquals("{\"type\":1}", connection.read().body());
        }
    }

    @Test
    void flushesTheAnswerToARequestPipelinedBehindADeferral() throws IOException {
        try (RawHttpConnection connection = open(app)) {
            // Read while the deferral is outstanding and answered after it, outside any socket
            // read: its answer must still be flushed.
            connection.send(signed(app, InteractionBuilder.command("slow")), plain("GET", "/interactions"));
            assertDeferred(connection.read());
            assertEquals(405, connection.read().status());
        }
    }

    @Test
    void keepsOrderBehindAnInterim100Continue() throws IOException {
        try (RawHttpConnection connection = open(app)) {
            // The 100 is not the answer: the quick command sent behind the body must not
            // overtake the deferral still to come.
            byte[] slow = signed(app, InteractionBuilder.command("slow"), "Expect: 100-continue\r\n");
            int headEnd = new String(slow, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
            connection.send(java.util.Arrays.copyOfRange(slow, 0, headEnd));
            assertEquals(100, connection.read().status());
            connection.send(java.util.Arrays.copyOfRange(slow, headEnd, slow.length), signed(app, InteractionBuilder.command("quick")));
            assertDeferred(connection.read());
            assertEquals("fast answer", json(connection.read()).path("data").path("content").asText());
        }
    }

    @Test
    void keepsAnHttp11ConnectionUnlessTheClientClosesIt() throws IOException {
        try (RawHttpConnection connection = open(app)) {
            connection.send(signed(app, InteractionBuilder.ping()));
            RawHttpConnection.Response kept = connection.read();
            assertEquals("{\"type\":1}", kept.body());
            assertEquals(null, kept.headers().get("connection"));
            assertEquals("application/json", kept.headers().get("content-type"));
            assertTrue(kept.headers().containsKey("date"), kept.headers().toString());
            // Nothing after the request that closes the connection is answered, even if it came.
            connection.send(signed(app, InteractionBuilder.ping(), "Connection: close\r\n"), signed(app, InteractionBuilder.ping()));
            RawHttpConnection.Response last = connection.read();
            assertEquals("{\"type\":1}", last.body());
            assertEquals("close", last.headers().get("connection"));
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void answersHttp10AndThenCloses() throws IOException {
        // Micronaut keeps no HTTP/1.0 connection alive, asked or not; it says so by closing.
        try (RawHttpConnection connection = open(app)) {
            connection.send(http10(signed(app, InteractionBuilder.ping(), "Connection: keep-alive\r\n")));
            RawHttpConnection.Response answer = connection.read();
            assertEquals("HTTP/1.0", answer.version());
            assertEquals("{\"type\":1}", answer.body());
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void answersAChunkedInteractionOverItsReassembledBytes() throws IOException {
        byte[] body = InteractionBuilder.command("quick").toJson().getBytes(StandardCharsets.UTF_8);
        String timestamp = now();
        String head = "POST /interactions HTTP/1.1\r\nHost: botty\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "X-Signature-Ed25519: " + app.key().sign(timestamp, body) + "\r\nX-Signature-Timestamp: " + timestamp + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(ascii(head));
        int third = body.length / 3;
        for (int[] part : new int[][] {{0, third}, {third, 2 * third}, {2 * third, body.length}}) {
            request.writeBytes(ascii(Integer.toHexString(part[1] - part[0]) + "\r\n"));
            request.write(body, part[0], part[1] - part[0]);
            request.writeBytes(ascii("\r\n"));
        }
        request.writeBytes(ascii("0\r\n\r\n"));
        try (RawHttpConnection connection = open(app)) {
            connection.send(request.toByteArray());
            assertEquals("fast answer", json(connection.read()).path("data").path("content").asText());
        }
    }

    @Test
    void refusesADeclaredOversizeBodyBeforeItIsSent() throws IOException {
        try (RawHttpConnection connection = open(app)) {
            connection.send(ascii("POST /interactions HTTP/1.1\r\nHost: botty\r\nContent-Length: 50000000\r\n\r\n"));
            RawHttpConnection.Response refused = connection.read();
            assertEquals(413, refused.status());
            assertTrue(json(refused).path("error").asText().contains("262144"), refused.body());
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void refusesAnOversizeBodyWhileItIsStillBeingSentAndKeepsTheConnection() throws IOException {
        try (RawHttpConnection connection = open(app)) {
            byte[] block = new byte[64 * 1024];
            int length = 61 * block.length;
            connection.send(ascii("POST /interactions HTTP/1.1\r\nHost: botty\r\nContent-Length: " + length + "\r\n\r\n"));
            // The whole body, as a client that does not wait for an interim answer sends it: a
            // socket closed with this unread would be reset, taking the 413 with it. Micronaut
            // reads and drops it, and the connection serves the next request.
            for (int sent = 0; sent < length; sent += block.length) {
                connection.send(block);
            }
            assertEquals(413, connection.read().status());
            connection.send(signed(app, InteractionBuilder.ping()));
            assertEquals("{\"type\":1}", connection.read().body());
        }
    }

    @Test
    void refusesAnUnreadableContentLengthWith400() throws IOException {
        for (String length : new String[] {"abc", "-5", "1, 2", "99999999999999999999"}) {
            try (RawHttpConnection connection = open(app)) {
                connection.send(ascii("POST /interactions HTTP/1.1\r\nHost: botty\r\nContent-Length: " + length + "\r\n\r\n{}"));
                assertEquals(400, connection.read().status(), length);
            }
        }
    }

    @Test
    void refusesAChunkedBodyOnceItGrowsPastTheLimit() throws IOException {
        try (RawHttpConnection connection = open(app)) {
            connection.send(ascii("POST /interactions HTTP/1.1\r\nHost: botty\r\nTransfer-Encoding: chunked\r\n\r\n"));
            String chunk = "10000\r\n" + "x".repeat(0x10000) + "\r\n";
            for (int i = 0; i < 5; i++) {
                connection.send(ascii(chunk));
            }
            assertEquals(413, connection.read().status());
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void servesNoInteractionsOnTheManagementPort() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(URI.create(app.managementUri() + "/interactions"))
                .POST(BodyPublishers.ofString(InteractionBuilder.ping().toJson())).build();
        assertEquals(404, http.send(request, BodyHandlers.discarding()).statusCode());
    }

    private static void assertDeferred(RawHttpConnection.Response response) {
        assertEquals(200, response.status(), response.body());
        JsonNode answer = json(response);
        assertEquals(5, answer.path("type").asInt(), response.body());
        assertEquals(64, answer.path("data").path("flags").asInt(), response.body());
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] signed(TestApp app, InteractionBuilder interaction) {
        return signed(app, interaction, "");
    }

    /** A whole HTTP/1.1 request as Discord sends it, with extra header lines. */
    private static byte[] signed(TestApp app, InteractionBuilder interaction, String extraHeaders) {
        byte[] body = interaction.toJson().getBytes(StandardCharsets.UTF_8);
        String timestamp = now();
        String head = "POST /interactions HTTP/1.1\r\nHost: botty\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nX-Signature-Ed25519: " + app.key().sign(timestamp, body) + "\r\nX-Signature-Timestamp: " + timestamp + "\r\n"
                + extraHeaders + "\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(ascii(head));
        request.writeBytes(body);
        return request.toByteArray();
    }

    private static byte[] http10(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return ascii(text.replaceFirst(" HTTP/1.1\r\n", " HTTP/1.0\r\n"));
    }

    private static byte[] plain(String method, String path) {
        return ascii(method + " " + path + " HTTP/1.1\r\nHost: botty\r\n\r\n");
    }

    private static RawHttpConnection open(TestApp app) throws IOException {
        return RawHttpConnection.open("127.0.0.1", app.baseUri().getPort(), 10_000);
    }

    private static JsonNode json(RawHttpConnection.Response response) {
        return TestApp.json(response.body());
    }
}
