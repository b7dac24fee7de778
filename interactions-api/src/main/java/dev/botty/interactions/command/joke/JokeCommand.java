package dev.botty.interactions.command.joke;

import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.internal.CommandDefinition.OptionDefinition;
import dev.botty.internal.CommandDefinition;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;

/**
 * {@code /joke [category]}: a random safe-for-work joke from JokeAPI, or from botty's own list
 * when JokeAPI fails or takes longer than {@code JOKE_TIMEOUT_MS}. The user always gets a joke.
 */
@Singleton
public final class JokeCommand implements SlashCommand {
    private static final CommandDefinition DEFINITION = CommandDefinition.slash("joke", "Tell a random safe-for-work joke")
            .with(OptionDefinition.string("category", "What kind of joke (any, if left out)", false)
                    .withChoices(JokeCategory.choices()));

    private final JokeApi api;
    private final BundledJokes bundled;

    JokeCommand(JokeApi api, BundledJokes bundled) {
        this.api = api;
        this.bundled = bundled;
    }

    @Override
    public CommandDefinition definition() {
        return DEFINITION;
    }

    @Override
    public CompletionStage<Reply> run(Invocation invocation) {
        JokeCategory category = invocation.string("category").flatMap(JokeCategory::named).orElse(JokeCategory.ANY);
        return api.randomJoke(category)
                .thenApply(joke -> joke.orElseGet(() -> bundled.pick(category)))
                .thenApply(joke -> Reply.text(joke.text()));
    }
}
