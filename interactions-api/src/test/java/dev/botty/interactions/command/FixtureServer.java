package dev.botty.interactions.command;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on loopback standing in for an outside service (IP look-up, JokeAPI,
 * Open-Meteo): each path answers from a fixture file under {@code fixtures/}, as told, possibly
 * after a delay; every request is recorded so tests can check what was asked and how often.
 */
public final class FixtureServer implements AutoCloseable {
    /** One request as received; {@code params} are the decoded query parameters (value-less ones map to ""). */
    public record Request(String method, String path, Map<String, String> params) {}

    /** What a path answers. */
    public record Answer(int status, String contentType, byte[] body, Duration delay) {
        /** A fixture file under {@code src/test/resources/fixtures/}, e.g. {@code "jokeapi/single.json"}. */
        public static Answer json(String fixture) {
            return new Answer(200, "application/json", fixture(fixture), Duration.ZERO);
        }

        public static Answer text(String body) {
            return new Answer(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        /** A plain-text fixture file under {@code fixtures/}. */
        public static Answer textFixture(String fixture) {
            return new Answer(200, "text/plain; charset=utf-8", fixture(fixture), Duration.ZERO);
        }

        public Answer withStatus(int code) {
            return new Answer(code, contentType, body, delay);
        }

        public Answer after(Duration wait) {
            return new Answer(status, contentType, body, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    private FixtureServer(HttpServer server) {
        this.server = server;
    }

    public static FixtureServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            FixtureServer stand = new FixtureServer(server);
            server.createContext("/", stand::handle);
            server.setExecutor(stand.executor);
            server.start();
            return stand;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, {@code path} answers this. */
    public FixtureServer answer(String path, Answer answer) {
        return answer(path, request -> answer);
    }

    /** From now on, {@code path} answers what {@code answer} makes of each request. */
    public FixtureServer answer(String path, Function<Request, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public synchronized void forgetRequests() {
        requests.clear();
    }

    public static byte[] fixture(String name) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    params(exchange.getRequestURI().getRawQuery()));
            synchronized (this) {
                requests.add(request);
            }
            Function<Request, Answer> route = routes.get(request.path());
            Answer answer = route == null
                    ? new Answer(404, "application/json", "{\"error\":true,\"reason\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8), Duration.ZERO)
                    : route.apply(request);
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (IOException clientWentAway) {
            // The client gave up (a timeout under test): nothing to answer.
        }
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
