package dev.botty.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void givesDifferentPortsThatCanBeBoundAtOnce() throws Exception {
        int[] ports = LoopbackPorts.free(6);
        assertEquals(6, Arrays.stream(ports).distinct().count(), Arrays.toString(ports));
        ServerSocket[] servers = new ServerSocket[ports.length];
        try {
            for (int i = 0; i < ports.length; i++) {
                servers[i] = new ServerSocket();
                servers[i].bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports[i]));
                assertEquals(ports[i], servers[i].getLocalPort());
            }
        } finally {
            for (ServerSocket server : servers) {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    @Test
    void recognisesABindOnATakenPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocketChannel channel = ServerSocketChannel.open()) {
            // What Netty's NIO transport, the voice node's, does when it binds; the native epoll
            // transport's words are checked where it runs (interactions-api's TestAppTest).
            IOException failure = assertThrows(IOException.class,
                    () -> channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort())));
            assertTrue(LoopbackPorts.portTaken(new IllegalStateException("server did not start", failure)), failure::toString);
        }
        assertFalse(LoopbackPorts.portTaken(new IllegalStateException("gateway not ready")));
        assertFalse(LoopbackPorts.portTaken(new IllegalStateException("no port involved", new RuntimeException("nor here"))));
    }

    private static RuntimeException taken() {
        return new IllegalStateException("server did not start", new BindException("Address already in use"));
    }

    @Test
    void startsAgainWhileThePortWasTakenThreeTimesAtMost() {
        AtomicInteger runs = new AtomicInteger();
        assertEquals("listening", LoopbackPorts.retryWhileTaken(() -> {
            if (runs.incrementAndGet() < 3) {
                throw taken();
            }
            return "listening";
        }));
        assertEquals(3, runs.get());

        runs.set(0);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> LoopbackPorts.retryWhileTaken(() -> {
            runs.incrementAndGet();
            throw taken();
        }));
        assertTrue(LoopbackPorts.portTaken(failure));
        assertEquals(3, runs.get(), "gives up after the third run");
    }

    @Test
    void doesNotStartAgainForOtherFailures() {
        AtomicInteger runs = new AtomicInteger();
        UncheckedIOException failure = new UncheckedIOException(new IOException("disk full"));
        assertEquals(failure, assertThrows(UncheckedIOException.class, () -> LoopbackPorts.retryWhileTaken(() -> {
            runs.incrementAndGet();
            throw failure;
        })));
        assertEquals(1, runs.get());
    }
}
