package dev.botty.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.function.Supplier;

/**
 * Ports for the servers and processes a test starts, chosen before they start. A port found free
 * by opening and closing a socket may be handed out again to the next one who asks, so ports
 * needed together are taken together, and a server that finds its port taken anyway starts again
 * on others ({@link #retryWhileTaken}).
 */
public final class LoopbackPorts {
    private LoopbackPorts() {}

    /** One port that was free a moment ago. */
    public static int free() {
        return free(1)[0];
    }

    /**
     * {@code count} ports that were free a moment ago, all different: each socket stays open until
     * the last is bound, since a port closed again may be the next one handed out.
     */
    public static int[] free(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // Closing a listening socket that never accepted anything does not fail.
                    }
                }
            }
        }
    }

    /** Whether a server failed to start because its port was taken (in NIO's or Netty's native words). */
    public static boolean portTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@code start} returns, run again while it fails because a port was taken, three times
     * at most. {@code start} picks its ports with {@link #free} on every run and releases what it
     * started before it fails.
     */
    public static <T> T retryWhileTaken(Supplier<T> start) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.get();
            } catch (RuntimeException e) {
                if (attempt == 3 || !portTaken(e)) {
                    throw e;
                }
            }
        }
    }
}
