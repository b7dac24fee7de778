package dev.botty.interactions.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.ClosedPort;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.voice.FakeVoiceNode;
import dev.botty.interactions.voice.NodeStatusJson;
import dev.botty.simulator.InteractionBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/status}, the status page and readiness on the management port, with one node up and one down. */
class StatusEndpointTest {
    static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reportsTheApiAndEveryVoiceNodeAsJson() throws Exception {
        try (FakeVoiceNode up = new FakeVoiceNode(SECRET).reporting(200, NodeStatusJson.playing(0));
                ClosedPort down = new ClosedPort();
                TestApp app = TestApp.start(Map.of("VOICE_NODE_URLS", up.url() + "," + down.url(), "VOICE_NODE_SECRET", SECRET))) {
            app.post(InteractionBuilder.command("avatar"));
            app.post(InteractionBuilder.command("avatar"));
            app.post(InteractionBuilder.command("no-such-command-12345"));

            HttpResponse<String> response = get(app.managementUri().resolve("/api/status"));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode status = TestApp.json(response.body());
            assertEquals("interactions-api", status.path("service").asText());
            assertEquals("dev", status.path("version").asText());
            // Uptime counts from the process's start, not from the first status request.
            Instant processStart = Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
            assertEquals(processStart, Instant.parse(status.path("startedAt").asText()));
            long sinceStart = Duration.between(processStart, Instant.now()).toSeconds();
            assertTrue(sinceStart >= 1, "this JVM has been running for a second at least");
            assertTrue(Math.abs(status.path("uptimeSeconds").asLong() - sinceStart) <= 1, status.toString());
            assertEquals(2, status.path("commands").path("avatar").path("ok").asLong());
            assertEquals(1, status.path("commands").path("unknown").path("failed").asLong());
            assertEquals("An interaction named no command botty knows", status.path("lastErrors").path(0).path("message").asText());

            JsonNode nodes = status.path("voiceNodes");
            assertEquals(2, nodes.size());
            assertTrue(nodes.path(0).path("reachable").asBoolean());
            assertEquals(NodeStatusJson.TITLE, nodes.path(0).path("status").path("guilds").path(0).path("nowPlaying").path("title").asText());
            assertFalse(nodes.path(1).path("reachable").asBoolean());
            assertEquals("is not accepting connections", nodes.path(1).path("problem").asText());

            assertEquals(404, get(app.managementUri().resolve("/api/other")).statusCode());
            assertEquals(404, get(app.baseUri().resolve("/api/status")).statusCode(), "never on the public port");
            assertEquals(404, get(app.baseUri().resolve("/")).statusCode(), "the page is never on the public port");
        }
    }

    @Test
    void rendersThePageWithEveryDynamicStringEscaped() throws Exception {
        try (FakeVoiceNode up = new FakeVoiceNode(SECRET).reporting(200, NodeStatusJson.playing(0));
                ClosedPort down = new ClosedPort();
                TestApp app = TestApp.start(Map.of("VOICE_NODE_URLS", up.url() + "," + down.url(), "VOICE_NODE_SECRET", SECRET))) {
            HttpResponse<String> page = get(app.managementUri().resolve("/"));
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), "a status page is never cached");
            assertEquals("default-src 'none'; style-src 'unsafe-inline'", page.headers().firstValue("Content-Security-Policy").orElse(""));
            String html = page.body();
            assertTrue(html.contains("Loopback &lt;Rock&gt; &amp; &quot;Roll&quot;"), html);
            assertFalse(html.contains("<Rock>"), "no raw markup from a track title");
            assertTrue(html.contains("Could not load &lt;track&gt;: no matches"));
            assertTrue(html.contains("<span class=\"badge down node-state\">unreachable</span>"));
            assertFalse(html.contains("<script"), "no JavaScript");
            assertEquals(404, get(app.managementUri().resolve("/status")).statusCode(), "one address for the page");
        }
    }

    @Test
    void staysReadyWithAVoiceNodeDownButSaysSo() throws Exception {
        try (ClosedPort down = new ClosedPort();
                TestApp app = TestApp.start(Map.of("VOICE_NODE_URLS", down.url(), "VOICE_NODE_SECRET", SECRET))) {
            HttpResponse<String> health = get(app.managementUri().resolve("/health"));
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("unreachable: is not accepting connections"), health.body());
        }
    }
}
