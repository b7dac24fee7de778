package dev.botty.voice.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One music command's behaviour on the voice node; every bean of this type is found by name
 * ({@link #name()}, the slash command's name) when a forwarded interaction arrives. The answer may
 * take its time: the internal API answers inline when it is quick and otherwise defers and edits
 * the original response when it is ready.
 */
public interface MusicCommand {
    String name();

    CompletionStage<Reply> run(MusicRequest request);

    /** Autocomplete for the focused option: at most 25 choices. */
    default CompletionStage<List<Choice>> suggest(MusicRequest request) {
        return CompletableFuture.completedFuture(List.of());
    }

    /** An autocomplete choice: {@code name} shown (1–100 characters), {@code value} sent back (1–100 characters). */
    record Choice(String name, String value) {}
}
