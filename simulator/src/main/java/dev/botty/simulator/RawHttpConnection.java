package dev.botty.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 client connection over a plain socket: bytes written exactly as given (pipelined,
 * cut short, malformed), answers read one by one by their {@code Content-Length}. What the tests
 * of the endpoint's HTTP handling and {@link HostileClients} talk through.
 */
public final class RawHttpConnection implements AutoCloseable {
    /** One answer: the status line's version and code (0 when it is not HTTP), headers by lower-case name, the body. */
    public record Response(String version, int status, Map<String, String> headers, String body) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code host:port}; reads wait at most {@code timeoutMillis}. */
    public static RawHttpConnection open(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setSoTimeout(timeoutMillis);
        return new RawHttpConnection(socket);
    }

    /** Over a socket already connected (and configured) by the caller. */
    public static RawHttpConnection over(Socket socket) throws IOException {
        return new RawHttpConnection(socket);
    }

    /** Writes the parts back to back in one write, as a pipelining client does. */
    public RawHttpConnection send(byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        out.write(all.toByteArray());
        out.flush();
        return this;
    }

    public RawHttpConnection send(String ascii) throws IOException {
        return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The next answer; an {@link IOException} when the connection ends before one. */
    public Response read() throws IOException {
        Response response = next();
        if (response == null) {
            throw new IOException("the connection closed before an answer");
        }
        return response;
    }

    /** The next answer, or null when the server closed the connection cleanly instead. */
    public Response next() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("the body ended after " + body.length + " of " + length + " bytes");
        }
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = parts.length > 1 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException notHttp) {
            status = 0;
        }
        return new Response(parts[0], status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** True when the server closes (or resets) the connection, with nothing more sent, within the read timeout. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** {@link #closedByServer()}, waiting at most {@code millis}. */
    public boolean closedWithin(int millis) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return closedByServer();
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    /** One line without its CRLF; null at the end of the stream before any byte of it. */
    private String line() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (text.size() == 0) {
                    return null;
                }
                throw new IOException("the connection closed in the middle of a line: " + text.toString(StandardCharsets.ISO_8859_1));
            }
            if (c != '\r') {
                text.write(c);
            }
        }
        return text.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
