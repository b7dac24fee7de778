package dev.botty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A bare gateway client on the JDK's WebSocket, to see the stand-in's frames without JDA in between. */
final class GatewayTestClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private GatewayTestClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                frames.add(MAPPER.readTree(partial.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeCode.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closeCode.complete(1006);
                    }
                })
                .join();
    }

    /** Connects the way JDA does: v10, JSON, no compression. */
    static GatewayTestClient connect(FakeGateway gateway) {
        return new GatewayTestClient(URI.create(gateway.url() + "?encoding=json&v=10"));
    }

    static GatewayTestClient connect(URI uri) {
        return new GatewayTestClient(uri);
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    void identify(String token, int intents) {
        send("{\"op\":2,\"d\":{\"token\":\"" + token + "\",\"intents\":" + intents
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}}}");
    }

    void resume(String token, String sessionId, int seq) {
        send("{\"op\":6,\"d\":{\"token\":\"" + token + "\",\"session_id\":\"" + sessionId + "\",\"seq\":" + seq + "}}");
    }

    /** The next frame, whatever it is. */
    JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + TIMEOUT);
        }
        return frame;
    }

    /** Skips frames until one matches. */
    JsonNode next(Predicate<JsonNode> match) throws InterruptedException {
        while (true) {
            JsonNode frame = next();
            if (match.test(frame)) {
                return frame;
            }
        }
    }

    JsonNode nextDispatch(String type) throws InterruptedException {
        return next(f -> f.path("op").asInt() == 0 && type.equals(f.path("t").asText()));
    }

    int awaitClose() throws Exception {
        return closeCode.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
