package dev.botty.interactions.metrics;

import dev.botty.interactions.command.Reply;
import dev.botty.interactions.discord.InteractionType;
import dev.botty.interactions.discord.InteractionVerifier.Verdict;
import dev.botty.service.status.RecentErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every count the interactions-api keeps, recorded where interactions pass (the endpoint and the
 * dispatcher), so a new command is instrumented without a line of metrics code. Label values
 * come from closed sets — types, verdicts, outcomes, registered command names, node indexes —
 * never ids or free text. Each meter is looked up in the registry once and then kept: building a
 * meter id and finding it again on every interaction cost about 2 % of the endpoint's CPU.
 */
@Singleton
public final class InteractionMetrics {
    /** Commands by name and outcome; the status page reads its counts back from these counters. */
    public static final String COMMANDS = "botty_commands";

    private final MeterRegistry registry;
    private final RecentErrors errors;
    private final Map<InteractionType, Counter> received = new ConcurrentHashMap<>();
    private final Map<Verdict, Counter> refused = new ConcurrentHashMap<>();
    /** By command, outcome and answer; bounded by the registered commands (plus "unknown"). */
    private final Map<String, Counter> commands = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    /** By node and outcome; bounded by the configured nodes. */
    private final Map<String, Counter> forwards = new ConcurrentHashMap<>();

    public InteractionMetrics(MeterRegistry registry, RecentErrors errors) {
        this.registry = registry;
        this.errors = errors;
    }

    public void received(InteractionType type) {
        received.computeIfAbsent(type, t -> Counter.builder("botty_interactions_received")
                .description("Verified interactions by type")
                .tag("type", lower(t.name()))
                .register(registry)).increment();
    }

    public void refused(Verdict verdict) {
        refused.computeIfAbsent(verdict, v -> Counter.builder("botty_signature_failures")
                .description("Requests refused with 401, by reason")
                .tag("reason", lower(v.name()))
                .register(registry)).increment();
    }

    /**
     * A command finished: {@code answer} is inline, deferred or unknown; the latency
     * runs from receipt to the answer (inline) or to the edit of the original message (deferred).
     */
    public void command(String name, Reply.Outcome outcome, String answer, Duration latency) {
        if (outcome == Reply.Outcome.FAILED) {
            errors.record("unknown".equals(name) ? "An interaction named no command botty knows" : "/" + name + " failed");
        }
        commands.computeIfAbsent(name + ' ' + outcome + ' ' + answer, key -> Counter.builder(COMMANDS)
                .description("Commands by name, outcome and how they were answered")
                .tag("command", name)
                .tag("outcome", lower(outcome.name()))
                .tag("answer", answer)
                .register(registry)).increment();
        latencies.computeIfAbsent(answer, a -> Timer.builder("botty_command_latency")
                .description("Time to answer a command")
                .tag("answer", a)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(latency);
    }

    /** A music command forwarded to voice node {@code shard}: ok, deferred, choices or unavailable. */
    public void forwarded(int shard, String outcome) {
        forwards.computeIfAbsent(shard + " " + outcome, key -> Counter.builder("botty_voice_forwards")
                .description("Interactions forwarded to voice nodes, by node and outcome")
                .tag("node", Integer.toString(shard))
                .tag("outcome", outcome)
                .register(registry)).increment();
        if ("unavailable".equals(outcome)) {
            errors.record("Voice node " + shard + " gave no usable answer to a music command");
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
