package dev.botty.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for a Lavalink v4 server (4.2.x): REST and the WebSocket on one port, as
 * Lavalink's docs describe them and, where the docs are silent or differ, as its code behaves
 * (lavalink-devs/Lavalink: {@code PlayerRestHandler}, {@code SocketServer}, {@code SocketContext},
 * {@code HandshakeInterceptorImpl}, {@code RequestAuthorizationFilter}). Tracks come from
 * {@link LavalinkCatalogue}; nothing is ever played.
 *
 * <p>Time is a clock the test owns: nothing happens by itself. {@link #advance(Duration)} moves
 * it, and with it track positions, {@code playerUpdate}s (every 5 s while a track is loaded),
 * {@code TrackEndEvent}s with reason {@code finished}, {@code stats} (on connect and every
 * minute) and the expiry of sessions waiting to be resumed. A player's track advances only while
 * it is unpaused and has a voice connection; a voice update with all four of {@code token,
 * endpoint, sessionId, channelId} "connects" at once, where a real Lavalink would reach Discord.
 *
 * <p>Tests act as the world around Lavalink: {@link #trackException}, {@link #trackStuck} and
 * {@link #voiceSocketClosed} fire those events, {@link #dropConnections()} cuts every WebSocket
 * without a close frame, {@link #freezeConnections()} silences them, {@link #takeDown(boolean)},
 * {@link #bringUp()} and {@link #restart(boolean)} close and reopen the port, and
 * {@link #failYouTubeLoads(String)} makes YouTube loads fail as they do when YouTube blocks a host.
 * Every REST call, handshake and WebSocket message sent is recorded.
 */
public final class FakeLavalink implements AutoCloseable {
    public static final String DEFAULT_PASSWORD = "youshallnotpass";
    /** The version {@code /version} and {@code /v4/info} report unless told otherwise. */
    public static final String DEFAULT_VERSION = "4.2.2";
    /** Where the stand-in's clock starts. */
    public static final Instant EPOCH = Instant.parse("2026-03-01T12:00:00Z");
    /** Lavalink's default {@code lavalink.server.playerUpdateInterval}. */
    public static final Duration DEFAULT_PLAYER_UPDATE_INTERVAL = Duration.ofSeconds(5);
    static final Duration STATS_INTERVAL = Duration.ofMinutes(1);
    static final long DEFAULT_RESUME_TIMEOUT_SECONDS = 60;

    /** One REST request and the status it was answered with. */
    public record Call(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                       String body, int status) {
        public JsonNode json() {
            return readTree(body);
        }

        /** A request header by its name in any case, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String queryParameter(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    /** One WebSocket handshake: its request headers (names in lower case), the status answered, whether it resumed. */
    public record Handshake(Map<String, String> headers, int status, boolean resumed) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** One WebSocket message written to a client, with its session. */
    public record Sent(String sessionId, JsonNode json) {
        public String op() {
            return json.path("op").asText();
        }

        /** The event type of an {@code event} op, else null. */
        public String type() {
            return json.path("type").isTextual() ? json.path("type").asText() : null;
        }

        public String guildId() {
            return json.path("guildId").asText(null);
        }

        public boolean isEvent(String type) {
            return "event".equals(op()) && type.equals(type());
        }
    }

    /** What the HTTP side should answer. */
    record Answer(int status, String contentType, String body) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, "application/json", body.toString());
        }

        static Answer empty(int status) {
            return new Answer(status, null, "");
        }
    }

    /** What the handshake of a WebSocket gets: 101 to upgrade, else the status to refuse it with. */
    record HandshakeDecision(int status, boolean resumed, String resumeSessionId) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] SESSION_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern SESSION = Pattern.compile("/v4/sessions/([^/]+)");
    private static final Pattern PLAYERS = Pattern.compile("/v4/sessions/([^/]+)/players");
    private static final Pattern PLAYER = Pattern.compile("/v4/sessions/([^/]+)/players/([^/]+)");
    // Lavalink's Version.fromSemver: no build metadata, so "4.2.0+abc" does not match (and reads as 0.0.0).
    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$");
    private static final List<String> FILTERS = List.of("volume", "equalizer", "karaoke", "timescale", "tremolo",
            "vibrato", "distortion", "rotation", "channelMix", "lowPass");

    /** A WebSocket session; it outlives its connection while waiting to be resumed. */
    static final class Session {
        final String id;
        final long userId;
        final Map<Long, Player> players = new LinkedHashMap<>();
        final List<ObjectNode> queued = new ArrayList<>();
        boolean resuming;
        long timeoutSeconds = DEFAULT_RESUME_TIMEOUT_SECONDS;
        LavalinkHttpServer.Connection connection;
        Instant pausedAt;
        boolean claimed;
        Instant nextStats;

        Session(String id, long userId) {
            this.id = id;
            this.userId = userId;
        }

        boolean paused() {
            return connection == null && pausedAt != null;
        }

        Instant expiresAt() {
            return pausedAt.plusSeconds(timeoutSeconds);
        }
    }

    private static final class Player {
        final long guildId;
        LavalinkCatalogue.Track track;
        JsonNode userData;
        long position;
        Long endTime;
        boolean paused;
        int volume = 100;
        ObjectNode voice;
        boolean connected;
        ObjectNode filters = JSON.objectNode();
        Instant nextUpdate;

        Player(long guildId) {
            this.guildId = guildId;
        }

        boolean playing() {
            return track != null && !paused;
        }

        boolean advancing() {
            return playing() && connected;
        }

        /** Where the track stops: its end, or the end time it was given; {@link Long#MAX_VALUE} for a stream without one. */
        long endsAt() {
            long end = track.length();
            return endTime == null ? end : Math.min(end, endTime);
        }
    }

    private final String password;
    private final LavalinkHttpServer server;
    private volatile String version = DEFAULT_VERSION;
    private volatile String youTubeFailure;
    private volatile Duration playerUpdateInterval = DEFAULT_PLAYER_UPDATE_INTERVAL;
    private volatile int cores = 4;
    private volatile double systemLoad = 0.08;
    private volatile double lavalinkLoad = 0.02;
    private volatile int[] frameStats = {3000, 0, 0};
    private volatile int voicePing = 23;
    private volatile Duration loadDelay = Duration.ZERO;

    private Instant now = EPOCH;
    private Instant startedAt = EPOCH;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Handshake> handshakes = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> received = new ArrayList<>();

    private FakeLavalink(String password) {
        this.password = password;
        this.server = new LavalinkHttpServer(this);
    }

    /** Starts on a free loopback port with {@link #DEFAULT_PASSWORD}. */
    public static FakeLavalink start() {
        return start(DEFAULT_PASSWORD);
    }

    /** Starts on a free loopback port, accepting only {@code password}. */
    public static FakeLavalink start(String password) {
        FakeLavalink lavalink = new FakeLavalink(password);
        lavalink.server.start(0);
        return lavalink;
    }

    /** The base URI a client is configured with: {@code http://127.0.0.1:PORT}. */
    public java.net.URI uri() {
        return java.net.URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    public String password() {
        return password;
    }

    // ---- Settings ---------------------------------------------------------------------------

    /** The semver {@code /version} and {@code /v4/info} report, e.g. {@code "4.1.2"} for a server without DAVE. */
    public FakeLavalink version(String semver) {
        this.version = semver;
        return this;
    }

    /** From now on every YouTube load (ids, links, {@code ytsearch:}) fails with this message; null makes them work again. */
    /** Answers {@code /v4/loadtracks} only after this long, as a real search takes a second or more. */
    public FakeLavalink loadDelay(Duration delay) {
        this.loadDelay = delay;
        return this;
    }

    Duration loadDelay() {
        return loadDelay;
    }

    public FakeLavalink failYouTubeLoads(String message) {
        this.youTubeFailure = message;
        return this;
    }

    /** Lavalink's {@code playerUpdateInterval}. */
    public FakeLavalink playerUpdateInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive");
        }
        this.playerUpdateInterval = interval;
        return this;
    }

    /** The {@code cpu} part of stats. */
    public FakeLavalink cpu(int cores, double systemLoad, double lavalinkLoad) {
        this.cores = cores;
        this.systemLoad = systemLoad;
        this.lavalinkLoad = lavalinkLoad;
        return this;
    }

    /**
     * The per-player frame counts of the last minute that {@code stats} reports to a session with
     * playing players (3,000 sent, none nulled, no deficit unless told).
     */
    public FakeLavalink frameStats(int sent, int nulled, int deficit) {
        this.frameStats = new int[] {sent, nulled, deficit};
        return this;
    }

    // ---- The clock --------------------------------------------------------------------------

    public synchronized Instant now() {
        return now;
    }

    /**
     * Moves the clock on, delivering in order everything that falls due on the way: track ends,
     * player updates, stats and the expiry of sessions left unresumed.
     */
    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        Instant target = now.plus(by);
        Instant next;
        while ((next = nextDue()) != null && !next.isAfter(target)) {
            elapse(next);
            fireDue();
        }
        elapse(target);
        notifyAll();
    }

    private Instant nextDue() {
        Instant next = null;
        for (Session session : sessions.values()) {
            next = earliest(next, session.nextStats);
            if (session.paused() && !session.claimed) {
                next = earliest(next, session.expiresAt());
            }
            for (Player player : session.players.values()) {
                if (player.track == null) {
                    continue;
                }
                next = earliest(next, player.nextUpdate);
                if (player.advancing() && player.endsAt() != Long.MAX_VALUE) {
                    next = earliest(next, now.plusMillis(Math.max(0, player.endsAt() - player.position)));
                }
            }
        }
        return next;
    }

    private void elapse(Instant to) {
        long millis = Duration.between(now, to).toMillis();
        if (millis > 0) {
            for (Session session : sessions.values()) {
                for (Player player : session.players.values()) {
                    if (player.advancing()) {
                        player.position = Math.min(player.endsAt(), player.position + millis);
                    }
                }
            }
        }
        now = to;
    }

    private void fireDue() {
        for (Session session : List.copyOf(sessions.values())) {
            for (Player player : session.players.values()) {
                if (player.track != null && player.advancing() && player.position >= player.endsAt()) {
                    endTrack(session, player, "finished");
                }
            }
            for (Player player : session.players.values()) {
                if (player.track != null && player.nextUpdate != null && !player.nextUpdate.isAfter(now)) {
                    sendPlayerUpdate(session, player);
                    player.nextUpdate = player.nextUpdate.plus(playerUpdateInterval);
                }
            }
            if (!session.nextStats.isAfter(now)) {
                sendStats(session);
                session.nextStats = session.nextStats.plus(STATS_INTERVAL);
            }
            if (session.paused() && !session.claimed && !session.expiresAt().isAfter(now)) {
                shutdown(session);
            }
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    // ---- The world around Lavalink ----------------------------------------------------------

    /** Sends {@code stats} to every session now, as the minute timer would. */
    public synchronized void sendStats() {
        sessions.values().forEach(this::sendStats);
    }

    /**
     * The guild's playing track fails as Lavaplayer reports it: a {@code TrackExceptionEvent}, then
     * {@code TrackEndEvent} with {@code loadFailed} if no audio had been played yet, else {@code finished}.
     */
    public synchronized void trackException(long guildId, String message, String severity) {
        forPlayers(guildId, (session, player) -> {
            if (player.track == null) {
                return;
            }
            ObjectNode event = event("TrackExceptionEvent", player);
            event.set("track", player.track.json(player.position, player.userData));
            event.set("exception", LavalinkCatalogue.exception(message, severity,
                    "com.sedmelluq.discord.lavaplayer.tools.FriendlyException: " + message));
            send(session, event);
            endTrack(session, player, player.position == 0 ? "loadFailed" : "finished");
        });
    }

    /** The guild's track gets stuck: {@code TrackStuckEvent}, then a player update; the track stays. */
    public synchronized void trackStuck(long guildId, long thresholdMs) {
        forPlayers(guildId, (session, player) -> {
            if (player.track == null) {
                return;
            }
            ObjectNode event = event("TrackStuckEvent", player);
            event.set("track", player.track.json(player.position, player.userData));
            event.put("thresholdMs", thresholdMs);
            send(session, event);
            sendPlayerUpdate(session, player);
        });
    }

    /** Discord closed the guild's voice WebSocket: {@code WebSocketClosedEvent}, then a player update showing it disconnected. */
    public synchronized void voiceSocketClosed(long guildId, int code, String reason, boolean byRemote) {
        forPlayers(guildId, (session, player) -> {
            player.connected = false;
            ObjectNode event = event("WebSocketClosedEvent", player);
            event.put("code", code);
            event.put("reason", reason);
            event.put("byRemote", byRemote);
            send(session, event);
            sendPlayerUpdate(session, player);
        });
    }

    /** Sends any text to every connected session, as a plugin's own op or event type would arrive. */
    public synchronized void sendRaw(String json) {
        for (Session session : sessions.values()) {
            if (session.connection != null) {
                sent.add(new Sent(session.id, readTree(json)));
                session.connection.send(json);
            }
        }
        notifyAll();
    }

    /**
     * Every client WebSocket goes silent without closing: no messages, no pongs, as when a
     * network drops a connection without telling either end. The client has to notice by itself.
     */
    public synchronized void freezeConnections() {
        for (Session session : sessions.values()) {
            if (session.connection != null) {
                session.connection.frozen = true;
            }
        }
    }

    /**
     * Cuts every client WebSocket without a close frame, as a network failure would. Sessions with
     * resuming enabled wait to be resumed (their players keep playing); the others end at once.
     */
    public void dropConnections() {
        List<LavalinkHttpServer.Connection> dropped = new ArrayList<>();
        synchronized (this) {
            for (Session session : List.copyOf(sessions.values())) {
                if (session.connection != null) {
                    dropped.add(session.connection);
                    disconnected(session);
                }
            }
        }
        dropped.forEach(LavalinkHttpServer.Connection::drop);
    }

    /**
     * Takes the server down and up again on the same port; every connection is cut. With
     * {@code keepSessions}, sessions with resuming enabled survive to be resumed (as through a
     * load balancer's restart); without, all are lost, as when Lavalink's process restarts.
     */
    public void restart(boolean keepSessions) {
        takeDown(keepSessions);
        bringUp();
    }

    /**
     * Cuts every connection and closes the port: connecting is refused until {@link #bringUp()}.
     * With {@code keepSessions}, sessions with resuming enabled wait to be resumed meanwhile (and
     * the clock still plays their tracks); without, every session is lost.
     */
    public void takeDown(boolean keepSessions) {
        synchronized (this) {
            for (Session session : List.copyOf(sessions.values())) {
                if (session.connection != null) {
                    disconnected(session);
                }
                if (!keepSessions) {
                    shutdown(session);
                }
            }
            if (!keepSessions) {
                startedAt = now;
            }
        }
        server.takeDown();
    }

    /** Opens the port again after {@link #takeDown(boolean)}. */
    public void bringUp() {
        server.bringUp();
    }

    // ---- What happened ----------------------------------------------------------------------

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Text the clients sent over the WebSocket (Lavalink v4 ignores it). */
    public synchronized List<String> received() {
        return List.copyOf(received);
    }

    public Call awaitCall(Predicate<Call> match, Duration timeout) throws InterruptedException {
        return await(() -> calls.stream().filter(match).findFirst(), timeout, "REST call");
    }

    public Handshake awaitHandshake(Predicate<Handshake> match, Duration timeout) throws InterruptedException {
        return await(() -> handshakes.stream().filter(match).findFirst(), timeout, "handshake");
    }

    public Sent awaitSent(Predicate<Sent> match, Duration timeout) throws InterruptedException {
        return await(() -> sent.stream().filter(match).findFirst(), timeout, "WebSocket message");
    }

    /** Waits until the session has a WebSocket again (a connect or a resume). */
    public void awaitConnected(String sessionId, Duration timeout) throws InterruptedException {
        await(() -> Optional.ofNullable(sessions.get(sessionId)).filter(s -> s.connection != null), timeout,
                "session " + sessionId + " connected");
    }

    /** Waits until the session has no WebSocket: it waits to be resumed, or is gone. */
    public void awaitDisconnected(String sessionId, Duration timeout) throws InterruptedException {
        await(() -> Optional.of(sessionId).filter(id -> !sessions.containsKey(id) || sessions.get(id).connection == null),
                timeout, "session " + sessionId + " disconnected");
    }

    private synchronized <T> T await(java.util.function.Supplier<Optional<T>> probe, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + what + " within " + timeout);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Sessions alive, connected or waiting to be resumed. */
    public synchronized List<String> sessionIds() {
        return List.copyOf(sessions.keySet());
    }

    /** Sessions with a WebSocket right now. */
    public synchronized List<String> connectedSessionIds() {
        return sessions.values().stream().filter(s -> s.connection != null).map(s -> s.id).toList();
    }

    /** The guild's player in any live session, as {@code GET .../players/{guildId}} would show it. */
    public synchronized Optional<JsonNode> player(long guildId) {
        for (Session session : sessions.values()) {
            Player player = session.players.get(guildId);
            if (player != null) {
                return Optional.of(playerJson(player));
            }
        }
        return Optional.empty();
    }

    /** Players of live sessions, connected or waiting to be resumed. */
    public synchronized int playerCount() {
        return sessions.values().stream().mapToInt(s -> s.players.size()).sum();
    }

    // ---- REST -------------------------------------------------------------------------------

    synchronized Answer rest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                             String body) {
        Answer answer = route(method, path, query, headers, body);
        calls.add(new Call(method, path, Map.copyOf(query), Map.copyOf(headers), body, answer.status()));
        notifyAll();
        return answer;
    }

    private Answer route(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                         String body) {
        boolean trace = "true".equals(first(query, "trace"));
        Matcher player = PLAYER.matcher(path);
        Matcher players = PLAYERS.matcher(path);
        Matcher session = SESSION.matcher(path);
        List<String> allowed;
        if (path.equals("/version") || path.equals("/v4/info") || path.equals("/v4/stats")
                || path.equals("/v4/loadtracks") || path.equals("/v4/decodetrack") || players.matches()) {
            allowed = List.of("GET");
        } else if (path.equals("/v4/decodetracks")) {
            allowed = List.of("POST");
        } else if (session.matches()) {
            allowed = List.of("PATCH");
        } else if (player.matches()) {
            allowed = List.of("GET", "PATCH", "DELETE");
        } else {
            // Spring answers unmapped paths before its authorization interceptor runs.
            return error(404, "No endpoint " + method + " " + path + ".", path, trace);
        }
        if (!allowed.contains(method)) {
            return error(405, "Request method '" + method + "' is not supported", path, trace);
        }
        // RequestAuthorizationFilter: a status and no body.
        String authorization = headers.get("authorization");
        if (authorization == null) {
            return Answer.empty(401);
        }
        if (!passwordMatches(authorization)) {
            return Answer.empty(403);
        }
        try {
            return switch (path) {
                case "/version" -> new Answer(200, "text/plain;charset=UTF-8", version);
                case "/v4/info" -> Answer.json(200, info());
                case "/v4/stats" -> Answer.json(200, stats(null));
                case "/v4/loadtracks" -> loadTracks(query);
                case "/v4/decodetrack" -> decodeTrack(query);
                case "/v4/decodetracks" -> decodeTracks(body);
                default -> {
                    if (player.matches()) {
                        yield player(method, player.group(1), player.group(2), query, body);
                    } else if (players.matches()) {
                        Session live = liveSession(players.group(1));
                        ArrayNode list = JSON.arrayNode();
                        live.players.values().forEach(p -> list.add(playerJson(p)));
                        yield Answer.json(200, list);
                    } else {
                        yield updateSession(session.group(1), body);
                    }
                }
            };
        } catch (Refusal refusal) {
            return error(refusal.status, refusal.getMessage(), path, trace);
        }
    }

    /** Lavalink's answer for a request it refuses: {@code ResponseStatusException}, or Spring's own. */
    private static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private ObjectNode info() {
        ObjectNode info = JSON.objectNode();
        ObjectNode v = info.putObject("version");
        v.put("semver", version);
        Matcher semver = SEMVER.matcher(version);
        boolean parsed = semver.matches();
        v.put("major", parsed ? Integer.parseInt(semver.group(1)) : 0);
        v.put("minor", parsed ? Integer.parseInt(semver.group(2)) : 0);
        v.put("patch", parsed ? Integer.parseInt(semver.group(3)) : 0);
        // Kotlin's destructuring gives "" for an unmatched group: a release reports "preRelease": "".
        if (parsed) {
            v.put("preRelease", semver.group(4) == null ? "" : semver.group(4));
        } else {
            v.putNull("preRelease");
        }
        info.put("buildTime", EPOCH.minus(Duration.ofDays(30)).toEpochMilli());
        ObjectNode git = info.putObject("git");
        git.put("branch", "HEAD");
        git.put("commit", "b0774e5");
        git.put("commitTime", EPOCH.minus(Duration.ofDays(31)).toEpochMilli());
        info.put("jvm", "21.0.8");
        info.put("lavaplayer", "2.2.6");
        ArrayNode sources = info.putArray("sourceManagers");
        List.of("youtube", "soundcloud", "bandcamp", "http").forEach(sources::add);
        ArrayNode filters = info.putArray("filters");
        FILTERS.forEach(filters::add);
        info.putArray("plugins").addObject().put("name", "youtube-plugin").put("version", "1.18.0");
        return info;
    }

    /**
     * The stats object. {@code frameStats} is always there, as in Lavalink's {@code Stats}: the
     * counts for a session's own stats op while one of its players plays, null otherwise and
     * always over REST ({@code GET /v4/stats}), where there is no session to count for.
     */
    private ObjectNode stats(Session forSession) {
        ObjectNode stats = JSON.objectNode();
        if (forSession == null) {
            stats.putNull("frameStats");
        } else {
            boolean playing = forSession.players.values().stream().anyMatch(Player::playing);
            if (playing) {
                int[] frames = frameStats;
                stats.putObject("frameStats").put("sent", frames[0]).put("nulled", frames[1]).put("deficit", frames[2]);
            } else {
                stats.putNull("frameStats");
            }
        }
        // SocketServer counts only the sessions with a connection: paused ones are elsewhere.
        List<Player> counted = sessions.values().stream().filter(s -> s.connection != null)
                .flatMap(s -> s.players.values().stream()).toList();
        stats.put("players", counted.size());
        stats.put("playingPlayers", counted.stream().filter(Player::playing).count());
        stats.put("uptime", Duration.between(startedAt, now).toMillis());
        ObjectNode memory = stats.putObject("memory");
        memory.put("free", 180_000_000L);
        memory.put("used", 140_000_000L);
        memory.put("allocated", 320_000_000L);
        memory.put("reservable", 536_870_912L);
        ObjectNode cpu = stats.putObject("cpu");
        cpu.put("cores", cores);
        cpu.put("systemLoad", systemLoad);
        cpu.put("lavalinkLoad", lavalinkLoad);
        return stats;
    }

    private Answer loadTracks(Map<String, List<String>> query) {
        String identifier = first(query, "identifier");
        if (identifier == null) {
            throw new Refusal(400, "Required parameter 'identifier' is not present.");
        }
        return Answer.json(200, LavalinkCatalogue.loadResult(LavalinkCatalogue.load(identifier, youTubeFailure)));
    }

    private Answer decodeTrack(Map<String, List<String>> query) {
        String encoded = first(query, "encodedTrack");
        if (encoded == null) {
            encoded = first(query, "track");
        }
        if (encoded == null) {
            throw new Refusal(400, "No track to decode provided");
        }
        return Answer.json(200, decoded(encoded).json(0, null));
    }

    private Answer decodeTracks(String body) {
        JsonNode encoded = parse(body);
        if (!encoded.isArray()) {
            throw new Refusal(400, "Could not read JSON: Expected JsonArray, but had " + encoded.getNodeType());
        }
        if (encoded.isEmpty()) {
            throw new Refusal(400, "No tracks to decode provided");
        }
        ArrayNode tracks = JSON.arrayNode();
        for (JsonNode one : encoded) {
            tracks.add(decoded(one.asText()).json(0, null));
        }
        return Answer.json(200, tracks);
    }

    private static LavalinkCatalogue.Track decoded(String encoded) {
        // Lavaplayer cannot read it: an IllegalStateException from decodeTrack, which Spring answers with 500.
        return LavalinkCatalogue.decode(encoded).orElseThrow(() -> new Refusal(500,
                "Failed to decode track due to a mismatching version or missing source manager"));
    }

    private Answer updateSession(String sessionId, String body) {
        Session session = liveSession(sessionId);
        JsonNode update = parse(body);
        if (update.has("resuming")) {
            session.resuming = bool(update, "resuming");
        }
        if (update.has("timeout")) {
            session.timeoutSeconds = integer(update, "timeout");
        }
        return Answer.json(200, JSON.objectNode().put("resuming", session.resuming).put("timeout", session.timeoutSeconds));
    }

    private Answer player(String method, String sessionId, String guild, Map<String, List<String>> query, String body) {
        Session session = liveSession(sessionId);
        long guildId;
        try {
            guildId = Long.parseLong(guild);
        } catch (NumberFormatException e) {
            throw new Refusal(400, "Failed to convert value of type 'java.lang.String' to required type 'long'; "
                    + "For input string: \"" + guild + "\"");
        }
        return switch (method) {
            case "GET" -> {
                Player player = session.players.get(guildId);
                if (player == null) {
                    throw new Refusal(404, "Player not found");
                }
                yield Answer.json(200, playerJson(player));
            }
            case "DELETE" -> {
                destroyPlayer(session, guildId);
                yield Answer.empty(204);
            }
            default -> Answer.json(200, updatePlayer(session, guildId, parse(body), "true".equals(first(query, "noReplace"))));
        };
    }

    /** PlayerRestHandler.patchPlayer, step by step in its order. */
    private ObjectNode updatePlayer(Session session, long guildId, JsonNode update, boolean noReplace) {
        if (!update.isObject()) {
            throw new Refusal(400, "Could not read JSON: Expected JsonObject");
        }
        boolean deprecatedTrack = update.has("encodedTrack") || update.has("identifier");
        if (update.has("track") && deprecatedTrack) {
            throw new Refusal(400, "Cannot specify both track and encodedTrack/identifier");
        }
        JsonNode track = update.has("track") ? object(update, "track") : null;
        JsonNode trackSource = track != null ? track : update;
        boolean hasEncoded = trackSource.has(track != null ? "encoded" : "encodedTrack");
        boolean hasIdentifier = trackSource.has("identifier");
        String encoded = hasEncoded ? nullableText(trackSource, track != null ? "encoded" : "encodedTrack") : null;
        String identifier = hasIdentifier ? text(trackSource, "identifier") : null;
        JsonNode userData = track != null && track.has("userData") ? object(track, "userData") : null;
        boolean newTrack = hasEncoded || hasIdentifier;
        if (hasEncoded && hasIdentifier) {
            throw new Refusal(400, "Cannot specify both encodedTrack and identifier");
        }
        ObjectNode voice = update.has("voice") ? voiceState(update.get("voice")) : null;
        if (voice != null && (voice.path("token").asText().isBlank() || voice.path("endpoint").asText().isBlank()
                || voice.path("sessionId").asText().isBlank() || !voice.path("channelId").isTextual()
                || voice.path("channelId").asText().isBlank())) {
            throw new Refusal(400, "token, endpoint, sessionId and channelId must be provided in voice state");
        }
        boolean hasEndTime = update.has("endTime");
        Long endTime = hasEndTime && !update.get("endTime").isNull() ? integer(update, "endTime") : null;
        if (endTime != null && endTime <= 0) {
            throw new Refusal(400, "End time must be greater than 0");
        }
        Long position = update.has("position") ? integer(update, "position") : null;
        Boolean paused = update.has("paused") ? bool(update, "paused") : null;
        Long volume = update.has("volume") ? integer(update, "volume") : null;
        ObjectNode filters = update.has("filters") ? object(update, "filters") : null;

        Player player = session.players.computeIfAbsent(guildId, Player::new);
        if (voice != null) {
            // The real server blocks here until Discord's voice server answers.
            player.voice = voice;
            player.connected = true;
        }
        if (paused != null && !newTrack) {
            player.paused = paused;
        }
        if (userData != null && !newTrack && player.track != null) {
            player.userData = userData;
        }
        if (volume != null) {
            // Lavaplayer clamps rather than refuses.
            player.volume = (int) Math.max(0, Math.min(1000, volume));
        }
        if (position != null && !newTrack && player.track != null) {
            player.position = Math.max(0, position);
            sendPlayerUpdate(session, player);
        }
        if (endTime != null && !newTrack && player.track != null) {
            player.endTime = endTime;
        }
        if (filters != null) {
            // The new filters replace all of the old; a filter given as null is off, and Lavalink
            // answers with only those that are on (its FilterChain.toFilters()).
            ObjectNode on = filters.deepCopy();
            on.properties().removeIf(entry -> entry.getValue().isNull());
            player.filters = on;
            sendPlayerUpdate(session, player);
        }
        if (newTrack) {
            if (noReplace && player.track != null) {
                return playerJson(player);
            }
            player.paused = paused != null && paused;
            LavalinkCatalogue.Track next;
            if (hasEncoded) {
                next = encoded == null ? null : decoded(encoded);
            } else {
                next = switch (LavalinkCatalogue.load(identifier, youTubeFailure)) {
                    case LavalinkCatalogue.Loaded.One one -> one.track();
                    case LavalinkCatalogue.Loaded.Failed failed -> throw new Refusal(400, failed.message());
                    case LavalinkCatalogue.Loaded.Nothing nothing -> throw new Refusal(400, "No matches found for identifier");
                    default -> throw new Refusal(400, "Cannot play a playlist or search result");
                };
            }
            if (next == null) {
                if (player.track != null) {
                    endTrack(session, player, "stopped");
                }
            } else {
                play(session, player, next, position == null ? 0 : Math.max(0, position), userData, endTime);
            }
        }
        return playerJson(player);
    }

    private static ObjectNode voiceState(JsonNode voice) {
        if (!voice.isObject()) {
            throw new Refusal(400, "Could not read JSON: Expected JsonObject at path: $.voice");
        }
        for (String field : List.of("token", "endpoint", "sessionId", "channelId")) {
            if (!voice.has(field)) {
                // kotlinx.serialization's MissingFieldException, as Spring reports it.
                throw new Refusal(400, "Could not read JSON: Field '" + field + "' is required for type with serial name "
                        + "'dev.arbjerg.lavalink.protocol.v4.VoiceState', but it was missing at path: $.voice");
            }
        }
        for (String field : List.of("token", "endpoint", "sessionId")) {
            if (!voice.get(field).isTextual()) {
                throw new Refusal(400, "Could not read JSON: Expected string literal at path: $.voice." + field);
            }
        }
        return (ObjectNode) voice.deepCopy();
    }

    private void play(Session session, Player player, LavalinkCatalogue.Track track, long position, JsonNode userData,
                      Long endTime) {
        if (player.track != null) {
            endTrack(session, player, "replaced");
        }
        player.track = track;
        player.position = position;
        player.userData = userData;
        player.endTime = endTime;
        ObjectNode start = event("TrackStartEvent", player);
        start.set("track", track.json(position, userData));
        send(session, start);
        sendPlayerUpdate(session, player);
        player.nextUpdate = now.plus(playerUpdateInterval);
    }

    private void endTrack(Session session, Player player, String reason) {
        ObjectNode end = event("TrackEndEvent", player);
        end.set("track", player.track.json(player.position, player.userData));
        end.put("reason", reason);
        player.track = null;
        player.userData = null;
        player.endTime = null;
        player.nextUpdate = null;
        player.position = 0;
        send(session, end);
    }

    private void destroyPlayer(Session session, long guildId) {
        Player player = session.players.remove(guildId);
        if (player != null && player.track != null) {
            // AudioPlayer.destroy() stops the track, and the end is reported like any other.
            endTrack(session, player, "stopped");
        }
    }

    private ObjectNode playerJson(Player player) {
        ObjectNode json = JSON.objectNode();
        json.put("guildId", Long.toString(player.guildId));
        if (player.track == null) {
            json.putNull("track");
        } else {
            json.set("track", player.track.json(player.position, player.userData));
        }
        json.put("volume", player.volume);
        json.put("paused", player.paused);
        json.set("state", playerState(player));
        ObjectNode voice = json.putObject("voice");
        voice.put("token", player.voice == null ? "" : player.voice.path("token").asText());
        voice.put("endpoint", player.voice == null ? "" : player.voice.path("endpoint").asText());
        voice.put("sessionId", player.voice == null ? "" : player.voice.path("sessionId").asText());
        if (player.voice == null) {
            voice.putNull("channelId");
        } else {
            voice.put("channelId", player.voice.path("channelId").asText());
        }
        json.set("filters", player.filters.deepCopy());
        return json;
    }

    private ObjectNode playerState(Player player) {
        ObjectNode state = JSON.objectNode();
        state.put("time", now.toEpochMilli());
        state.put("position", player.track == null ? 0 : player.position);
        state.put("connected", player.connected);
        state.put("ping", player.connected ? voicePing : -1);
        return state;
    }

    private Session liveSession(String sessionId) {
        Session session = sessions.get(sessionId);
        // A session waiting to be resumed is not among SocketServer.sessions: REST cannot reach it.
        if (session == null || session.connection == null) {
            throw new Refusal(404, "Session not found");
        }
        return session;
    }

    private Answer error(int status, String message, String path, boolean trace) {
        ObjectNode error = JSON.objectNode();
        error.put("timestamp", now.toEpochMilli());
        error.put("status", status);
        error.put("error", switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Internal Server Error";
        });
        if (trace) {
            error.put("trace", "org.springframework.web.server.ResponseStatusException: " + message
                    + "\n\tat dev.botty.simulator.FakeLavalink(simulated)\n");
        }
        error.put("message", message);
        error.put("path", path);
        return Answer.json(status, error);
    }

    // ---- WebSocket --------------------------------------------------------------------------

    /** HandshakeInterceptorImpl: every credential failure is 401, a missing or zero User-Id 400. */
    synchronized HandshakeDecision handshake(Map<String, String> headers) {
        String authorization = headers.get("authorization");
        String userId = headers.get("user-id");
        HandshakeDecision decision;
        if (authorization == null || !passwordMatches(authorization)) {
            decision = new HandshakeDecision(401, false, null);
        } else if (userId == null || userId.isEmpty() || isZero(userId)) {
            decision = new HandshakeDecision(400, false, null);
        } else {
            Session resumable = Optional.ofNullable(headers.get("session-id")).map(sessions::get)
                    .filter(s -> s.paused() && !s.claimed).orElse(null);
            if (resumable != null) {
                // canResume() stops the resume timer during the handshake.
                resumable.claimed = true;
                decision = new HandshakeDecision(101, true, resumable.id);
            } else {
                decision = new HandshakeDecision(101, false, null);
            }
        }
        handshakes.add(new Handshake(Map.copyOf(headers), decision.status(), decision.resumed()));
        notifyAll();
        return decision;
    }

    /** The handshake was not completed after all: a session it claimed can expire again. */
    synchronized void handshakeFailed(HandshakeDecision decision) {
        if (decision.resumeSessionId() != null) {
            Session session = sessions.get(decision.resumeSessionId());
            if (session != null) {
                session.claimed = false;
            }
        }
    }

    /** SocketServer.afterConnectionEstablished: resume the claimed session, or start a new one with ready and stats. */
    synchronized void opened(LavalinkHttpServer.Connection connection, HandshakeDecision decision, Map<String, String> headers) {
        long userId;
        try {
            userId = Long.parseLong(headers.get("user-id"));
        } catch (NumberFormatException e) {
            // The interceptor let a non-numeric User-Id through; toLong() then fails and Spring closes with 1011.
            connection.close(1011, "");
            return;
        }
        Session resumed = decision.resumeSessionId() == null ? null : sessions.get(decision.resumeSessionId());
        if (resumed != null) {
            resumed.claimed = false;
            resumed.pausedAt = null;
            resumed.connection = connection;
            connection.session = resumed;
            send(resumed, ready(true, resumed.id));
            List<ObjectNode> queued = List.copyOf(resumed.queued);
            resumed.queued.clear();
            queued.forEach(message -> send(resumed, message));
            resumed.players.values().forEach(player -> sendPlayerUpdate(resumed, player));
            notifyAll();
            return;
        }
        String id;
        do {
            id = sessionId();
        } while (sessions.containsKey(id));
        Session session = new Session(id, userId);
        session.connection = connection;
        connection.session = session;
        sessions.put(id, session);
        send(session, ready(false, id));
        sendStats(session);
        session.nextStats = now.plus(STATS_INTERVAL);
        notifyAll();
    }

    /** SocketServer.afterConnectionClosed. */
    synchronized void closed(LavalinkHttpServer.Connection connection) {
        Session session = connection.session;
        if (session != null && session.connection == connection) {
            disconnected(session);
        }
        notifyAll();
    }

    synchronized void received(LavalinkHttpServer.Connection connection, String text) {
        // "Lavalink v4 does not support websocket messages. Please use the REST api."
        received.add(text);
        notifyAll();
    }

    private void disconnected(Session session) {
        session.connection.session = null;
        session.connection = null;
        if (session.resuming) {
            session.pausedAt = now;
            session.claimed = false;
        } else {
            shutdown(session);
        }
    }

    private void shutdown(Session session) {
        sessions.remove(session.id);
        for (Long guildId : List.copyOf(session.players.keySet())) {
            destroyPlayer(session, guildId);
        }
        session.queued.clear();
    }

    private static ObjectNode ready(boolean resumed, String sessionId) {
        return JSON.objectNode().put("op", "ready").put("resumed", resumed).put("sessionId", sessionId);
    }

    private void sendStats(Session session) {
        ObjectNode stats = JSON.objectNode().put("op", "stats");
        stats.setAll(stats(session));
        send(session, stats);
    }

    private void sendPlayerUpdate(Session session, Player player) {
        // SocketServer.sendPlayerUpdate returns at once for a paused session: updates are not queued.
        if (session.connection == null) {
            return;
        }
        ObjectNode update = JSON.objectNode().put("op", "playerUpdate").put("guildId", Long.toString(player.guildId));
        update.set("state", playerState(player));
        send(session, update);
    }

    private static ObjectNode event(String type, Player player) {
        return JSON.objectNode().put("op", "event").put("type", type).put("guildId", Long.toString(player.guildId));
    }

    /** SocketContext.send: written now, queued while the session waits to be resumed, else dropped. */
    private void send(Session session, ObjectNode message) {
        if (session.connection != null) {
            sent.add(new Sent(session.id, message.deepCopy()));
            session.connection.send(message.toString());
            notifyAll();
        } else if (session.paused()) {
            session.queued.add(message);
        }
    }

    private void forPlayers(long guildId, java.util.function.BiConsumer<Session, Player> action) {
        for (Session session : List.copyOf(sessions.values())) {
            Player player = session.players.get(guildId);
            if (player != null) {
                action.accept(session, player);
            }
        }
        notifyAll();
    }

    // ---- Plumbing ---------------------------------------------------------------------------

    private boolean passwordMatches(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isZero(String userId) {
        try {
            return Long.parseLong(userId) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String sessionId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = SESSION_ID_CHARS[RANDOM.nextInt(SESSION_ID_CHARS.length)];
        }
        return new String(id);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new Refusal(400, "Required request body is missing");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new Refusal(400, "Could not read JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static ObjectNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (!value.isObject()) {
            throw new Refusal(400, "Could not read JSON: Expected JsonObject at path: $." + field);
        }
        return (ObjectNode) value.deepCopy();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (!value.isTextual()) {
            throw new Refusal(400, "Could not read JSON: Expected string literal at path: $." + field);
        }
        return value.asText();
    }

    private static String nullableText(JsonNode parent, String field) {
        return parent.get(field).isNull() ? null : text(parent, field);
    }

    private static long integer(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (!value.isIntegralNumber()) {
            throw new Refusal(400, "Could not read JSON: Unexpected JSON token at path: $." + field);
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (!value.isBoolean()) {
            throw new Refusal(400, "Could not read JSON: Unexpected JSON token at path: $." + field);
        }
        return value.asBoolean();
    }

    @Override
    public void close() {
        server.close();
    }
}
