package dev.botty.interactions.voice;

import dev.botty.internal.RequestSignature;
import dev.botty.interactions.config.BottyConfig.VoiceConfig;
import dev.botty.interactions.discord.Embed;
import dev.botty.interactions.discord.InteractionResponse;
import dev.botty.interactions.discord.InteractionResponse.Choice;
import dev.botty.interactions.metrics.InteractionMetrics;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards verified interactions to the voice node that owns the guild, over the internal API
 * ({@code POST /v1/interactions}, HMAC-signed), and reads its answer. The only class that talks
 * to voice nodes. A node that is down, refuses, or is too slow is an {@link NodeAnswer.Unavailable}
 * value, never an exception, so the user always hears back.
 */
@Singleton
public final class VoiceNodeClient {
    /** What a voice node answered. */
    public sealed interface NodeAnswer {
        /** A message to show: the node's reply, whenever it came (the caller decides inline or deferred). */
        record Message(String content, List<Embed> embeds) implements NodeAnswer {}

        /** Autocomplete suggestions. */
        record Choices(List<Choice> choices) implements NodeAnswer {}

        /** No usable answer; {@code reason} is for the user. */
        record Unavailable(String reason) implements NodeAnswer {}
    }

    static final String PATH = "/v1/interactions";
    private static final Logger LOG = LoggerFactory.getLogger(VoiceNodeClient.class);

    private final VoiceConfig config;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final RequestSignature signature;
    private final InteractionMetrics metrics;

    public VoiceNodeClient(VoiceConfig config, HttpClient http, JsonMapper json, Clock clock, InteractionMetrics metrics) {
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
    public static int shardOf(String guildId, int shardCount) {
        return (int) Long.remainderUnsigned(Long.parseUnsignedLong(guildId) >>> 22, shardCount);
    }

    /** Sends the interaction, exactly as Discord signed it, to the guild's node. */
    public CompletableFuture<NodeAnswer> forward(String guildId, byte[] interaction) {
        if (!enabled()) {
            return CompletableFuture.completedFuture(new NodeAnswer.Unavailable("Music is not set up here."));
        }
        int shard = shardOf(guildId, config.nodes().size());
        URI node = config.nodes().get(shard);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(node + PATH))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header(RequestSignature.TIMESTAMP_HEADER, timestamp)
                .header(RequestSignature.SIGNATURE_HEADER, signature.sign(timestamp, interaction))
                .POST(HttpRequest.BodyPublishers.ofByteArray(interaction))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> read(shard, response))
                .exceptionally(error -> unreachable(shard, error))
                .whenComplete((answer, error) -> metrics.forwarded(shard, outcome(answer)));
    }

    private static String outcome(NodeAnswer answer) {
        return switch (answer) {
            case NodeAnswer.Message message -> "ok";
            case NodeAnswer.Choices choices -> "choices";
            case NodeAnswer.Unavailable unavailable -> "unavailable";
            case null -> "unavailable";
        };
    }

    private NodeAnswer read(int shard, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            LOG.warn("voice node {} answered HTTP {}", shard, response.statusCode());
            return new NodeAnswer.Unavailable("The music player couldn't take that request right now.");
        }
        InteractionResponse answer;
        try {
            answer = json.readValue(response.body(), InteractionResponse.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("voice node {} answered something that is not an interaction response", shard);
            return new NodeAnswer.Unavailable("The music player answered something I couldn't read.");
        }
        InteractionResponse.MessageData data = answer == null ? null : answer.data();
        return switch (answer == null ? 0 : answer.type()) {
            case InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE -> new NodeAnswer.Message(
                    data == null ? null : data.content(),
                    data == null || data.embeds() == null ? List.of() : data.embeds().stream().filter(Objects::nonNull).toList());
            case InteractionResponse.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT -> new NodeAnswer.Choices(
                    data == null || data.choices() == null ? List.of() : data.choices());
            default -> new NodeAnswer.Unavailable("The music player answered something I couldn't read.");
        };
    }

    private static NodeAnswer unreachable(int shard, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            LOG.warn("voice node {} did not answer in time", shard);
            return new NodeAnswer.Unavailable("The music player didn't answer in time. Please try again.");
        }
        if (!(cause instanceof ConnectException)) {
            LOG.warn("voice node {} could not be reached: {}", shard, cause.toString());
        } else {
            LOG.warn("voice node {} is not accepting connections", shard);
        }
        return new NodeAnswer.Unavailable("The music player is offline right now. Please try again in a minute.");
    }
}
