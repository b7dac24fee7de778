package dev.botty.interactions.status;

import io.micronaut.http.HttpResponse;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/status} on the management port: {@link ApiStatus} as JSON, the same data the
 * status page shows. Only {@code status} is served under {@code /api}; anything else is a 404.
 */
@Endpoint(id = "api", defaultSensitive = false)
public final class StatusEndpoint {
    private final ApiStatusReport report;

    public StatusEndpoint(ApiStatusReport report) {
        this.report = report;
    }

    @Read
    public CompletableFuture<HttpResponse<?>> read(@Selector String what) {
        if (!"status".equals(what)) {
            return CompletableFuture.completedFuture(HttpResponse.notFound());
        }
        return report.now().thenApply(HttpResponse::ok);
    }
}
