package dev.botty.interactions.voice;

import com.sun.net.httpserver.HttpServer;
import dev.botty.internal.MusicRequest;
import dev.botty.internal.RequestSignature;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A voice node's internal API on loopback, as the interactions-api sees it: checks the HMAC
 * signature (401 otherwise) of {@code POST /v1/commands} and {@code /v1/suggestions} and answers
 * with a scripted body (the contract's {@code MusicReply} or {@code MusicSuggestions}) after a delay, and
 * {@code GET /v1/status} (signed over the timestamp and an empty body) with a scripted status.
 */
public final class FakeVoiceNode implements AutoCloseable {
    record Received(String path, String timestamp, String signature, byte[] body, boolean signatureValid) {
        /** The body read as the contract's request, as the node reads it. */
        MusicRequest request() throws IOException {
            return io.micronaut.serde.ObjectMapper.getDefault().readValue(body, MusicRequest.class);
        }
    }

    private final HttpServer server;
    private final RequestSignature signature;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"content\":\"queued\",\"outcome\":\"OK\"}";
    private volatile Duration delay = Duration.ZERO;
    private volatile int statusCode = 200;
    private volatile String statusJson = "{}";
    private volatile Duration statusDelay = Duration.ZERO;
    private final List<Received> statusRequests = new CopyOnWriteArrayList<>();

    public FakeVoiceNode(String secret) throws IOException {
        signature = new RequestSignature(secret);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        com.sun.net.httpserver.HttpHandler music = exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst(RequestSignature.TIMESTAMP_HEADER);
            String given = exchange.getRequestHeaders().getFirst(RequestSignature.SIGNATURE_HEADER);
            boolean valid = signature.verifies(timestamp, body, given)
                    && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 60;
            received.add(new Received(exchange.getRequestURI().getPath(), timestamp, given, body, valid));
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = (valid ? answer : "{\"error\":\"bad signature\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(valid ? status : 401, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
        server.createContext(VoiceNodeClient.COMMANDS, music);
        server.createContext(VoiceNodeClient.SUGGESTIONS, music);
        server.createContext(VoiceNodeStatuses.PATH, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst(RequestSignature.TIMESTAMP_HEADER);
            String given = exchange.getRequestHeaders().getFirst(RequestSignature.SIGNATURE_HEADER);
            boolean valid = "GET".equals(exchange.getRequestMethod()) && body.length == 0
                    && signature.verifies(timestamp, body, given)
                    && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 60;
            statusRequests.add(new Received(VoiceNodeStatuses.PATH, timestamp, given, body, valid));
            try {
                Thread.sleep(statusDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = (valid ? statusJson : "{\"error\":\"bad signature\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(valid ? statusCode : 401, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException clientGaveUp) {
                // the caller's timeout ran out first
            }
        });
        server.start();
    }

    /** Answers {@code GET /v1/status} with this status code and body. */
    public FakeVoiceNode reporting(int status, String json) {
        this.statusCode = status;
        this.statusJson = json;
        return this;
    }

    /** Waits this long before answering {@code GET /v1/status}. */
    public FakeVoiceNode reportingAfter(Duration delay) {
        this.statusDelay = delay;
        return this;
    }

    List<Received> statusRequests() {
        return List.copyOf(statusRequests);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeVoiceNode answering(int status, String json) {
        this.status = status;
        this.answer = json;
        return this;
    }

    FakeVoiceNode after(Duration delay) {
        this.delay = delay;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
