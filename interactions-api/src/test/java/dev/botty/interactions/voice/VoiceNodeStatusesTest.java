package dev.botty.interactions.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.ClosedPort;
import dev.botty.interactions.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every voice node's status, fetched signed and in parallel over real HTTP; each failure is named, never thrown. */
class VoiceNodeStatusesTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";

    private static TestApp app(String urls, String secret) {
        return TestApp.start(Map.of("VOICE_NODE_URLS", urls, "VOICE_NODE_SECRET", secret, "VOICE_NODE_TIMEOUT_MS", "1000"));
    }

    private static List<VoiceNodeReport> fetch(TestApp app) throws Exception {
        return app.context().getBean(VoiceNodeStatuses.class).fetchAll().get(20, TimeUnit.SECONDS);
    }

    @Test
    void readsAnUpNodesStatusWithASignedGet() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode(SECRET).reporting(200, NodeStatusJson.playing(0)); TestApp app = app(node.url(), SECRET)) {
            List<VoiceNodeReport> reports = fetch(app);
            assertEquals(1, reports.size());
            VoiceNodeReport report = reports.getFirst();
            assertTrue(report.reachable(), report.problem());
            assertNull(report.problem());
            assertEquals(0, report.index());
            assertEquals(node.url().substring("http://".length()), report.address());
            assertEquals(NodeStatusJson.VERSION, report.status().version());
            assertEquals("CONNECTED", report.status().gateway().state());
            assertEquals(NodeStatusJson.TITLE, report.status().guilds().getFirst().nowPlaying().title());
            assertEquals(NodeStatusJson.QUEUE_LENGTH, report.status().guilds().getFirst().queueLength());
            assertEquals(6, report.status().lavalink().getFirst().frames().deficit());
            assertEquals(7L, report.status().commands().get("play").get("ok"));
            assertTrue(node.statusRequests().getFirst().signatureValid(), "signed over the timestamp and the empty body");
        }
    }

    @Test
    void namesANodeThatIsDown() throws Exception {
        try (ClosedPort down = new ClosedPort(); TestApp app = app(down.url(), SECRET)) {
            VoiceNodeReport report = fetch(app).getFirst();
            assertFalse(report.reachable());
            assertNull(report.status());
            assertEquals("is not accepting connections", report.problem());
        }
    }

    @Test
    void givesUpOnASlowNodeWithoutWaitingForIt() throws Exception {
        try (FakeVoiceNode slow = new FakeVoiceNode(SECRET).reporting(200, NodeStatusJson.playing(0)).reportingAfter(Duration.ofSeconds(15));
                TestApp app = app(slow.url(), SECRET)) {
            long started = System.nanoTime();
            VoiceNodeReport report = fetch(app).getFirst();
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertFalse(report.reachable());
            assertEquals("did not answer within 1000 ms", report.problem());
            assertTrue(tookMs < 12_000, "gave up long before the node answered: " + tookMs + " ms");
        }
    }

    @Test
    void refusesToCallGarbageAStatus() throws Exception {
        try (FakeVoiceNode html = new FakeVoiceNode(SECRET).reporting(200, "<html>proxy error</html>");
                FakeVoiceNode empty = new FakeVoiceNode(SECRET).reporting(200, "{}");
                FakeVoiceNode failing = new FakeVoiceNode(SECRET).reporting(500, "{\"message\":\"Internal Server Error\"}");
                TestApp app = app(html.url() + "," + empty.url() + "," + failing.url(), SECRET)) {
            List<VoiceNodeReport> reports = fetch(app);
            assertEquals("answered something that is not a node status", reports.get(0).problem());
            assertEquals("answered something that is not a node status", reports.get(1).problem());
            assertEquals("answered HTTP 500", reports.get(2).problem());
            assertEquals(List.of(0, 1, 2), reports.stream().map(VoiceNodeReport::index).toList(), "in shard order");
        }
    }

    @Test
    void saysSoWhenTheNodeRefusesOurSignature() throws Exception {
        try (FakeVoiceNode node = new FakeVoiceNode("another-secret-that-is-long-enough-9876543210").reporting(200, NodeStatusJson.playing(0));
                TestApp app = app(node.url(), SECRET)) {
            VoiceNodeReport report = fetch(app).getFirst();
            assertFalse(report.reachable());
            assertTrue(report.problem().contains("HTTP 401"), report.problem());
            assertFalse(node.statusRequests().getFirst().signatureValid());
        }
    }

    @Test
    void oneDownNodeDoesNotHideTheOthers() throws Exception {
        try (FakeVoiceNode up = new FakeVoiceNode(SECRET).reporting(200, NodeStatusJson.playing(1));
                ClosedPort down = new ClosedPort();
                TestApp app = app(down.url() + "," + up.url(), SECRET)) {
            List<VoiceNodeReport> reports = fetch(app);
            assertFalse(reports.get(0).reachable());
            assertTrue(reports.get(1).reachable());
            assertNotNull(reports.get(1).status());
            assertEquals(1, reports.get(1).status().shardId());
        }
    }

    @Test
    void reportsNothingWithoutVoiceNodes() throws Exception {
        try (TestApp app = TestApp.start()) {
            assertEquals(List.of(), fetch(app));
        }
    }
}
