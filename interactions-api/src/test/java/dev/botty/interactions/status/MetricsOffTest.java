package dev.botty.interactions.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.simulator.InteractionBuilder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code MICRONAUT_METRICS_ENABLED=false} switches metrics off, not the service. */
class MetricsOffTest {
    @Test
    void everythingButMetricsStillWorks() throws Exception {
        try (TestApp app = TestApp.start(Map.of("micronaut.metrics.enabled", "false"))) {
            assertEquals(1, app.post(InteractionBuilder.ping()).path("type").asInt());
            JsonNode avatar = app.post(InteractionBuilder.command("avatar").inGuild("1000000000000000001"));
            assertEquals(4, avatar.path("type").asInt());
            assertEquals(64, avatar.path("data").path("flags").asInt());

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(app.managementUri().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, metrics.statusCode());
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(app.managementUri().resolve("/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode(), status.body());
            assertTrue(status.body().contains("avatar"), "the status page still counts: " + status.body());
        }
    }
}
