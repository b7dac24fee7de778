package dev.botty.interactions.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.voice.FakeVoiceNode;
import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.observability.MetricNames;
import dev.botty.simulator.observability.MonitoringQueries;
import dev.botty.simulator.observability.MonitoringQueries.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards and the alert rules watch only series the interactions-api really
 * exposes: every metric their PromQL names (outside the voice node's, which the voice node's own
 * test checks) must be in a scrape of the running app after real traffic.
 */
class DashboardMetricsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path DASHBOARDS = ROOT.resolve("deploy/grafana/dashboards");
    static final Path ALERTS = ROOT.resolve("deploy/prometheus/alerts.yml");

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void dashboardsAreWellFormedWithAUidAndTheProvisionedDataSource() throws IOException {
        List<Path> files = dashboards();
        assertFalse(files.isEmpty(), "a dashboard in " + DASHBOARDS);
        Set<String> uids = new TreeSet<>();
        for (Path file : files) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            String uid = dashboard.path("uid").asText("");
            assertTrue(uid.matches("[a-zA-Z0-9_-]{1,40}"), file + ": uid " + uid);
            assertTrue(uids.add(uid), "uids are unique: " + uid);
            assertFalse(dashboard.path("title").asText("").isBlank(), file + ": a title");
            JsonNode variable = dashboard.path("templating").path("list").path(0);
            assertEquals("DS_PROMETHEUS", variable.path("name").asText(), file + ": the data source variable");
            assertEquals("prometheus", variable.path("current").path("value").asText(), "defaults to the provisioned data source's uid");
            for (JsonNode panel : dashboard.path("panels")) {
                if ("row".equals(panel.path("type").asText())) {
                    continue;
                }
                String title = panel.path("title").asText();
                assertEquals("${DS_PROMETHEUS}", panel.path("datasource").path("uid").asText(), title);
                assertFalse(panel.path("targets").isEmpty(), title + " has a query");
                for (JsonNode target : panel.path("targets")) {
                    assertFalse(MetricNames.inQuery(target.path("expr").asText("")).isEmpty(), title + ": a query that names a metric");
                }
            }
        }
    }

    @Test
    void everyQueryNamesAMetricTheInteractionsApiExposes() throws Exception {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboards()) {
            queries.addAll(MonitoringQueries.ofDashboard(file));
        }
        queries.addAll(MonitoringQueries.ofRules(ALERTS));
        assertTrue(queries.stream().anyMatch(q -> q.where().startsWith("rule ")), "the alert rules are read too");

        Set<String> exposed;
        try (FakeVoiceNode node = new FakeVoiceNode(StatusEndpointTest.SECRET);
                TestApp app = TestApp.start(Map.of("VOICE_NODE_URLS", node.url(), "VOICE_NODE_SECRET", StatusEndpointTest.SECRET))) {
            app.post(InteractionBuilder.command("avatar"));
            app.post(InteractionBuilder.command("joke")); // no joke API there: an outside call that fails, and the bundled joke
            app.post(InteractionBuilder.command("no-such-command-12345"));
            app.post(InteractionBuilder.command("play").inGuild("8388608").option("query", InteractionBuilder.STRING, "lofi"));
            app.poster().postRaw(InteractionBuilder.ping().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null);
            exposed = MetricNames.inScrape(StatusEndpointTest.get(app.managementUri().resolve("/metrics")).body());
        }

        List<String> missing = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Query query : queries) {
            for (String name : MetricNames.inQuery(query.expr())) {
                if (MetricNames.ofVoiceNode(name) || MetricNames.PROMETHEUS_OWN.contains(name)) {
                    continue;
                }
                checked.add(name);
                if (!exposed.contains(name)) {
                    missing.add(query.where() + ": " + name);
                }
            }
        }
        assertEquals(List.of(), missing, "names the interactions-api does not expose");
        assertTrue(checked.containsAll(Set.of("botty_commands_total", "botty_command_latency_seconds_bucket",
                "botty_signature_failures_total", "botty_voice_forwards_total", "jvm_memory_used_bytes")), "checked: " + checked);
    }
}
