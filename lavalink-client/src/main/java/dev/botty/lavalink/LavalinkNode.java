package dev.botty.lavalink;

import dev.botty.lavalink.protocol.v4.Info;
import dev.botty.lavalink.protocol.v4.LavalinkProtocolException;
import dev.botty.lavalink.protocol.v4.LoadResult;
import dev.botty.lavalink.protocol.v4.Message;
import dev.botty.lavalink.protocol.v4.Player;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.ReadyMessage;
import dev.botty.lavalink.protocol.v4.Session;
import dev.botty.lavalink.protocol.v4.Stats;
import dev.botty.lavalink.protocol.v4.StatsMessage;
import dev.botty.lavalink.protocol.v4.Track;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * One Lavalink server: its REST API ({@link NodeRest}) and its WebSocket ({@link NodeSocket}, one
 * per connection), reconnected by {@link Reconnect}. This class holds the node's state and decides
 * what follows each event; the listener hears of it in order, on the node's own thread.
 *
 * <p>{@link #start()} connects in the background: it reads {@code /v4/info} and refuses a server
 * older than 4.2.0 ({@link NodeState#UNSUPPORTED_VERSION}: it could not join DAVE voice), opens
 * {@code /v4/websocket} and, on {@code ready}, turns resuming on for the session. When the
 * WebSocket drops it reconnects with a capped, jittered exponential backoff, naming the old
 * session in {@code Session-Id}; Lavalink keeps that session's players playing meanwhile. If it
 * comes back with a new session instead, {@link NodeListener#onSessionLost} tells the owner to
 * re-create its players.
 *
 * <p>The JDK's WebSocket client does not show the headers of a successful handshake, so Lavalink's
 * {@code Session-Resumed} answer header cannot be read; {@code ready.resumed} says the same. A
 * connection that goes silent is found by the socket's pings and replaced.
 *
 * <p>REST calls return futures that fail with {@link LavalinkRestException} when Lavalink refuses,
 * with {@link NodeUnavailableException} when a call needs a session and there is none, and with
 * the {@link java.io.IOException} of a transport failure.
 */
public final class LavalinkNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LavalinkNode.class);

    private final NodeConfig config;
    private final NodeListener listener;
    private final HttpClient http;
    private final NodeRest rest;
    private final Reconnect reconnect;
    private final NodeSocket.Events socketEvents = new SocketEvents();
    /** One thread per node: listener calls in order, socket messages, heartbeats and reconnect timers. */
    private final ScheduledExecutorService events;
    private volatile @Nullable Thread eventThread;

    private final Object lock = new Object();
    // Guarded by lock.
    private NodeState state = NodeState.DISCONNECTED;
    private boolean started;
    private boolean closed;
    /** The connection attempt under way; what an older one reports is ignored. */
    private long generation;
    private @Nullable NodeSocket socket;
    private @Nullable String sessionId;
    /** The last session this node had: compared with the next ready to notice a lost one. */
    private @Nullable String lastSessionId;

    private volatile @Nullable Stats lastStats;
    private volatile @Nullable Info serverInfo;

    public LavalinkNode(NodeConfig config, NodeListener listener) {
        this.config = config;
        this.listener = listener;
        ThreadFactory threads = Thread.ofPlatform().name("lavalink-" + config.name()).daemon().factory();
        ScheduledThreadPoolExecutor events = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = threads.newThread(task);
            eventThread = thread;
            return thread;
        });
        // On close, what is due still runs (the last listener calls); timers do not.
        events.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        events.setRemoveOnCancelPolicy(true);
        this.events = events;
        this.reconnect = new Reconnect(config.reconnectDelay(), config.maxReconnectDelay(), events, this::attempt, RandomGenerator.getDefault());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout())
                .build();
        this.rest = new NodeRest(config, http, this::sessionNow);
    }

    /** The session the REST calls use, or why there is none. */
    private NodeRest.SessionNow sessionNow() {
        synchronized (lock) {
            return new NodeRest.SessionNow(sessionId, state);
        }
    }

    public String name() {
        return config.name();
    }

    public NodeConfig config() {
        return config;
    }

    public NodeState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The current session, while {@link NodeState#CONNECTED}. */
    public Optional<String> sessionId() {
        synchronized (lock) {
            return Optional.ofNullable(sessionId);
        }
    }

    /** The stats of the last {@code stats} message. */
    public Optional<Stats> lastStats() {
        return Optional.ofNullable(lastStats);
    }

    /** What {@code /v4/info} said at the last connect. */
    public Optional<Info> serverInfo() {
        return Optional.ofNullable(serverInfo);
    }

    /** Connects in the background; state changes and messages go to the listener. */
    public void start() {
        start(null);
    }

    /**
     * Like {@link #start()}, first trying to resume a session this client had before (its id kept
     * across a restart of the owner): the players of that session keep playing if it resumes.
     */
    public void start(@Nullable String sessionIdToResume) {
        synchronized (lock) {
            if (started || closed) {
                throw new IllegalStateException("node " + name() + " is already started");
            }
            started = true;
            lastSessionId = config.resuming() ? sessionIdToResume : null;
            reconnect.in(Duration.ZERO);
        }
    }

    // ---- REST (NodeRest) ----------------------------------------------------------------------

    public CompletableFuture<Info> info() {
        return rest.info();
    }

    /** {@code GET /v4/stats} (frame stats null: only the WebSocket reports them). */
    public CompletableFuture<Stats> stats() {
        return rest.stats();
    }

    /** {@code GET /version}: the bare version text. */
    public CompletableFuture<String> version() {
        return rest.version();
    }

    /** Resolves a link, an id or a search ({@code ytsearch:…}, {@code ytmsearch:…}, {@code scsearch:…}). */
    public CompletableFuture<LoadResult> loadTracks(String identifier) {
        return rest.loadTracks(identifier);
    }

    public CompletableFuture<Track> decodeTrack(String encoded) {
        return rest.decodeTrack(encoded);
    }

    public CompletableFuture<List<Track>> decodeTracks(List<String> encoded) {
        return rest.decodeTracks(encoded);
    }

    public CompletableFuture<List<Player>> getPlayers() {
        return rest.getPlayers();
    }

    /** Fails with a 404 {@link LavalinkRestException} ("Player not found") when the guild has no player. */
    public CompletableFuture<Player> getPlayer(long guildId) {
        return rest.getPlayer(guildId);
    }

    /** Creates or updates the guild's player. */
    public CompletableFuture<Player> updatePlayer(long guildId, PlayerUpdate update) {
        return rest.updatePlayer(guildId, update, false);
    }

    /** With {@code noReplace}, a track already playing is kept and the update's track is ignored. */
    public CompletableFuture<Player> updatePlayer(long guildId, PlayerUpdate update, boolean noReplace) {
        return rest.updatePlayer(guildId, update, noReplace);
    }

    /** Destroys the guild's player (Lavalink leaves the voice channel's connection); 204 even if there was none. */
    public CompletableFuture<Void> destroyPlayer(long guildId) {
        return rest.destroyPlayer(guildId);
    }

    /** Turns resuming on or off for the current session; {@code timeout} is rounded down to seconds. */
    public CompletableFuture<Session> updateSession(boolean resuming, Duration timeout) {
        return rest.updateSession(resuming, timeout);
    }

    // ---- The connection -----------------------------------------------------------------------

    private void attempt() {
        long attempt;
        synchronized (lock) {
            if (closed) {
                return;
            }
            attempt = ++generation;
            if (state != NodeState.UNSUPPORTED_VERSION) {
                setState(NodeState.CONNECTING);
            }
        }
        info().whenComplete((info, failure) -> {
            if (failure != null) {
                failed(attempt, "its /v4/info could not be read", failure);
                return;
            }
            serverInfo = info;
            Optional<ServerVersion> version = ServerVersion.of(info.version());
            if (version.isEmpty() || !version.get().isAtLeast(ServerVersion.MINIMUM)) {
                unsupported(attempt, info);
            } else {
                open(attempt);
            }
        });
    }

    private void open(long attempt) {
        String resume;
        synchronized (lock) {
            if (attempt != generation || closed) {
                return;
            }
            resume = config.resuming() ? lastSessionId : null;
        }
        NodeSocket.open(http, config, resume, attempt, events, socketEvents).whenComplete((opened, failure) -> {
            if (failure != null) {
                failed(attempt, NodeSocket.handshakeFailure(failure), failure);
                return;
            }
            boolean current;
            synchronized (lock) {
                current = attempt == generation && !closed;
                if (current) {
                    socket = opened;
                }
            }
            if (!current) {
                opened.abort();
            }
        });
    }

    private void unsupported(long attempt, Info info) {
        boolean first;
        synchronized (lock) {
            if (attempt != generation || closed) {
                return;
            }
            first = state != NodeState.UNSUPPORTED_VERSION;
            setState(NodeState.UNSUPPORTED_VERSION);
            reconnect.in(config.maxReconnectDelay());
        }
        if (first) {
            log.error("Lavalink node '{}' runs version {}, but botty needs {} or newer: older servers cannot join "
                            + "Discord's end-to-end-encrypted (DAVE) voice. Not connecting; checking again every {} ms.",
                    name(), info.version() == null ? "(unknown)" : info.version().semver(), ServerVersion.MINIMUM,
                    config.maxReconnectDelay().toMillis());
        }
    }

    /** A connection attempt failed before {@code ready}. */
    private void failed(long attempt, String why, Throwable failure) {
        Reconnect.Retry retry;
        synchronized (lock) {
            if (attempt != generation || closed) {
                return;
            }
            setState(NodeState.DISCONNECTED);
            retry = reconnect.afterFailure();
        }
        Throwable cause = unwrap(failure);
        // A refusal (wrong password, say) is worth an error: waiting will not fix it.
        String cannot = cause instanceof LavalinkRestException || cause instanceof WebSocketHandshakeException
                ? "refuses botty" : "is unreachable";
        if (retry.failures() == 1 || retry.failures() % 10 == 0) {
            log.warn("Lavalink node '{}' {}: {} ({}); attempt {}, retrying in {} ms", name(), cannot, why,
                    cause.getMessage() == null ? cause.toString() : cause.getMessage(), retry.failures(), retry.delay().toMillis());
        } else {
            log.debug("Lavalink node '{}' still {}: {} ({}); retrying in {} ms", name(), cannot, why, cause, retry.delay().toMillis());
        }
    }

    /** What the sockets report, for the attempt each belongs to. */
    private final class SocketEvents implements NodeSocket.Events {
        @Override
        public void text(NodeSocket from, String message) {
            received(from, message);
        }

        @Override
        public void lost(NodeSocket from, String why) {
            LavalinkNode.this.lost(from.attempt(), why);
        }
    }

    /** An open WebSocket closed, failed or went silent. */
    private void lost(long attempt, String why) {
        Reconnect.Retry retry;
        synchronized (lock) {
            if (attempt != generation || closed) {
                return;
            }
            generation++;
            socket = null;
            sessionId = null;
            setState(NodeState.DISCONNECTED);
            retry = reconnect.afterFailure();
        }
        log.warn("Lavalink node '{}' lost its WebSocket: {}; reconnecting in {} ms", name(), why, retry.delay().toMillis());
    }

    private void ready(NodeSocket from, ReadyMessage ready) {
        String lost;
        synchronized (lock) {
            if (from.attempt() != generation || closed) {
                return;
            }
            from.ready();
            lost = lastSessionId != null && !ready.resumed() ? lastSessionId : null;
            socket = from;
            sessionId = ready.sessionId();
            lastSessionId = ready.sessionId();
            reconnect.succeeded();
            setState(NodeState.CONNECTED);
            dispatch(() -> listener.onMessage(this, ready));
            if (lost != null) {
                dispatch(() -> listener.onSessionLost(this, lost));
            }
        }
        if (ready.resumed()) {
            log.info("Lavalink node '{}' resumed session {}", name(), ready.sessionId());
        } else if (lost != null) {
            log.warn("Lavalink node '{}' has a new session {}: session {} was not resumed and its players are gone",
                    name(), ready.sessionId(), lost);
        } else {
            log.info("Lavalink node '{}' connected with session {}", name(), ready.sessionId());
        }
        if (config.resuming()) {
            updateSession(true, config.resumeTimeout()).whenComplete((session, failure) -> {
                if (failure != null) {
                    log.warn("Lavalink node '{}' did not turn resuming on: {}", name(), unwrap(failure).toString());
                }
            });
        }
    }

    /** On the node's thread. */
    private void received(NodeSocket from, String text) {
        Optional<Message> decoded;
        try {
            decoded = LavalinkJson.decodeMessage(text);
        } catch (LavalinkProtocolException e) {
            log.warn("Lavalink node '{}' sent a message that is not v4: {}", name(), e.getMessage());
            return;
        }
        if (decoded.isEmpty()) {
            return;
        }
        Message message = decoded.get();
        if (message instanceof ReadyMessage ready) {
            ready(from, ready);
            return;
        }
        if (message instanceof StatsMessage stats) {
            lastStats = stats.stats();
        }
        // Passed on even when the connection closed right after sending it: it was still said.
        synchronized (lock) {
            if (!closed) {
                dispatch(() -> listener.onMessage(this, message));
            }
        }
    }

    /** Under lock, so that listener calls keep the order of the changes. */
    private void setState(NodeState next) {
        NodeState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        dispatch(() -> listener.onStateChanged(this, previous, next));
    }

    /** Under lock. */
    private void dispatch(Runnable call) {
        try {
            events.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    log.error("The listener of Lavalink node '{}' failed", name(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed: nobody is listening any more.
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Closes the WebSocket and stops reconnecting. With resuming on, Lavalink keeps the session
     * (and plays on) for the resume timeout, so a restarted owner can {@link #start(String)} it again.
     */
    @Override
    public void close() {
        NodeSocket open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            reconnect.cancel();
            open = socket;
            socket = null;
            sessionId = null;
            setState(NodeState.CLOSED);
        }
        if (open != null) {
            open.close("botty is closing");
        }
        events.shutdown();
        // Closed from a listener call, the node's own thread finishes after this returns.
        if (Thread.currentThread() != eventThread) {
            try {
                events.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        http.shutdownNow();
    }

    @Override
    public String toString() {
        return "LavalinkNode[" + name() + " " + config.uri() + " " + state() + "]";
    }
}
