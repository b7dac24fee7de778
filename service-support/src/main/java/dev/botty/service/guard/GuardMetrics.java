package dev.botty.service.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** {@code botty_http_cutoffs_total{cause}}: connections cut off by the guard, by why. */
final class GuardMetrics {
    private final Map<RequestGuard.Cause, Counter> cutOffs = new EnumMap<>(RequestGuard.Cause.class);

    GuardMetrics(MeterRegistry registry) {
        for (RequestGuard.Cause cause : RequestGuard.Cause.values()) {
            cutOffs.put(cause, Counter.builder("botty.http.cutoffs")
                    .description("Connections cut off for costing more than botty.server allows: request timeout, memory budget, connection limit")
                    .tag("cause", cause.tag())
                    .register(registry));
        }
    }

    void cutOff(RequestGuard.Cause cause) {
        cutOffs.get(cause).increment();
    }
}
