package dev.botty.simulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.server.WebSocketServer;

/**
 * Re-arms the write of every connection of a Java-WebSocket server that still holds frames to
 * send. Java-WebSocket 1.6.0 can lose a write: its selector thread, having emptied a connection's
 * queue, sets the key's interest back to reading alone, and a frame queued from another thread in
 * between (the gateway answers on the server's worker thread) stays in the queue until something
 * else is sent on that connection. A gateway whose next frame is a heartbeat 41 s away then looks
 * as if Discord never answered: VoiceGatewayTest waited 10 s for a VOICE_SERVER_UPDATE that was
 * sitting in the queue. Every few milliseconds this asks the server to write again wherever data
 * waits, which is what the lost wake-up would have done.
 */
final class WriteNudge implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private WriteNudge(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static WriteNudge start(WebSocketServer server, Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gateway-write-nudge");
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        timer.scheduleWithFixedDelay(() -> nudge(server), millis, millis, TimeUnit.MILLISECONDS);
        return new WriteNudge(timer);
    }

    /** Asks for a write on every open connection that has frames queued. */
    static void nudge(WebSocketServer server) {
        for (WebSocket connection : server.getConnections()) {
            if (connection.isOpen() && connection.hasBufferedData()) {
                server.onWriteDemand(connection);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
