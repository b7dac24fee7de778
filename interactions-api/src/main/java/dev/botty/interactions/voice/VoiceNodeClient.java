package dev.botty.interactions.voice;

import dev.botty.interactions.config.BottyConfig.VoiceConfig;
import dev.botty.interactions.metrics.InteractionMetrics;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.internal.MusicSuggestions;
import dev.botty.internal.RequestSignature;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the contract's {@link MusicRequest} to the voice node that owns the guild over the
 * internal API (HMAC-signed, docs/internal-api.md) and reads its typed answer. The only class
 * that talks to voice nodes. A node that is down, refuses, answers what the contract does not
 * describe, or is too slow becomes a plain {@link MusicReply} error (or no suggestions), never an
 * exception, so the user always hears back.
 */
@Singleton
public final class VoiceNodeClient {
    static final String COMMANDS = "/v1/commands";
    static final String SUGGESTIONS = "/v1/suggestions";
    private static final Logger LOG = LoggerFactory.getLogger(VoiceNodeClient.class);
    private static final String UNREADABLE = "The music player answered something I couldn't read.";

    private final VoiceConfig config;
    private final Provider<HttpClient> http;
    private final JsonMapper json;
    private final Clock clock;
    private final RequestSignature signature;
    private final InteractionMetrics metrics;

    public VoiceNodeClient(VoiceConfig config, @Named(VoiceNodeHttp.CLIENT) Provider<HttpClient> http, JsonMapper json, Clock clock, InteractionMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.signature = config.secret().map(RequestSignature::new).orElse(null);
    }

    /** Whether any voice node is configured. */
    public boolean enabled() {
        return config.enabled() && signature != null;
    }

    /** Discord's shard formula: the node for a guild is {@code (guild_id >> 22) % node count}. */
    public static int shardOf(long guildId, int shardCount) {
        return (int) Long.remainderUnsigned(guildId >>> 22, shardCount);
    }

    /** Runs a music command on the guild's node; what went wrong on the way is an error reply for the user. */
    public CompletableFuture<MusicReply> run(MusicRequest request) {
        int shard = shardOf(request.guildId(), Math.max(1, config.nodes().size()));
        return send(shard, COMMANDS, request, MusicReply.class)
                .thenApply(reply -> {
                    metrics.forwarded(shard, "ok");
                    return reply;
                })
                .exceptionally(error -> {
                    metrics.forwarded(shard, "unavailable");
                    return MusicReply.error("🎵 " + reason(shard, error));
                });
    }

    /** The node's suggestions for the focused option; none when it cannot give any in time. */
    public CompletableFuture<MusicSuggestions> suggest(MusicRequest request) {
        int shard = shardOf(request.guildId(), Math.max(1, config.nodes().size()));
        return send(shard, SUGGESTIONS, request, MusicSuggestions.class)
                .thenApply(suggestions -> {
                    metrics.forwarded(shard, "choices");
                    return suggestions;
                })
                .exceptionally(error -> {
                    metrics.forwarded(shard, "unavailable");
                    reason(shard, error);
                    return MusicSuggestions.none();
                });
    }

    /** The node's answer, or a failed stage whose cause says what went wrong. */
    private <T> CompletableFuture<T> send(int shard, String path, MusicRequest request, Class<T> answerType) {
        if (!enabled()) {
            return CompletableFuture.failedFuture(new Unusable("Music is not set up here."));
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        URI node = config.nodes().get(shard);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest post = HttpRequest.newBuilder(URI.create(node + path))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header(RequestSignature.TIMESTAMP_HEADER, timestamp)
                .header(RequestSignature.SIGNATURE_HEADER, signature.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.get().sendAsync(post, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> read(shard, response, answerType));
    }

    private <T> T read(int shard, HttpResponse<byte[]> response, Class<T> answerType) {
        if (response.statusCode() != 200) {
            LOG.warn("voice node {} answered HTTP {}", shard, response.statusCode());
            throw new Unusable("The music player couldn't take that request right now.");
        }
        try {
            T answer = json.readValue(response.body(), answerType);
            if (answer == null) {
                throw new Unusable(UNREADABLE);
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unusable unusable) {
                throw unusable;
            }
            LOG.warn("voice node {} answered something that is not a {}", shard, answerType.getSimpleName());
            throw new Unusable(UNREADABLE);
        }
    }

    /** What to tell the user about a failed call, logged once. */
    private static String reason(int shard, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof Unusable unusable) {
            return unusable.getMessage();
        }
        if (cause instanceof HttpTimeoutException) {
            LOG.warn("voice node {} did not answer in time", shard);
            return "The music player didn't answer in time. Please try again.";
        }
        if (cause instanceof ConnectException) {
            LOG.warn("voice node {} is not accepting connections", shard);
        } else {
            LOG.warn("voice node {} could not be reached: {}", shard, cause.toString());
        }
        return "The music player is offline right now. Please try again in a minute.";
    }

    /** A node's answer that cannot be used; its message is for the user. */
    private static final class Unusable extends RuntimeException {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }
}
