package dev.botty.voice.api;

import dev.botty.internal.MusicReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Counts every forwarded command in one place, the dispatcher: by name and outcome for the status
 * page, and as Prometheus metrics ({@code botty_voice_commands_total{command,outcome}},
 * {@code botty_voice_command_latency_seconds}) when metrics are on. Names are the node's
 * own command names, a bounded set.
 */
@Singleton
public final class CommandStats {
    private final @Nullable MeterRegistry registry;
    private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();
    /** Meters looked up once each: command names and outcomes are fixed sets. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final @Nullable Timer latency;

    public CommandStats(BeanProvider<MeterRegistry> registry) {
        this.registry = registry.find(null).orElse(null);
        this.latency = this.registry == null ? null : Timer.builder("botty_voice_command_latency")
                .description("Time to answer a music command, from its arrival to its reply")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(this.registry);
    }

    /** A command answered: {@code outcome} ok, refused or error. */
    void record(String command, String outcome, Duration latency) {
        counts.computeIfAbsent(command, name -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
        if (registry != null) {
            counters.computeIfAbsent(command + ' ' + outcome, key -> Counter.builder("botty_voice_commands")
                    .description("Music commands by name and outcome")
                    .tag("command", command).tag("outcome", outcome).register(registry)).increment();
            this.latency.record(latency);
        }
    }

    static String outcome(MusicReply.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** Command → outcome → count, sorted. */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((command, outcomes) -> {
            Map<String, Long> byOutcome = new TreeMap<>();
            outcomes.forEach((outcome, count) -> byOutcome.put(outcome, count.get()));
            copy.put(command, byOutcome);
        });
        return copy;
    }
}
