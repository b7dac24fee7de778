package dev.botty.voice.status;

import dev.botty.internal.NodeStatus;
import dev.botty.service.status.StatusHtml;
import dev.botty.service.status.StatusSource;
import dev.botty.voice.api.StatusReport;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The node's status for its management port: {@link NodeStatus} at {@code /api/status} (for
 * dashboards on the internal network; the interactions-api reads the signed {@code /v1/status})
 * and, at {@code /}, the same section the interactions-api's page shows for this node.
 */
@Singleton
final class NodeStatusSource implements StatusSource {
    private final StatusReport report;
    private final InstantSource clock;

    NodeStatusSource(StatusReport report, InstantSource clock) {
        this.report = report;
        this.clock = clock;
    }

    @Override
    public CompletionStage<NodeStatus> status() {
        return CompletableFuture.completedFuture(report.now());
    }

    @Override
    public CompletionStage<String> page() {
        return CompletableFuture.completedFuture(StatusHtml.nodePage(report.now(), clock.instant()));
    }
}
