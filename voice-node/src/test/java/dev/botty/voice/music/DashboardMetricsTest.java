package dev.botty.voice.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.internal.MusicRequest;
import dev.botty.internal.RequestSignature;
import dev.botty.simulator.observability.MetricNames;
import dev.botty.simulator.observability.MonitoringQueries.Query;
import dev.botty.simulator.observability.MonitoringQueries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards and the alert rules watch only series a voice node really exposes:
 * every music, gateway and Lavalink metric their PromQL names (and the JVM's) must be in a scrape
 * of a running node after it played, skipped and failed a load. The interactions-api's own names
 * are checked by its twin of this test.
 */
class DashboardMetricsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;
    MusicWorld world;

    @BeforeEach
    void start() throws Exception {
        world = MusicWorld.start(data);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Through the internal API, as the interactions-api sends it, so the command is counted where production counts it. */
    private void signed(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.port + "/v1/commands"))
                .header("Content-Type", "application/json")
                .header(RequestSignature.TIMESTAMP_HEADER, timestamp)
                .header(RequestSignature.SIGNATURE_HEADER, new RequestSignature(MusicWorld.SECRET).sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private String scrape() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.managementPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void everyVoiceNodeMetricTheDashboardsAndAlertsNameIsExposed() throws Exception {
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                queries.addAll(MonitoringQueries.ofDashboard(file));
            }
        }
        queries.addAll(MonitoringQueries.ofRules(ROOT.resolve("deploy/prometheus/alerts.yml")));

        signed(io.micronaut.serde.ObjectMapper.getDefault().writeValueAsString(new MusicRequest(MusicWorld.GUILD, MusicWorld.GENERAL,
                MusicWorld.ALICE, "en-US", "play", Map.of("query", "loopback rock"), null)));
        world.awaitPlaying("Loopback Rock");
        world.run(MusicWorld.ALICE, "play", Map.of("query", "qqqq nothing sounds like this zzzz"));
        world.run(MusicWorld.ALICE, "skip");
        MusicWorld.eventually(() -> {
            try {
                return MetricNames.inScrape(scrape()).containsAll(Set.of("botty_voice_tracks_ended_total", "botty_voice_load_failures_total"));
            } catch (Exception e) {
                return false;
            }
        }, "a track ended and a load failed");
        Set<String> exposed = MetricNames.inScrape(scrape());

        List<String> missing = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Query query : queries) {
            for (String name : MetricNames.inQuery(query.expr())) {
                if (MetricNames.ofVoiceNode(name) || name.startsWith("jvm_")) {
                    checked.add(name);
                    if (!exposed.contains(name)) {
                        missing.add(query.where() + ": " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "names a voice node does not expose");
        assertTrue(checked.containsAll(Set.of("botty_voice_commands_total", "botty_voice_players", "botty_lavalink_frames_deficit",
                "botty_lavalink_node_up", "botty_gateway_ping_seconds", "jvm_memory_used_bytes")), "checked: " + checked);
    }
}
