package dev.botty.voice.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a deferred answer: {@code PATCH /webhooks/{application_id}/{token}/messages/@original}
 * on Discord's API (which needs no bot token: the interaction token is the credential). A 429 is
 * waited out as Discord asks, a few times. The token never appears in a log line.
 */
final class WebhookEditor {
    static final int MAX_ATTEMPTS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEditor.class);

    private final URI apiUrl;
    private final HttpClient client;

    WebhookEditor(URI apiUrl) {
        this.apiUrl = apiUrl;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** Edits the original response; completes with Discord's status (2xx on success), never exceptionally. */
    CompletableFuture<Integer> editOriginal(long applicationId, String token, JsonNode message) {
        URI uri = URI.create(apiUrl + "/webhooks/" + Long.toUnsignedString(applicationId) + "/" + token + "/messages/@original");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "DiscordBot (https://github.com/botty-dev/botty, 0.1)")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(message.toString()))
                .build();
        return attempt(request, 1);
    }

    private CompletableFuture<Integer> attempt(HttpRequest request, int attempt) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        LOG.warn("could not edit an interaction's answer: {}", failure.getMessage());
                        return CompletableFuture.completedFuture(-1);
                    }
                    if (response.statusCode() == 429 && attempt < MAX_ATTEMPTS) {
                        Duration wait = retryAfter(response);
                        LOG.info("Discord rate limit on an answer edit; retrying in {} ms (attempt {} of {})", wait.toMillis(), attempt + 1, MAX_ATTEMPTS);
                        Executor later = CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, CommandDispatcher.TIMERS);
                        return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> attempt(request, attempt + 1));
                    }
                    if (response.statusCode() == 404 && attempt < MAX_ATTEMPTS && !response.body().contains("10015")) {
                        // The node's edit can overtake the deferral the interactions-api is still
                        // passing on to Discord: the original message does not exist yet. (10015,
                        // Unknown Webhook, is an expired token: no point in waiting.)
                        Duration wait = Duration.ofMillis(250L << (attempt - 1));
                        LOG.info("no original message to edit yet; retrying in {} ms (attempt {} of {})", wait.toMillis(), attempt + 1, MAX_ATTEMPTS);
                        Executor later = CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, CommandDispatcher.TIMERS);
                        return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> attempt(request, attempt + 1));
                    }
                    if (response.statusCode() / 100 != 2) {
                        LOG.warn("Discord refused an answer edit: HTTP {}", response.statusCode());
                    }
                    return CompletableFuture.completedFuture(response.statusCode());
                })
                .thenCompose(status -> status);
    }

    /** Discord's wait: the body's {@code retry_after} (seconds, fractional), else {@code Retry-After}, else a second. */
    static Duration retryAfter(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body != null && body.path("retry_after").isNumber()) {
                return Duration.ofMillis(Math.max(0, Math.round(body.path("retry_after").asDouble() * 1000)));
            }
        } catch (IOException notJson) {
            // Fall back to the header.
        }
        return response.headers().firstValue("Retry-After")
                .map(value -> {
                    try {
                        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
                    } catch (NumberFormatException e) {
                        return Duration.ofSeconds(1);
                    }
                })
                .orElse(Duration.ofSeconds(1));
    }
}
