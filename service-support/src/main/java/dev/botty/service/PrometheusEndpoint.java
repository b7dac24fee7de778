package dev.botty.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.configuration.metrics.management.endpoint.MetricsEndpoint;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;

/**
 * {@code GET /metrics} on the management port, in Prometheus' text format — where Prometheus
 * looks by default. Replaces Micronaut's JSON metrics endpoint of the same id; absent when
 * metrics are switched off ({@code MICRONAUT_METRICS_ENABLED=false}).
 */
@Endpoint(id = "metrics", defaultSensitive = false)
@Replaces(MetricsEndpoint.class)
@Requires(beans = PrometheusMeterRegistry.class)
public final class PrometheusEndpoint {
    private final PrometheusMeterRegistry registry;

    public PrometheusEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Read(produces = "text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return registry.scrape();
    }
}
