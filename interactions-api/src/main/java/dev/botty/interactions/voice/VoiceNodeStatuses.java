package dev.botty.interactions.voice;

import dev.botty.interactions.config.BottyConfig.VoiceConfig;
import dev.botty.internal.NodeStatus;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asks every configured voice node for its {@link NodeStatus} ({@code GET /v1/status}, signed like
 * every internal request) all at once, so the status page waits for the slowest node once and at
 * most {@link #TIMEOUT}, not for each in turn. A node that is down, slow, refuses or answers
 * nonsense becomes a {@link VoiceNodeReport} that says why, never an exception: the page must
 * render whatever the nodes do.
 */
@Singleton
public final class VoiceNodeStatuses {
    /** Status is for people looking at a page; a node that needs longer than this is reported as slow. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final String PATH = "/v1/status";
    private static final byte[] EMPTY = new byte[0];

    private final VoiceConfig config;
    private final Provider<HttpClient> http;
    private final JsonMapper json;
    private final Clock clock;
    private final RequestSignature signature;
    private final Duration timeout;

    public VoiceNodeStatuses(VoiceConfig config, @Named(VoiceNodeHttp.CLIENT) Provider<HttpClient> http, JsonMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.signature = config.secret().map(RequestSignature::new).orElse(null);
        this.timeout = config.timeout().compareTo(TIMEOUT) < 0 ? config.timeout() : TIMEOUT;
    }

    /** One report per configured node, in shard order; completes within about {@link #TIMEOUT}. */
    public CompletableFuture<List<VoiceNodeReport>> fetchAll() {
        if (signature == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<CompletableFuture<VoiceNodeReport>> pending = new ArrayList<>();
        for (int index = 0; index < config.nodes().size(); index++) {
            pending.add(fetch(index, config.nodes().get(index)));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(done -> pending.stream().map(CompletableFuture::join).toList());
    }

    /** What plays in a guild, from the status of the node that owns it; empty when nothing does or the node does not answer. */
    public CompletableFuture<Optional<NodeStatus.NowPlaying>> nowPlaying(long guildId) {
        if (signature == null || config.nodes().isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        int shard = VoiceNodeClient.shardOf(guildId, config.nodes().size());
        String id = Long.toUnsignedString(guildId);
        return fetch(shard, config.nodes().get(shard)).thenApply(report -> Optional.ofNullable(report.status())
                .flatMap(status -> status.guilds().stream().filter(guild -> guild.guildId().equals(id)).findFirst())
                .map(NodeStatus.GuildPlayer::nowPlaying));
    }

    private CompletableFuture<VoiceNodeReport> fetch(int index, URI node) {
        String address = address(node);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(node + PATH))
                    .timeout(timeout)
                    .header("Accept", "application/json")
                    .header(RequestSignature.TIMESTAMP_HEADER, timestamp)
                    .header(RequestSignature.SIGNATURE_HEADER, signature.sign(timestamp, EMPTY))
                    .GET()
                    .build();
        } catch (IllegalArgumentException badUrl) {
            return CompletableFuture.completedFuture(VoiceNodeReport.unreachable(index, address, "its URL is not usable"));
        }
        return http.get().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> read(index, address, response))
                .exceptionally(error -> VoiceNodeReport.unreachable(index, address, why(error)));
    }

    private VoiceNodeReport read(int index, String address, HttpResponse<byte[]> response) {
        if (response.statusCode() == 401) {
            return VoiceNodeReport.unreachable(index, address, "refused our signature (HTTP 401): is VOICE_NODE_SECRET the same on both sides?");
        }
        if (response.statusCode() != 200) {
            return VoiceNodeReport.unreachable(index, address, "answered HTTP " + response.statusCode());
        }
        NodeStatus status;
        try {
            status = json.readValue(response.body(), NodeStatus.class);
        } catch (IOException | RuntimeException e) {
            status = null;
        }
        if (status == null || status.gateway() == null || status.version() == null) {
            return VoiceNodeReport.unreachable(index, address, "answered something that is not a node status");
        }
        return VoiceNodeReport.reachable(index, address, status);
    }

    private String why(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "did not answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "is not accepting connections";
        }
        return "could not be reached (" + cause.getClass().getSimpleName() + ")";
    }

    /** host:port only: node URLs carry no credentials, but a path or query is nobody's business on a status page. */
    static String address(URI node) {
        int port = node.getPort() >= 0 ? node.getPort() : "https".equalsIgnoreCase(node.getScheme()) ? 443 : 80;
        return node.getHost() + ":" + port;
    }
}
