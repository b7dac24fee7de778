package dev.botty.interactions.status;

import dev.botty.interactions.metrics.InteractionMetrics;
import dev.botty.interactions.voice.VoiceNodeStatuses;
import dev.botty.service.ProcessStart;
import dev.botty.service.status.RecentErrors;
import dev.botty.service.status.StatusSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Puts {@link ApiStatus} together. The command counts are read back from the Prometheus
 * counters {@link InteractionMetrics} keeps, so the page and {@code /metrics} can never disagree;
 * the voice nodes are asked afresh each time (in parallel, bounded by a short timeout).
 */
@Singleton
public final class ApiStatusReport implements StatusSource {
    private final MeterRegistry registry;
    private final RecentErrors errors;
    private final VoiceNodeStatuses nodes;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;

    public ApiStatusReport(MeterRegistry registry, RecentErrors errors, VoiceNodeStatuses nodes, Clock clock) {
        this.registry = registry;
        this.errors = errors;
        this.nodes = nodes;
        this.clock = clock;
        // The process, not this bean: it is built at the first status request.
        this.startedAt = ProcessStart.instant();
        String implementation = ApiStatusReport.class.getPackage().getImplementationVersion();
        this.version = implementation == null ? "dev" : implementation;
    }

    @Override
    public CompletableFuture<ApiStatus> status() {
        return now();
    }

    /** The page every status section of this service and its voice nodes is on. */
    @Override
    public CompletableFuture<String> page() {
        return now().thenApply(status -> StatusPage.render(status, clock.instant()));
    }

    public CompletableFuture<ApiStatus> now() {
        return nodes.fetchAll().thenApply(voiceNodes -> {
            Instant now = clock.instant();
            return new ApiStatus("interactions-api", version, startedAt, Math.max(0, Duration.between(startedAt, now).toSeconds()),
                    commandCounts(), errors.list(), voiceNodes, ApiStatus.Summary.of(voiceNodes));
        });
    }

    /** command → outcome → count, summed over how each was answered. */
    private Map<String, Map<String, Long>> commandCounts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Counter counter : registry.find(InteractionMetrics.COMMANDS).counters()) {
            String command = counter.getId().getTag("command");
            String outcome = counter.getId().getTag("outcome");
            if (command != null && outcome != null) {
                counts.computeIfAbsent(command, c -> new TreeMap<>()).merge(outcome, (long) counter.count(), Long::sum);
            }
        }
        return counts;
    }
}
