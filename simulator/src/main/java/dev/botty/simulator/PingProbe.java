package dev.botty.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Discord's side while an endpoint is under attack: a signed PING at a steady pace, each on a
 * connection of its own, timed from connect to the last byte of the answer. A PING counts as
 * answered only when it gets {@code 200} and {@code {"type":1}} within Discord's three seconds.
 */
public final class PingProbe implements AutoCloseable {
    /** Discord's deadline for the first answer to an interaction. */
    public static final Duration DISCORD_DEADLINE = Duration.ofSeconds(3);

    /** One PING: when it was sent, its status (-1 for no HTTP answer), how long it took, what went wrong. */
    public record Ping(Instant sent, int status, Duration took, String failure) {
        public boolean answered() {
            return status == 200 && failure == null && took.compareTo(DISCORD_DEADLINE) <= 0;
        }
    }

    /** The PINGs so far: how many, how many answered in time, the slowest, and the first few failures. */
    public record Summary(int sent, int answered, Duration slowest, List<Ping> failures) {
        @Override
        public String toString() {
            return "sent=" + sent + " answered=" + answered + " slowest_ms=" + slowest.toMillis()
                    + (failures.isEmpty() ? "" : " failures=" + failures.subList(0, Math.min(5, failures.size())));
        }
    }

    private final InetSocketAddress target;
    private final String path;
    private final SigningKey key;
    private final List<Ping> pings = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;

    private PingProbe(InetSocketAddress target, String path, SigningKey key, Duration every) {
        this.target = target;
        this.path = path;
        this.key = key;
        this.thread = Thread.ofPlatform().name("ping-probe").daemon().start(() -> {
            while (running) {
                long next = System.nanoTime() + every.toNanos();
                pings.add(ping());
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(Duration.ofNanos(wait));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
    }

    public static PingProbe start(InetSocketAddress target, String path, SigningKey key, Duration every) {
        return new PingProbe(target, path, key, every);
    }

    public Summary summary() {
        List<Ping> all;
        synchronized (pings) {
            all = List.copyOf(pings);
        }
        Duration slowest = Duration.ZERO;
        List<Ping> failures = new ArrayList<>();
        for (Ping ping : all) {
            slowest = ping.took().compareTo(slowest) > 0 ? ping.took() : slowest;
            if (!ping.answered()) {
                failures.add(ping);
            }
        }
        return new Summary(all.size(), all.size() - failures.size(), slowest, failures);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(DISCORD_DEADLINE.toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Ping ping() {
        Instant sent = Instant.now();
        long started = System.nanoTime();
        byte[] body = InteractionBuilder.ping().toJson().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(sent.getEpochSecond());
        String head = "POST " + path + " HTTP/1.1\r\nHost: botty\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nX-Signature-Ed25519: " + key.sign(timestamp, body) + "\r\nX-Signature-Timestamp: " + timestamp
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(target, (int) DISCORD_DEADLINE.toMillis());
            socket.setSoTimeout((int) DISCORD_DEADLINE.toMillis() + 2_000);
            RawHttpConnection.Response answer = RawHttpConnection.over(socket).send(head.getBytes(StandardCharsets.US_ASCII), body).next();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (answer == null) {
                return new Ping(sent, -1, took, "closed without an answer");
            }
            String failure = answer.status() == 200 && answer.body().equals("{\"type\":1}") ? null
                    : "answer: " + answer.status() + " " + answer.body();
            return new Ping(sent, answer.status(), took, failure);
        } catch (IOException | RuntimeException e) {
            return new Ping(sent, -1, Duration.ofNanos(System.nanoTime() - started), e.toString());
        }
    }
}
