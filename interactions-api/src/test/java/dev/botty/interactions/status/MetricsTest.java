package dev.botty.interactions.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.TestApp;
import dev.botty.simulator.InteractionBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Prometheus metrics and liveness on the management port, counted from real traffic. */
class MetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void countsInteractionsCommandsAndRefusalsInPrometheusFormat() throws Exception {
        try (TestApp app = TestApp.start()) {
            app.post(InteractionBuilder.ping());
            app.post(InteractionBuilder.command("avatar"));
            app.post(InteractionBuilder.command("avatar"));
            app.post(InteractionBuilder.command("no-such-command-12345"));
            byte[] body = InteractionBuilder.ping().toJson().getBytes(StandardCharsets.UTF_8);
            app.poster().postRaw(body, "00".repeat(64), Long.toString(Instant.now().getEpochSecond()));
            app.poster().postRaw(body, null, null);

            HttpResponse<String> metrics = get(app.managementUri().resolve("/metrics"));
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String scrape = metrics.body();
            assertEquals(1, value(scrape, "botty_interactions_received_total{type=\"ping\"}"));
            assertEquals(3, value(scrape, "botty_interactions_received_total{type=\"application_command\"}"));
            assertEquals(2, value(scrape, "botty_commands_total{answer=\"inline\",command=\"avatar\",outcome=\"ok\"}"));
            assertEquals(1, value(scrape, "botty_commands_total{answer=\"unknown\",command=\"unknown\",outcome=\"failed\"}"));
            assertFalse(scrape.contains("no-such-command-12345"), "names from outside never become labels");
            assertEquals(1, value(scrape, "botty_signature_failures_total{reason=\"bad_signature\"}"));
            assertEquals(1, value(scrape, "botty_signature_failures_total{reason=\"missing_header\"}"));
            assertTrue(value(scrape, "botty_command_latency_seconds_count{answer=\"inline\"}") >= 2);
            assertTrue(scrape.contains("botty_command_latency_seconds_bucket{answer=\"inline\""), "a histogram for percentiles");
            assertTrue(scrape.contains("jvm_memory_used_bytes"), "JVM metrics too");
        }
    }

    @Test
    void servesLivenessOnTheManagementPortOnly() throws Exception {
        try (TestApp app = TestApp.start()) {
            HttpResponse<String> alive = get(app.managementUri().resolve("/healthz"));
            assertEquals(200, alive.statusCode());
            assertTrue(alive.body().contains("UP"));
            assertEquals(404, get(app.baseUri().resolve("/healthz")).statusCode());
            assertEquals(404, get(app.baseUri().resolve("/metrics")).statusCode());
        }
    }
}
