package dev.botty.interactions.status;

import dev.botty.interactions.command.Reply;
import dev.botty.interactions.discord.InteractionType;
import dev.botty.interactions.discord.InteractionVerifier.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * Every count the interactions-api keeps, recorded where interactions pass (the endpoint and the
 * dispatcher), so a new command is instrumented without a line of metrics code. Label values
 * come from closed sets — types, verdicts, outcomes, registered command names, node indexes —
 * never ids or free text.
 */
@Singleton
public final class InteractionMetrics {
    /** Commands by name and outcome; the status page reads its counts back from these counters. */
    static final String COMMANDS = "botty_commands";

    private final MeterRegistry registry;
    private final RecentErrors errors;

    public InteractionMetrics(MeterRegistry registry, RecentErrors errors) {
        this.registry = registry;
        this.errors = errors;
    }

    public void received(InteractionType type) {
        Counter.builder("botty_interactions_received")
                .description("Verified interactions by type")
                .tag("type", lower(type.name()))
                .register(registry).increment();
    }

    public void refused(Verdict verdict) {
        Counter.builder("botty_signature_failures")
                .description("Requests refused with 401, by reason")
                .tag("reason", lower(verdict.name()))
                .register(registry).increment();
    }

    /**
     * A command finished: {@code answer} is inline, deferred, handed-over or unknown; the latency
     * runs from receipt to the answer (inline) or to the edit of the original message (deferred).
     */
    public void command(String name, Reply.Outcome outcome, String answer, Duration latency) {
        if (outcome == Reply.Outcome.FAILED) {
            errors.record("unknown".equals(name) ? "An interaction named no command botty knows" : "/" + name + " failed");
        }
        Counter.builder(COMMANDS)
                .description("Commands by name, outcome and how they were answered")
                .tag("command", name)
                .tag("outcome", lower(outcome.name()))
                .tag("answer", answer)
                .register(registry).increment();
        Timer.builder("botty_command_latency")
                .description("Time to answer a command")
                .tag("answer", answer)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(latency);
    }

    /** A music command forwarded to voice node {@code shard}: ok, deferred, choices or unavailable. */
    public void forwarded(int shard, String outcome) {
        Counter.builder("botty_voice_forwards")
                .description("Interactions forwarded to voice nodes, by node and outcome")
                .tag("node", Integer.toString(shard))
                .tag("outcome", outcome)
                .register(registry).increment();
        if ("unavailable".equals(outcome)) {
            errors.record("Voice node " + shard + " gave no usable answer to a music command");
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
