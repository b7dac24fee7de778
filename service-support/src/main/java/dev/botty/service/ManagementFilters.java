package dev.botty.service;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.annotation.Filter;
import io.micronaut.management.endpoint.EndpointSensitivityHandler;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.filter.HealthResultFilter;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;

/**
 * The management port's two request filters, reshaped so that a request to any other route pays
 * nothing for them. Micronaut's own run on every request of every port: {@code EndpointsFilter}
 * answers 401 for sensitive endpoints, and botty has none ({@code endpoints.all.sensitive=false};
 * the port is internal or behind forward-auth); {@code HealthResultFilter} matches each request's
 * path against its patterns, which makes Micronaut match, collect and sort the filters of every
 * request anew (4 % of the public endpoint's CPU in a profile).
 */
final class ManagementFilters {
    private ManagementFilters() {}

    /** Its presence is what turns Micronaut's {@code EndpointsFilter} off. */
    @Singleton
    static final class NothingSensitive implements EndpointSensitivityHandler {
    }

    /**
     * {@code HealthResultFilter}'s status mapping ({@code endpoints.health.status.http-mapping},
     * 503 for a status that is not operational), on every route: a response whose body is not a
     * health result is left as it is, and the filter list stays the same for every request.
     */
    @ServerFilter(Filter.MATCH_ALL_PATTERN)
    @Replaces(HealthResultFilter.class)
    @Requires(beans = HealthEndpoint.class)
    static final class HealthStatusCodes {
        private final HealthEndpoint health;

        HealthStatusCodes(HealthEndpoint health) {
            this.health = health;
        }

        @ResponseFilter
        void status(MutableHttpResponse<?> response) {
            if (response.body() instanceof HealthResult result) {
                HealthStatus status = result.getStatus();
                HttpStatus mapped = health.getStatusConfiguration().getHttpMapping().get(status.getName());
                if (mapped != null) {
                    response.status(mapped);
                } else if (!status.getOperational().orElse(true)) {
                    response.status(HttpStatus.SERVICE_UNAVAILABLE);
                }
            }
        }
    }
}
