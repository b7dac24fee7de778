package dev.botty.service.guard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One client connection over a plain socket: bytes written as given, answers read one by one. */
final class RawConnection implements AutoCloseable {
    /** An answer: its status and body. */
    record Answer(int status, String body) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    RawConnection send(String ascii) throws IOException {
        return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The head of a POST announcing {@code length} body bytes. */
    static String post(String path, int length) {
        return "POST " + path + " HTTP/1.1\r\nHost: test\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length + "\r\n\r\n";
    }

    Answer read() throws IOException {
        String statusLine = line();
        int length = 0;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    /** True when the server closes (or resets) the connection within the socket timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** True when the server has closed the connection and nothing is left to read, without waiting. */
    boolean isClosedNow() throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(200);
        try {
            return closedByServer();
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed before a whole answer: " + text);
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
