package dev.botty.service.status;

import io.micronaut.http.HttpResponse;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/status} on the management port: the service's {@link StatusSource} as JSON, the
 * same data its status page shows (and what Homepage's widgets read). Only {@code status} is
 * served under {@code /api}; anything else is a 404.
 */
@Endpoint(id = "api", defaultSensitive = false)
public final class StatusEndpoint {
    private final StatusSource source;

    public StatusEndpoint(StatusSource source) {
        this.source = source;
    }

    @Read
    public CompletionStage<HttpResponse<?>> read(@Selector String what) {
        if (!"status".equals(what)) {
            return CompletableFuture.completedFuture(HttpResponse.notFound());
        }
        return source.status().thenApply(HttpResponse::ok);
    }
}
