package dev.botty.voice.status;

import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import java.util.Map;

/** {@code GET /healthz}: the process is up and serving. Readiness, which weighs the gateway and Lavalink, is {@code /health}. */
@Endpoint(id = "healthz", defaultSensitive = false)
public final class LivenessEndpoint {
    @Read
    public Map<String, String> alive() {
        return Map.of("status", "UP");
    }
}
