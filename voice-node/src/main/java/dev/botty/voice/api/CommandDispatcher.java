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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a forwarded command on its {@link MusicCommand} bean and answers with its reply when the
 * command is done, however long that takes: whether the user sees it inline or as an edit of a
 * deferral is the interactions-api's decision, the one owner of Discord's three seconds. Every
 * command is counted here, and nothing a command throws reaches the caller.
 */
final class CommandDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final Map<String, MusicCommand> commands;
    private final CommandStats stats;
    private final RecentErrors errors;

    CommandDispatcher(List<MusicCommand> commands, CommandStats stats, RecentErrors errors) {
        this.commands = commands.stream().collect(Collectors.toUnmodifiableMap(MusicCommand::name, Function.identity()));
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
        return answer.thenApply(done -> {
            stats.record(request.command(), CommandStats.outcome(done.outcome()), elapsed(started));
            return InteractionReplies.message(done);
        });
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
