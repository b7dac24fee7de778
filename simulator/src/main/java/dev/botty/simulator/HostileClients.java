package dev.botty.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unauthenticated clients that try to stop an HTTP endpoint: each {@link Kind} keeps its number of
 * connections open at once, and opens a new one whenever the server closes one, until
 * {@link #close()}. What the server answered and how each connection ended is counted per kind.
 * Used by the interactions-api's adversarial test and by {@code benchmarks/hostile.sh} against both
 * botty and the Node reference. One virtual thread per connection.
 */
public final class HostileClients implements AutoCloseable {
    /** The attacks, each a way to make a server hold memory, threads or connections for nothing. */
    public enum Kind {
        /** A head announcing a 262,000-byte body (with signature headers that look right), one byte of it, then silence. */
        ANNOUNCED_BODY,
        /** 200 KB of a 250 KB body, then silence. */
        UNFINISHED_BODY,
        /** A body of 250 KB, a byte every 50 ms: every byte arrives in a read of its own. */
        TRICKLED_BODY,
        /** A head, a byte every 200 ms (slowloris). */
        UNFINISHED_HEAD,
        /** A head with a 64 KB header line. */
        OVERSIZED_HEAD,
        /** A connection that sends nothing. */
        IDLE,
        /** Whole requests with made-up signatures, back to back on one connection. */
        BAD_SIGNATURES,
        /** 16 KB of random bytes. */
        RANDOM_BYTES,
        /** HTTP/2's prior-knowledge preface and a SETTINGS frame, then silence. */
        HTTP2_PREFACE,
        /** A well-formed request and garbage behind it, in one write. */
        PIPELINED_JUNK;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How a connection of one kind fared: answers by status, and how connections ended. */
    public record Tally(long opened, long refusedAtConnect, long closedByServer, Map<Integer, Long> answers) {
        @Override
        public String toString() {
            return "opened=" + opened + " refused_at_connect=" + refusedAtConnect + " closed_by_server=" + closedByServer + " answers=" + answers;
        }
    }

    private static final byte[] HTTP2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTTP2_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};

    private final InetSocketAddress target;
    private final String path;
    private final List<Thread> threads = new ArrayList<>();
    /** The connections open now, to close them at the end (a copy-on-write list would copy itself on every reconnect). */
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<Kind, Counts> counts = new EnumMap<>(Kind.class);
    private volatile boolean running = true;

    private HostileClients(InetSocketAddress target, String path) {
        this.target = target;
        this.path = path;
    }

    /** Starts {@code mix.get(kind)} connections of each kind against {@code target}'s {@code path}. */
    public static HostileClients start(InetSocketAddress target, String path, Map<Kind, Integer> mix) {
        HostileClients clients = new HostileClients(target, path);
        mix.forEach((kind, connections) -> {
            Counts counts = new Counts();
            clients.counts.put(kind, counts);
            for (int i = 0; i < connections; i++) {
                clients.threads.add(Thread.ofVirtual().name("hostile-" + kind.label() + "-" + i).start(() -> clients.loop(kind, counts)));
            }
        });
        return clients;
    }

    /**
     * The mix the adversarial test and the bench use: every kind, about 350 connections open at
     * once, under the service's default limit of 384 (the limit itself is tested on its own).
     */
    public static Map<Kind, Integer> standardMix() {
        Map<Kind, Integer> mix = new EnumMap<>(Kind.class);
        mix.put(Kind.ANNOUNCED_BODY, 75);
        mix.put(Kind.UNFINISHED_BODY, 75);
        mix.put(Kind.TRICKLED_BODY, 20);
        mix.put(Kind.UNFINISHED_HEAD, 75);
        mix.put(Kind.OVERSIZED_HEAD, 4);
        mix.put(Kind.IDLE, 75);
        mix.put(Kind.BAD_SIGNATURES, 4);
        mix.put(Kind.RANDOM_BYTES, 4);
        mix.put(Kind.HTTP2_PREFACE, 10);
        mix.put(Kind.PIPELINED_JUNK, 4);
        return mix;
    }

    public Map<Kind, Tally> tallies() {
        Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
        counts.forEach((kind, c) -> tallies.put(kind, new Tally(c.opened.get(), c.refused.get(), c.closed.get(), new TreeMap<>(c.answers))));
        return tallies;
    }

    @Override
    public void close() {
        running = false;
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void loop(Kind kind, Counts counts) {
        // Spread the first connections over a second, as an attacker's arrive.
        pause(ThreadLocalRandom.current().nextInt(1_000));
        while (running) {
            Socket socket = new Socket();
            sockets.add(socket);
            try (socket) {
                try {
                    socket.connect(target, 2_000);
                } catch (IOException refused) {
                    counts.refused.incrementAndGet();
                    pause(100);
                    continue;
                }
                counts.opened.incrementAndGet();
                socket.setSoTimeout(60_000);
                attack(kind, socket, counts);
            } catch (IOException ended) {
                // the server closed or reset the connection
                counts.closed.incrementAndGet();
            } finally {
                sockets.remove(socket);
            }
            pause(20);
        }
    }

    private void attack(Kind kind, Socket socket, Counts counts) throws IOException {
        OutputStream out = socket.getOutputStream();
        RawHttpConnection http = RawHttpConnection.over(socket);
        Random random = ThreadLocalRandom.current();
        switch (kind) {
            case ANNOUNCED_BODY -> {
                out.write(head(262_000, forgedSignature(random)));
                out.write('{');
                out.flush();
            }
            case UNFINISHED_BODY -> {
                out.write(head(250_000, forgedSignature(random)));
                out.write(new byte[200_000]);
                out.flush();
            }
            case TRICKLED_BODY -> {
                out.write(head(250_000, forgedSignature(random)));
                out.flush();
                for (int i = 0; i < 250_000 && running; i++) {
                    out.write('x');
                    out.flush();
                    pause(50);
                }
            }
            case UNFINISHED_HEAD -> {
                byte[] head = head(100, "X-Padding: " + "a".repeat(4_000) + "\r\n");
                for (int i = 0; i < head.length - 2 && running; i++) {
                    out.write(head[i]);
                    out.flush();
                    pause(200);
                }
            }
            case OVERSIZED_HEAD -> {
                out.write(head(2, "X-Padding: " + "a".repeat(64 * 1024) + "\r\n"));
                out.write("{}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            case IDLE -> {
                // nothing: the connection alone is the cost
            }
            case BAD_SIGNATURES -> {
                byte[] body = "{\"type\":1}".getBytes(StandardCharsets.US_ASCII);
                while (running) {
                    out.write(head(body.length, forgedSignature(random)));
                    out.write(body);
                    out.flush();
                    RawHttpConnection.Response answer = http.next();
                    counts.answered(answer == null ? -1 : answer.status());
                    pause(1);
                }
                return;
            }
            case RANDOM_BYTES -> {
                byte[] junk = new byte[16 * 1024];
                random.nextBytes(junk);
                out.write(junk);
                out.flush();
            }
            case HTTP2_PREFACE -> {
                out.write(HTTP2_PREFACE);
                out.write(HTTP2_SETTINGS);
                out.flush();
            }
            case PIPELINED_JUNK -> {
                byte[] body = "{\"type\":1}".getBytes(StandardCharsets.US_ASCII);
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                request.writeBytes(head(body.length, "X-Signature-Ed25519: " + hex(random, 64) + "\r\nX-Signature-Timestamp: 1\r\n"));
                request.writeBytes(body);
                byte[] junk = new byte[4_096];
                random.nextBytes(junk);
                request.writeBytes(junk);
                out.write(request.toByteArray());
                out.flush();
            }
        }
        // Whatever the server answers, until it closes the connection.
        while (running) {
            RawHttpConnection.Response answer = http.next();
            if (answer == null) {
                counts.closed.incrementAndGet();
                return;
            }
            counts.answered(answer.status());
        }
    }

    /**
     * Signature headers that look right: an endpoint that refuses a request without them before
     * its body arrives (Node's discord-interactions middleware does) must read these bodies too.
     */
    private static String forgedSignature(Random random) {
        return "X-Signature-Ed25519: " + hex(random, 64) + "\r\nX-Signature-Timestamp: " + System.currentTimeMillis() / 1000 + "\r\n";
    }

    private byte[] head(int contentLength, String extraHeaders) {
        return ("POST " + path + " HTTP/1.1\r\nHost: botty\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n"
                + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(Random random, int bytes) {
        StringBuilder hex = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            hex.append(String.format("%02x", random.nextInt(256)));
        }
        return hex.toString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Counts {
        final AtomicLong opened = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong closed = new AtomicLong();
        final Map<Integer, Long> answers = new ConcurrentHashMap<>();

        void answered(int status) {
            if (status >= 0) {
                answers.merge(status, 1L, Long::sum);
            }
        }
    }
}
