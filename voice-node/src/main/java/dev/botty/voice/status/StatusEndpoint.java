package dev.botty.voice.status;

import dev.botty.internal.NodeStatus;
import dev.botty.voice.api.StatusReport;
import io.micronaut.http.HttpResponse;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;

/**
 * {@code GET /api/status}: the node's {@link NodeStatus} as JSON, for dashboards on the internal
 * network (Homepage widgets, the interactions-api's page reads the signed {@code /v1/status}).
 */
@Endpoint(id = "api", defaultSensitive = false)
public final class StatusEndpoint {
    private final StatusReport report;

    public StatusEndpoint(StatusReport report) {
        this.report = report;
    }

    @Read
    public HttpResponse<?> read(@Selector String what) {
        return "status".equals(what) ? HttpResponse.ok(report.now()) : HttpResponse.notFound();
    }
}
