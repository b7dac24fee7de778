package dev.botty.service;

import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import java.util.Map;

/**
 * {@code GET /healthz} on the management port: the process is up and serving. Readiness, which
 * also weighs dependencies, is Micronaut's {@code /health}.
 */
@Endpoint(id = "healthz", defaultSensitive = false)
public final class LivenessEndpoint {
    @Read
    public Map<String, String> alive() {
        return Map.of("status", "UP");
    }
}
