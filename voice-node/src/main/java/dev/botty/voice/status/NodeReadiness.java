package dev.botty.voice.status;

import dev.botty.internal.NodeStatus;
import dev.botty.voice.api.StatusReport;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Readiness as the node's users feel it: music works only with the gateway connected and at least
 * one Lavalink node up (and new enough). {@code /health} answers 503 otherwise.
 */
@Singleton
public final class NodeReadiness implements HealthIndicator {
    private final StatusReport report;

    public NodeReadiness(StatusReport report) {
        this.report = report;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        NodeStatus status = report.now();
        return Publishers.just(HealthResult.builder("voice-node", status.ready() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of(
                        "gateway", status.gateway().state(),
                        "lavalink", status.lavalink().stream().map(n -> n.name() + ": " + n.state()).toList()))
                .build());
    }
}
