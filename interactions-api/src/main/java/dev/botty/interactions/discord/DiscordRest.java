package dev.botty.interactions.discord;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of Discord's REST API botty calls: editing an interaction's original response and
 * reading/overwriting application commands. A 429 is waited out as Discord asks
 * ({@code retry_after} in the body, else {@code Retry-After}) and the call retried a few times.
 */
public final class DiscordRest {
    /** A non-2xx answer that retrying did not fix. */
    public static final class DiscordException extends RuntimeException {
        private final int status;

        public DiscordException(int status, String message) {
            super("Discord answered " + status + ": " + message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DiscordRest.class);
    private static final int MAX_ATTEMPTS = 4;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final String USER_AGENT = "DiscordBot (https://github.com/botty-dev/botty, 0.1)";

    private final Provider<HttpClient> http;
    private final JsonMapper json;
    private final URI apiUrl;
    private final String applicationId;
    private final Optional<String> botToken;

    public DiscordRest(Provider<HttpClient> http, JsonMapper json, URI apiUrl, String applicationId, Optional<String> botToken) {
        this.http = http;
        this.json = json;
        this.apiUrl = apiUrl;
        this.applicationId = applicationId;
        this.botToken = botToken;
    }

    /** {@code PATCH /webhooks/{application}/{token}/messages/@original}; needs no bot token. */
    public CompletableFuture<Void> editOriginal(String interactionToken, InteractionResponse.MessageData message) {
        URI uri = URI.create(apiUrl + "/webhooks/" + applicationId + "/" + interactionToken + "/messages/@original");
        return send("PATCH", uri, encode(message), false, true).thenApply(body -> null);
    }

    /** The registered commands of a scope: global when {@code guildId} is empty. */
    public CompletableFuture<List<Map<String, Object>>> commands(Optional<String> guildId) {
        return send("GET", commandsUri(guildId), null, true).thenApply(body -> decodeList(body));
    }

    /** Bulk overwrite: Discord replaces every command of the scope with {@code definitions}. */
    public CompletableFuture<List<Map<String, Object>>> overwriteCommands(Optional<String> guildId, Object definitions) {
        return send("PUT", commandsUri(guildId), encode(definitions), true).thenApply(body -> decodeList(body));
    }

    private URI commandsUri(Optional<String> guildId) {
        return URI.create(apiUrl + "/applications/" + applicationId
                + guildId.map(g -> "/guilds/" + g).orElse("") + "/commands");
    }

    private CompletableFuture<byte[]> send(String method, URI uri, byte[] body, boolean asBot) {
        return send(method, uri, body, asBot, false);
    }

    /**
     * {@code original}: the call edits an interaction's original message, which may not exist yet
     * when the edit overtakes the deferral on its way to Discord: a 404 is then retried after
     * 250, 500, 1,000 ms — unless it is {@code 10015} (Unknown Webhook), an expired token, where
     * waiting cannot help.
     */
    private CompletableFuture<byte[]> send(String method, URI uri, byte[] body, boolean asBot, boolean original) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", USER_AGENT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (asBot) {
            request.header("Authorization", "Bot " + botToken.orElseThrow(
                    () -> new IllegalStateException("DISCORD_BOT_TOKEN is needed for this call")));
        }
        return attempt(request.build(), 1, original);
    }

    private CompletableFuture<byte[]> attempt(HttpRequest request, int attempt, boolean original) {
        return http.get().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenCompose(response -> {
            int status = response.statusCode();
            if (status / 100 == 2) {
                return CompletableFuture.completedFuture(response.body());
            }
            if (status == 429 && attempt < MAX_ATTEMPTS) {
                Duration wait = retryAfter(response);
                LOG.info("Discord rate limit on {} {}; retrying in {} ms (attempt {} of {})",
                        request.method(), route(request.uri()), wait.toMillis(), attempt + 1, MAX_ATTEMPTS);
                return later(wait).thenCompose(ignored -> attempt(request, attempt + 1, original));
            }
            if (status == 404 && original && attempt < MAX_ATTEMPTS && !unknownWebhook(response.body())) {
                Duration wait = Duration.ofMillis(250L << (attempt - 1));
                LOG.info("no original message to edit yet; retrying in {} ms (attempt {} of {})", wait.toMillis(), attempt + 1, MAX_ATTEMPTS);
                return later(wait).thenCompose(ignored -> attempt(request, attempt + 1, original));
            }
            String message = errorMessage(response.body());
            if (status == 429) {
                message += " (still rate limited after " + MAX_ATTEMPTS + " attempts)";
            }
            return CompletableFuture.failedFuture(new DiscordException(status, message));
        });
    }

    private static CompletableFuture<Void> later(Duration wait) {
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Discord's JSON error code 10015, Unknown Webhook: the interaction token has expired. */
    private boolean unknownWebhook(byte[] body) {
        try {
            Map<String, Object> error = json.readValue(body, Argument.mapOf(String.class, Object.class));
            return error != null && error.get("code") instanceof Number code && code.intValue() == 10015;
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }

    /** Discord's wait: the body's {@code retry_after} (fractional seconds), else the header, else 1 s. */
    Duration retryAfter(HttpResponse<byte[]> response) {
        Double fromBody = null;
        try {
            Map<String, Object> body = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            if (body != null && body.get("retry_after") instanceof Number n) {
                fromBody = n.doubleValue();
            }
        } catch (IOException | RuntimeException notJson) {
            // A 429 from a proxy in front of Discord has no JSON body; the header still counts.
        }
        double seconds = fromBody != null ? fromBody
                : response.headers().firstValue("Retry-After").map(DiscordRest::parseSeconds).orElse(1.0);
        long millis = (long) Math.ceil(Math.max(0, seconds) * 1000);
        return Duration.ofMillis(Math.min(millis, LONGEST_WAIT.toMillis()));
    }

    private static double parseSeconds(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The path with the interaction token cut out, safe to log. */
    private static String route(URI uri) {
        return uri.getPath().replaceAll("/webhooks/(\\d+)/[^/]+", "/webhooks/$1/{token}");
    }

    /** Discord's {@code message}, with the first field error of an "Invalid Form Body" and where it is. */
    private String errorMessage(byte[] body) {
        try {
            Map<String, Object> error = json.readValue(body, Argument.mapOf(String.class, Object.class));
            String message = String.valueOf(error.getOrDefault("message", "(no message)"));
            return firstFieldError(error.get("errors"), "").map(detail -> message + " (" + detail + ")").orElse(message);
        } catch (IOException | RuntimeException e) {
            return "(no message)";
        }
    }

    /** Discord nests field errors by path: {@code {"0": {"name": {"_errors": [{code, message}]}}}}. */
    private static Optional<String> firstFieldError(Object errors, String path) {
        if (!(errors instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        if (map.get("_errors") instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> first) {
            String where = path.isEmpty() ? "" : path + ": ";
            return Optional.of(where + first.get("message"));
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Optional<String> nested = firstFieldError(entry.getValue(), path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey());
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    private byte[] encode(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Map<String, Object>> decodeList(byte[] body) {
        try {
            return json.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
