package dev.botty.voice.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.service.status.RecentErrors;
import dev.botty.voice.command.MusicCommand;
import dev.botty.voice.command.MusicRequest;
import dev.botty.voice.command.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a forwarded command on its {@link MusicCommand} bean and answers within the inline budget:
 * the answer itself when it is ready in time, else an ephemeral deferral, with the answer edited
 * into the original response when it comes. Autocomplete answers in time or with no choices.
 * Every command is counted here, and nothing a command throws reaches the caller.
 */
final class CommandDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
    static final java.util.concurrent.Executor TIMERS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final Map<String, MusicCommand> commands;
    private final Duration budget;
    private final WebhookEditor webhook;
    private final CommandStats stats;
    private final RecentErrors errors;

    CommandDispatcher(List<MusicCommand> commands, Duration budget, WebhookEditor webhook, CommandStats stats, RecentErrors errors) {
        this.commands = commands.stream().collect(Collectors.toUnmodifiableMap(MusicCommand::name, Function.identity()));
        this.budget = budget;
        this.webhook = webhook;
        this.stats = stats;
        this.errors = errors;
    }

    CompletableFuture<ObjectNode> dispatch(MusicRequest request) {
        MusicCommand command = commands.get(request.command());
        if (request.autocomplete()) {
            return suggest(command, request);
        }
        long started = System.nanoTime();
        CompletableFuture<Reply> answer = command == null
                ? CompletableFuture.completedFuture(Reply.refused("🎵 This voice node doesn't know /" + request.command() + "."))
                : run(command, request);
        CompletableFuture<ObjectNode> reply = new CompletableFuture<>();
        answer.thenAccept(done -> {
            if (reply.complete(InteractionReplies.message(done))) {
                stats.record(request.command(), CommandStats.outcome(done.outcome()), "inline", elapsed(started));
            } else {
                webhook.editOriginal(request.applicationId(), request.token(), InteractionReplies.messageData(done)).thenAccept(status -> {
                    stats.record(request.command(), CommandStats.outcome(done.outcome()), "deferred", elapsed(started));
                    if (status / 100 != 2) {
                        errors.record("could not edit the answer to /" + request.command() + " in (Discord said " + status + ")");
                    }
                });
            }
        });
        // Not the common pool: on two cores it has one thread, which a slow command may be holding.
        CompletableFuture.delayedExecutor(budget.toMillis(), TimeUnit.MILLISECONDS, TIMERS).execute(() -> {
            if (reply.complete(InteractionReplies.deferred())) {
                stats.record(request.command(), "deferred", "deferred", elapsed(started));
            }
        });
        return reply;
    }

    private CompletableFuture<Reply> run(MusicCommand command, MusicRequest request) {
        CompletionStage<Reply> stage;
        try {
            stage = command.run(request);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.toCompletableFuture().exceptionally(failure -> {
            LOG.error("/{} failed for guild {}", request.command(), request.guildId(), failure);
            errors.record("/" + request.command() + " failed: " + failure);
            return Reply.error("⚠️ Something went wrong with /" + request.command() + ". It has been logged; try again in a moment.");
        });
    }

    private CompletableFuture<ObjectNode> suggest(MusicCommand command, MusicRequest request) {
        if (command == null) {
            return CompletableFuture.completedFuture(InteractionReplies.choices(List.of()));
        }
        CompletionStage<List<MusicCommand.Choice>> stage;
        try {
            stage = command.suggest(request);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.toCompletableFuture()
                .applyToEither(CompletableFuture.supplyAsync(List::<MusicCommand.Choice>of,
                        CompletableFuture.delayedExecutor(budget.toMillis(), TimeUnit.MILLISECONDS, TIMERS)), choices -> choices)
                .exceptionally(failure -> {
                    LOG.warn("autocomplete of /{} failed: {}", request.command(), failure.toString());
                    return List.of();
                })
                .thenApply(InteractionReplies::choices);
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
