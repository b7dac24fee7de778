package dev.botty.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * LRCLIB's public lyrics API ({@code GET /api/search}) on loopback, answering as lrclib.net does:
 * a JSON array of records with {@code plainLyrics} and, when timed, {@code syncedLyrics} (LRC
 * lines, {@code [mm:ss.xx] text}). Its songs are the catalogue's, with lyrics written for the
 * simulator: {@code Loopback Rock} (timed), {@code Rock the Loopback} (plain, long enough for
 * pages) and {@code Lofi beats to test bots to} (an instrumental). {@link #failNext} makes it
 * answer 500.
 */
public final class FakeLyrics implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One song as LRCLIB keeps it. */
    record Song(int id, String track, String artist, double duration, boolean instrumental, String plain, String synced) {}

    static final List<Song> SONGS = List.of(
            new Song(1, "Loopback Rock", "The Localhosts", 240, false,
                    "Packets on the wire tonight\nNever leave the host, alright\nOne two seven, zero, one\nLoopback rock till the tests are done",
                    "[00:12.00] Packets on the wire tonight\n[00:18.50] Never leave the host, alright\n[00:25.00] One two seven, zero, one\n[00:31.20] Loopback rock till the tests are done"),
            new Song(2, "Rock the Loopback", "botty-simulator", 120, false,
                    IntStream.rangeClosed(1, 120).mapToObj(n -> "Verse line number " + n + " of a song that goes on and on about sockets and ports")
                            .collect(Collectors.joining("\n")), null),
            new Song(3, "Lofi beats to test bots to", "botty simulator", 180, true, null, null));

    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile int failures;

    private FakeLyrics(HttpServer server) {
        this.server = server;
    }

    public static FakeLyrics start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        FakeLyrics lyrics = new FakeLyrics(server);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/search", lyrics::search);
        server.start();
        return lyrics;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The query strings of the searches so far. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** The next {@code count} searches are answered 500. */
    public void failNext(int count) {
        failures = count;
    }

    private void search(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        queries.add(raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8));
        if (failures > 0) {
            failures--;
            FakeDiscord.send(exchange, 500, MAPPER.createObjectNode().put("code", 500).put("name", "InternalServerError").put("message", "simulated"));
            return;
        }
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
                }
            }
        }
        if (!query.containsKey("q") && !query.containsKey("track_name")) {
            FakeDiscord.send(exchange, 400, MAPPER.createObjectNode().put("code", 400).put("name", "QueryParamsError")
                    .put("message", "At least one of q or track_name must be present"));
            return;
        }
        ArrayNode found = MAPPER.createArrayNode();
        for (Song song : SONGS) {
            String track = song.track().toLowerCase(Locale.ROOT);
            String artist = song.artist().toLowerCase(Locale.ROOT);
            boolean matches = query.containsKey("q")
                    ? List.of(query.get("q").split("\\s+")).stream().allMatch(word -> (track + " " + artist).contains(word))
                    : track.contains(query.get("track_name")) && (!query.containsKey("artist_name") || artist.contains(query.get("artist_name")));
            if (matches) {
                ObjectNode record = found.addObject();
                record.put("id", song.id()).put("name", song.track()).put("trackName", song.track()).put("artistName", song.artist())
                        .put("albumName", "Simulated Sessions").put("duration", song.duration()).put("instrumental", song.instrumental())
                        .put("plainLyrics", song.plain()).put("syncedLyrics", song.synced());
            }
        }
        FakeDiscord.send(exchange, 200, found);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
