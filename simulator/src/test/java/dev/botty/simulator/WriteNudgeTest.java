package dev.botty.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A frame Java-WebSocket left queued with its connection's key interested in reading only (the
 * state its lost write leaves behind) reaches the client only once {@link WriteNudge} asks.
 */
class WriteNudgeTest {
    private final BlockingQueue<org.java_websocket.WebSocket> opened = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private Server server;
    private WebSocket client;
    private WebSocketImpl connection;

    private final class Server extends WebSocketServer {
        Server() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            setDaemon(true);
            setConnectionLostTimeout(0);
        }

        @Override
        public void onOpen(org.java_websocket.WebSocket socket, ClientHandshake handshake) {
            opened.add(socket);
        }

        @Override
        public void onClose(org.java_websocket.WebSocket socket, int code, String reason, boolean remote) {}

        @Override
        public void onMessage(org.java_websocket.WebSocket socket, String message) {}

        @Override
        public void onError(org.java_websocket.WebSocket socket, Exception e) {}

        @Override
        public void onStart() {}
    }

    @BeforeEach
    void connect() throws Exception {
        server = new Server();
        server.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.getPort() <= 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        client = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        socket.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        connection = (WebSocketImpl) opened.poll(10, TimeUnit.SECONDS);
        // Written normally: the server's write path works and has set the key back to reading.
        connection.send("hello");
        assertEquals("hello", received.poll(5, TimeUnit.SECONDS));
        // The client can read "hello" while the server's selector thread is still in its write
        // loop, which would send a frame queued now as well. The thread drops the write demand that
        // send() raised only once the loop has emptied the queue: wait for that.
        SelectionKey key = connection.getSelectionKey();
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((key.interestOps() & SelectionKey.OP_WRITE) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(0, key.interestOps() & SelectionKey.OP_WRITE, "the server's write loop finished");
    }

    @AfterEach
    void close() throws Exception {
        client.abort();
        server.stop(1000);
    }

    /** Queues a text frame the way a send does, but without the write demand the race loses. */
    private void queueWithoutWriteDemand(String text) throws InterruptedException {
        SelectionKey key = connection.getSelectionKey();
        key.interestOps(SelectionKey.OP_READ);
        for (var frame : connection.getDraft().createFrames(text, false)) {
            ByteBuffer bytes = connection.getDraft().createBinaryFrame(frame);
            connection.outQueue.put(bytes);
        }
    }

    @Test
    void aFrameLeftQueuedGoesOutOnlyWhenNudged() throws Exception {
        queueWithoutWriteDemand("lost");
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "without a write demand the frame stays queued");
        WriteNudge.nudge(server);
        assertEquals("lost", received.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void theRunningNudgeSendsWhatWasLeft() throws Exception {
        try (WriteNudge nudge = WriteNudge.start(server, Duration.ofMillis(5))) {
            queueWithoutWriteDemand("lost");
            assertEquals("lost", received.poll(5, TimeUnit.SECONDS));
        }
    }
}
