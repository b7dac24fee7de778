package dev.botty.interactions.status;

import dev.botty.interactions.voice.VoiceNodeReport;
import dev.botty.interactions.voice.VoiceNodeStatuses;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The voice nodes in {@code /health}, for people reading it: always UP, because the
 * interactions-api still answers every interaction with a node down (music commands get an
 * apology), and taking it out of rotation would silence the other commands too. The details name
 * each node's state, so a probe or a person still sees the problem.
 */
@Singleton
public final class VoiceNodesHealth implements HealthIndicator {
    private final VoiceNodeStatuses nodes;

    public VoiceNodesHealth(VoiceNodeStatuses nodes) {
        this.nodes = nodes;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(nodes.fetchAll().thenApply(reports -> {
            Map<String, String> details = new LinkedHashMap<>();
            for (VoiceNodeReport report : reports) {
                details.put("node " + report.index() + " (" + report.address() + ")", report.reachable()
                        ? (report.status().ready() ? "up" : "up, not ready: gateway " + report.status().gateway().state())
                        : "unreachable: " + report.problem());
            }
            return HealthResult.builder("voice-nodes", HealthStatus.UP).details(details).build();
        }));
    }
}
