package dev.botty.interactions.command;

import dev.botty.interactions.discord.InteractionResponse.Choice;
import dev.botty.internal.CommandDefinition;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One slash command: its definition (what Discord shows and registers) and its behaviour. Every
 * bean implementing this is registered and dispatched; adding a command is adding one class.
 *
 * <p>Commands return a stage so slow ones need no special handling: the dispatcher answers inline
 * when the reply is ready within the inline budget, and otherwise defers and edits the original
 * message when it arrives.
 */
public interface SlashCommand {
    CommandDefinition definition();

    CompletionStage<Reply> run(Invocation invocation);

    /** Suggestions for the focused option while the user types; at most 25 are shown. */
    default CompletionStage<List<Choice>> suggest(Invocation invocation) {
        return CompletableFuture.completedFuture(List.of());
    }
}
