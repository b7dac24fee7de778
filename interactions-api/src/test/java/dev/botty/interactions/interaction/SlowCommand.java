package dev.botty.interactions.interaction;

import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.discord.InteractionResponse.Choice;
import dev.botty.internal.CommandDefinition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A command whose answer takes a set time, for exercising inline versus deferred answers. */
record SlowCommand(String name, Duration delay, Reply reply) implements SlashCommand {
    @Override
    public CommandDefinition definition() {
        return CommandDefinition.slash(name, "Answers after " + delay.toMillis() + " ms");
    }

    @Override
    public CompletionStage<Reply> run(Invocation invocation) {
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(reply);
        }
        return CompletableFuture.supplyAsync(() -> reply, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public CompletionStage<List<Choice>> suggest(Invocation invocation) {
        return CompletableFuture.supplyAsync(() -> List.of(new Choice("typed: " + invocation.focusedText(), invocation.focusedText())),
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }
}
