package dev.botty.interactions.interaction;

import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.internal.CommandDefinition;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A command with a bug: it throws, synchronously or in its stage. */
record FailingCommand(String name, boolean inStage) implements SlashCommand {
    @Override
    public CommandDefinition definition() {
        return CommandDefinition.slash(name, "Always fails");
    }

    @Override
    public CompletionStage<Reply> run(Invocation invocation) {
        IllegalStateException bug = new IllegalStateException("a bug in /" + name);
        if (inStage) {
            return CompletableFuture.failedFuture(bug);
        }
        throw bug;
    }
}
