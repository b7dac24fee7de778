package dev.botty.voice.api;

import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.internal.MusicSuggestions;
import dev.botty.service.status.RecentErrors;
import dev.botty.voice.command.MusicCommand;
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
    static final int MAX_CHOICES = 25;

    private final Map<String, MusicCommand> commands;
    private final CommandStats stats;
    private final RecentErrors errors;

    CommandDispatcher(List<MusicCommand> commands, CommandStats stats, RecentErrors errors) {
        this.commands = commands.stream().collect(Collectors.toUnmodifiableMap(MusicCommand::name, Function.identity()));
        this.stats = stats;
        this.errors = errors;
    }

    CompletableFuture<MusicReply> run(MusicRequest request) {
        MusicCommand command = commands.get(request.command());
        long started = System.nanoTime();
        CompletableFuture<MusicReply> answer = command == null
                ? CompletableFuture.completedFuture(MusicReply.refused("🎵 This voice node doesn't know /" + request.command() + "."))
                : run(command, request);
        return answer.thenApply(done -> {
            stats.record(request.command(), CommandStats.outcome(done.outcome()), elapsed(started));
            return done;
        });
    }

    private CompletableFuture<MusicReply> run(MusicCommand command, MusicRequest request) {
        CompletionStage<MusicReply> stage;
        try {
            stage = command.run(request);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.toCompletableFuture().exceptionally(failure -> {
            LOG.error("/{} failed for guild {}", request.command(), request.guildId(), failure);
            errors.record("/" + request.command() + " failed: " + failure);
            return MusicReply.error("⚠️ Something went wrong with /" + request.command() + ". It has been logged; try again in a moment.");
        });
    }

    CompletableFuture<MusicSuggestions> suggest(MusicRequest request) {
        MusicCommand command = commands.get(request.command());
        if (command == null) {
            return CompletableFuture.completedFuture(MusicSuggestions.none());
        }
        CompletionStage<List<MusicSuggestions.Choice>> stage;
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
                .thenApply(choices -> new MusicSuggestions(choices.stream().limit(MAX_CHOICES).toList()));
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
