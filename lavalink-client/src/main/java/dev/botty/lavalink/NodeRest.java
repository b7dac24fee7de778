package dev.botty.lavalink;

import dev.botty.lavalink.protocol.v4.ErrorResponse;
import dev.botty.lavalink.protocol.v4.Info;
import dev.botty.lavalink.protocol.v4.LavalinkProtocolException;
import dev.botty.lavalink.protocol.v4.LoadResult;
import dev.botty.lavalink.protocol.v4.Player;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.Session;
import dev.botty.lavalink.protocol.v4.SessionUpdate;
import dev.botty.lavalink.protocol.v4.Stats;
import dev.botty.lavalink.protocol.v4.Track;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A node's REST API: one request per call, authorized with the node's password, answers read into
 * the protocol's records. Calls on the session's players need the session the WebSocket holds
 * ({@link SessionNow}); without one they fail with {@link NodeUnavailableException}. Lavalink's
 * refusals are {@link LavalinkRestException}s, transport failures their {@link java.io.IOException}.
 */
final class NodeRest {
    /** The session the socket holds now ({@code id} null when there is none) and the node's state. */
    record SessionNow(@Nullable String id, NodeState state) {}

    private final NodeConfig config;
    private final HttpClient http;
    private final Supplier<SessionNow> session;

    NodeRest(NodeConfig config, HttpClient http, Supplier<SessionNow> session) {
        this.config = config;
        this.http = http;
        this.session = session;
    }

    CompletableFuture<Info> info() {
        return call("GET", "/v4/info", null, body -> LavalinkJson.read(body, Info.class));
    }

    /** {@code GET /v4/stats} (frame stats null: only the WebSocket reports them). */
    CompletableFuture<Stats> stats() {
        return call("GET", "/v4/stats", null, body -> LavalinkJson.read(body, Stats.class));
    }

    /** {@code GET /version}: the bare version text. */
    CompletableFuture<String> version() {
        return call("GET", "/version", null, String::strip);
    }

    /** Resolves a link, an id or a search ({@code ytsearch:…}, {@code ytmsearch:…}, {@code scsearch:…}). */
    CompletableFuture<LoadResult> loadTracks(String identifier) {
        return call("GET", "/v4/loadtracks?identifier=" + encode(identifier), null, LavalinkJson::readLoadResult);
    }

    CompletableFuture<Track> decodeTrack(String encoded) {
        return call("GET", "/v4/decodetrack?encodedTrack=" + encode(encoded), null, body -> LavalinkJson.read(body, Track.class));
    }

    CompletableFuture<List<Track>> decodeTracks(List<String> encoded) {
        return call("POST", "/v4/decodetracks", LavalinkJson.write(encoded), body -> LavalinkJson.readList(body, Track.class));
    }

    CompletableFuture<List<Player>> getPlayers() {
        return withSession(session -> call("GET", "/v4/sessions/" + session + "/players", null,
                body -> LavalinkJson.readList(body, Player.class)));
    }

    /** Fails with a 404 {@link LavalinkRestException} ("Player not found") when the guild has no player. */
    CompletableFuture<Player> getPlayer(long guildId) {
        return withSession(session -> call("GET", playerPath(session, guildId), null, body -> LavalinkJson.read(body, Player.class)));
    }

    /** With {@code noReplace}, a track already playing is kept and the update's track is ignored. */
    CompletableFuture<Player> updatePlayer(long guildId, PlayerUpdate update, boolean noReplace) {
        return withSession(session -> call("PATCH", playerPath(session, guildId) + "?noReplace=" + noReplace,
                update.toJson().toString(), body -> LavalinkJson.read(body, Player.class)));
    }

    /** Destroys the guild's player (Lavalink leaves the voice channel's connection); 204 even if there was none. */
    CompletableFuture<Void> destroyPlayer(long guildId) {
        return withSession(session -> call("DELETE", playerPath(session, guildId), null, body -> null));
    }

    /** Turns resuming on or off for the current session; {@code timeout} is rounded down to seconds. */
    CompletableFuture<Session> updateSession(boolean resuming, Duration timeout) {
        String body = LavalinkJson.write(new SessionUpdate(resuming, timeout.toSeconds()));
        return withSession(session -> call("PATCH", "/v4/sessions/" + session, body, text -> LavalinkJson.read(text, Session.class)));
    }

    private static String playerPath(String session, long guildId) {
        return "/v4/sessions/" + session + "/players/" + Long.toUnsignedString(guildId);
    }

    private <T> CompletableFuture<T> withSession(Function<String, CompletableFuture<T>> call) {
        SessionNow now = session.get();
        if (now.id() == null) {
            return CompletableFuture.failedFuture(new NodeUnavailableException(
                    "Lavalink node '" + config.name() + "' has no session (" + now.state() + ")"));
        }
        return call.apply(now.id());
    }

    private <T extends @Nullable Object> CompletableFuture<T> call(String method, String pathAndQuery, @Nullable String body,
                                                                  Function<String, T> read) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(config.base() + pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Authorization", config.password())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        CompletableFuture<T> result = new CompletableFuture<>();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(LavalinkNode.unwrap(failure));
                return;
            }
            try {
                if (response.statusCode() / 100 != 2) {
                    result.completeExceptionally(refusal(method, path, response));
                } else {
                    result.complete(read.apply(response.body()));
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private LavalinkRestException refusal(String method, String path, HttpResponse<String> response) {
        @Nullable ErrorResponse error = null;
        String body = response.body();
        if (body != null && !body.isBlank()) {
            try {
                error = LavalinkJson.read(body, ErrorResponse.class);
            } catch (LavalinkProtocolException e) {
                // Not Lavalink's error body (a proxy's page, say): the text goes into the message.
            }
        }
        return new LavalinkRestException(config.name(), method, path, response.statusCode(), error, body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
