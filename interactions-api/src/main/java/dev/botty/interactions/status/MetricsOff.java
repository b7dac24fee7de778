package dev.botty.interactions.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * With metrics switched off ({@code MICRONAUT_METRICS_ENABLED=false}) Micronaut makes no meter
 * registry; counting then goes to an in-memory one, so every interaction is still answered and
 * the status page still shows its counters — only {@code /metrics} is gone.
 */
@Factory
final class MetricsOff {
    @Singleton
    @Requires(missingBeans = MeterRegistry.class)
    MeterRegistry inMemory() {
        return new SimpleMeterRegistry();
    }
}
