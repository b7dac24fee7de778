package dev.botty.interactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections for as long as this is open.
 *
 * <p>A socket is bound to the port but never listens, so a connection to it is refused at once,
 * and no other socket (a test's own management port, say) can be given the port meanwhile.
 * Opening a {@code ServerSocket(0)} and closing it again only names a port that was free a moment
 * ago: the next server to ask for any port may be handed the same one. For the same reason a test
 * that starts a server of its own on a chosen port later can hold the port here until then: a
 * socket that never listened leaves nothing behind when closed, so the port can be bound at once.
 */
public final class ClosedPort implements AutoCloseable {
    private final Socket socket = new Socket();

    public ClosedPort() {
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
