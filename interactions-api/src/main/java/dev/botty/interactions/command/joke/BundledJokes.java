package dev.botty.interactions.command.joke;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * botty's own jokes ({@code bundled-jokes.json} beside this class), told when JokeAPI is down,
 * slow or answers nonsense, so {@code /joke} always has one. Read once at start; a broken list
 * fails the start rather than a user's request.
 */
@Singleton
final class BundledJokes {
    static final String RESOURCE = "bundled-jokes.json";

    private final List<Joke> jokes;

    BundledJokes(JsonMapper json) {
        this.jokes = load(json);
    }

    /** A random joke of this category, or of any when the list has none of it. */
    Joke pick(JokeCategory category) {
        List<Joke> matching = category == JokeCategory.ANY
                ? jokes
                : jokes.stream().filter(j -> category.apiName.equals(j.category())).toList();
        List<Joke> from = matching.isEmpty() ? jokes : matching;
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

    List<Joke> all() {
        return jokes;
    }

    private static List<Joke> load(JsonMapper json) {
        try (InputStream in = BundledJokes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            List<Joke> loaded = json.readValue(in.readAllBytes(), Argument.listOf(Joke.class));
            if (loaded == null || loaded.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " has no jokes");
            }
            for (Joke joke : loaded) {
                if (!joke.tellable() || JokeCategory.named(joke.category() == null ? "" : joke.category()).isEmpty()) {
                    throw new IllegalStateException(RESOURCE + " has a joke that is incomplete or untagged: " + joke);
                }
            }
            return List.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
