package dev.botty.lavalink;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection to a node's {@code /v4/websocket}, from its handshake to its end. It
 * reassembles text messages and hands each to the node's thread, and keeps the connection honest:
 * a ping every {@link NodeConfig#pingInterval()}, and a connection that has not answered (or sent
 * anything) since the previous ping, or has not said {@code ready} within the request timeout, is
 * aborted and reported lost. It never reconnects; what follows a loss is the node's decision
 * ({@link Reconnect}).
 *
 * <p>The JDK's WebSocket client does not always notice a connection the server closed: if the
 * close arrives while a message is being handed over, the JDK (25) loses it and the socket just
 * goes quiet. The pings catch that, and connections a network dropped without a word.
 */
final class NodeSocket {
    /** What a socket tells its node, on the node's thread or the JDK's. */
    interface Events {
        /** A whole text message; on the node's thread, in the order they came. */
        void text(NodeSocket socket, String message);

        /** The connection is gone: closed by Lavalink, failed, or silent. At most once per socket, never after {@link #close()}. */
        void lost(NodeSocket socket, String why);
    }

    private final NodeConfig config;
    private final long attempt;
    private final ScheduledExecutorService thread;
    private final Events events;

    private final Object lock = new Object();
    // Guarded by lock.
    private @Nullable WebSocket webSocket;
    private @Nullable ScheduledFuture<?> heartbeat;
    private @Nullable ScheduledFuture<?> readyDeadline;
    private boolean awaitingPong;
    private boolean over;

    private NodeSocket(NodeConfig config, long attempt, ScheduledExecutorService thread, Events events) {
        this.config = config;
        this.attempt = attempt;
        this.thread = thread;
        this.events = events;
    }

    /**
     * Opens a connection, naming {@code resumeSessionId} in {@code Session-Id} when there is one.
     * Fails with the handshake's exception ({@link #handshakeFailure} says it for people).
     */
    static CompletableFuture<NodeSocket> open(HttpClient http, NodeConfig config, @Nullable String resumeSessionId, long attempt,
                                             ScheduledExecutorService thread, Events events) {
        NodeSocket socket = new NodeSocket(config, attempt, thread, events);
        WebSocket.Builder builder = http.newWebSocketBuilder()
                .connectTimeout(config.requestTimeout())
                .header("Authorization", config.password())
                .header("User-Id", Long.toUnsignedString(config.userId()))
                .header("Client-Name", config.clientName());
        if (resumeSessionId != null) {
            builder.header("Session-Id", resumeSessionId);
        }
        return builder.buildAsync(config.websocketUri(), socket.new Listener()).thenApply(webSocket -> socket);
    }

    /** The node's connection attempt this socket belongs to. */
    long attempt() {
        return attempt;
    }

    /** Lavalink said {@code ready}: the connection is in use, no deadline for it any more. */
    void ready() {
        synchronized (lock) {
            if (readyDeadline != null) {
                readyDeadline.cancel(false);
                readyDeadline = null;
            }
        }
    }

    /** Drops the connection at once, without a close handshake and without reporting it lost. */
    void abort() {
        WebSocket open = end();
        if (open != null) {
            open.abort();
        }
    }

    /** Closes the connection normally (waiting a second at most for the close to be sent), without reporting it lost. */
    void close(String reason) {
        WebSocket open = end();
        if (open == null) {
            return;
        }
        try {
            open.sendClose(WebSocket.NORMAL_CLOSURE, reason).get(1, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Gone already; abort below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.abort();
    }

    /** Marks the socket over and stops its timers; the connection it had, if it was still open. */
    private @Nullable WebSocket end() {
        synchronized (lock) {
            if (over) {
                return null;
            }
            over = true;
            cancelTimers();
            return webSocket;
        }
    }

    /** Under lock. */
    private void cancelTimers() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        if (readyDeadline != null) {
            readyDeadline.cancel(false);
            readyDeadline = null;
        }
    }

    /** The connection failed: aborted, and reported once. */
    private void lost(String why) {
        WebSocket open = end();
        if (open == null) {
            return;
        }
        open.abort();
        events.lost(this, why);
    }

    private void beat() {
        WebSocket open;
        boolean silent;
        synchronized (lock) {
            if (over || webSocket == null) {
                return;
            }
            open = webSocket;
            silent = awaitingPong;
            awaitingPong = true;
        }
        if (silent) {
            lost("it answered no ping for " + config.pingInterval().toMillis() + " ms");
            return;
        }
        open.sendPing(ByteBuffer.allocate(0)).whenComplete((sent, failure) -> {
            if (failure != null) {
                lost("a ping could not be sent (" + LavalinkNode.unwrap(failure) + ")");
            }
        });
    }

    /** Anything heard on the connection shows it alive. */
    private void heard() {
        synchronized (lock) {
            awaitingPong = false;
        }
    }

    /** Why a handshake failed, for people. */
    static String handshakeFailure(Throwable failure) {
        if (LavalinkNode.unwrap(failure) instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            return switch (status) {
                case 401 -> "it refused the password (401)";
                case 400 -> "it refused the handshake (400: a User-Id is required)";
                default -> "it answered the WebSocket handshake with " + status;
            };
        }
        return "its WebSocket could not be opened";
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket opened) {
            long every = config.pingInterval().toMillis();
            synchronized (lock) {
                if (over) {
                    opened.abort();
                    return;
                }
                webSocket = opened;
                try {
                    heartbeat = thread.scheduleAtFixedRate(NodeSocket.this::beat, every, every, TimeUnit.MILLISECONDS);
                    readyDeadline = thread.schedule(() -> lost("no ready within " + config.requestTimeout().toMillis() + " ms"),
                            config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // The node closed meanwhile.
                }
            }
            opened.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket from, CharSequence data, boolean last) {
            heard();
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                // Handled on the node's thread: the JDK's own thread is back at once (see the class comment).
                try {
                    thread.execute(() -> events.text(NodeSocket.this, message));
                } catch (RejectedExecutionException e) {
                    // The node closed meanwhile.
                }
            }
            from.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket from, ByteBuffer data, boolean last) {
            heard();
            from.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket from, ByteBuffer message) {
            heard();
            from.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket from, int statusCode, String reason) {
            lost("Lavalink closed it (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket from, Throwable error) {
            lost("the connection failed (" + error + ")");
        }
    }
}
