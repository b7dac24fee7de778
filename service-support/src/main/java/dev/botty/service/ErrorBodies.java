package dev.botty.service;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Every error Micronaut answers (404, 405, 413, 408 …) in the shape botty's own refusals have,
 * {@code {"error": "one line"}}, instead of Micronaut's HATEOAS document with links back to the
 * request's URI.
 */
@Singleton
final class ErrorBodies implements JsonErrorResponseBodyProvider<Map<String, String>> {
    @Override
    public Map<String, String> body(ErrorContext context, HttpResponse<?> response) {
        String reason = context.hasErrors() ? context.getErrors().getFirst().getMessage() : response.reason();
        return Map.of("error", reason == null ? response.status().getReason() : reason);
    }
}
