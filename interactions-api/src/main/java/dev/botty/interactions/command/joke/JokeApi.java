package dev.botty.interactions.command.joke;

import dev.botty.interactions.command.OutsideCalls;
import dev.botty.interactions.config.BottyConfig.JokeConfig;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks JokeAPI v2 ({@code JOKE_API_URL}) for one random joke, in safe mode and with every
 * blacklist flag set, so only jokes JokeAPI considers safe for everyone are served. Whatever goes
 * wrong (no answer within {@code JOKE_TIMEOUT_MS}, an error status, an {@code error: true} answer,
 * something unreadable or flagged) is an empty result, never an exception.
 */
@Singleton
final class JokeApi {
    private static final Logger LOG = LoggerFactory.getLogger(JokeApi.class);
    /** Every flag JokeAPI documents; safe mode alone is JokeAPI's judgement, the flags make it explicit. */
    private static final String FILTERS = "safe-mode&blacklistFlags=nsfw,religious,political,racist,sexist,explicit";

    private final URI baseUrl;
    private final Duration timeout;
    private final OutsideCalls outside;
    private final JsonMapper json;

    JokeApi(JokeConfig config, OutsideCalls outside, JsonMapper json) {
        this.baseUrl = config.apiUrl();
        this.timeout = config.timeout();
        this.outside = outside;
        this.json = json;
    }

    /** A tellable joke of this category, or empty within the timeout. */
    CompletableFuture<Optional<Joke>> randomJoke(JokeCategory category) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/joke/" + category.apiName + "?" + FILTERS))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return outside.call("joke", request, timeout, this::read);
    }

    private Optional<Joke> read(HttpResponse<byte[]> response) {
        Joke joke;
        try {
            joke = json.readValue(response.body(), Joke.class);
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("JokeAPI answered HTTP {} with something that is not a joke", response.statusCode());
            return Optional.empty();
        }
        if (joke != null && Boolean.TRUE.equals(joke.error())) {
            LOG.warn("JokeAPI answered HTTP {} with an error: {}", response.statusCode(), joke.message());
            return Optional.empty();
        }
        if (response.statusCode() != 200 || joke == null || !joke.tellable()) {
            LOG.warn("JokeAPI answered HTTP {} without a joke fit to tell", response.statusCode());
            return Optional.empty();
        }
        return Optional.of(joke);
    }
}
