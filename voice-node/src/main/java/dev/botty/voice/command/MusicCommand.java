package dev.botty.voice.command;

import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.internal.MusicSuggestions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One music command's behaviour on the voice node, for one of the contract's definitions
 * ({@link dev.botty.internal.MusicCommands}); every bean of this type is found by its
 * definition's name when a forwarded request arrives. The answer may take its time: whether the
 * user sees it inline or as an edit of a deferral is the interactions-api's decision.
 */
public interface MusicCommand {
    /** The contract's definition of this command: a constant of {@link dev.botty.internal.MusicCommands}. */
    CommandDefinition definition();

    default String name() {
        return definition().name();
    }

    CompletionStage<MusicReply> run(MusicRequest request);

    /** Autocomplete for the focused option: at most 25 choices. */
    default CompletionStage<List<MusicSuggestions.Choice>> suggest(MusicRequest request) {
        return CompletableFuture.completedFuture(List.of());
    }
}
