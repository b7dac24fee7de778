package dev.botty.lavalink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import dev.botty.simulator.FakeLavalink;
import dev.botty.simulator.LavalinkCatalogue;
import dev.botty.simulator.PayloadShape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lavalink stand-in sends what the docs show: each of its payloads has every field of the
 * matching example, with the same JSON type (values differ; null matches any type).
 */
class FakeLavalinkShapeTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    FakeLavalink lavalink;
    LavalinkNode node;
    Recorder recorder = new Recorder();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void connect() throws Exception {
        lavalink = FakeLavalink.start();
        node = new LavalinkNode(LavalinkNodeRestTest.config(lavalink, "main"), recorder);
        node.start();
        recorder.awaitState("main", NodeState.CONNECTED);
    }

    @AfterEach
    void close() {
        node.close();
        lavalink.close();
        http.close();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(lavalink.uri() + path))
                .header("Authorization", lavalink.password()).build(), HttpResponse.BodyHandlers.ofString());
        return MAPPER.readTree(response.body());
    }

    private static void assertShaped(String fixture, JsonNode actual) {
        List<String> differences = PayloadShape.differences(Fixtures.json(fixture), actual);
        assertTrue(differences.isEmpty(), fixture + ": " + differences + " in " + actual);
    }

    private String session() {
        return node.sessionId().orElseThrow();
    }

    @Test
    void restAnswersHaveTheDocumentedShapes() throws Exception {
        // The docs list version.build; the server's protocol Version has no such field and never
        // sends it, and the stand-in follows the server.
        ObjectNode info = (ObjectNode) Fixtures.json("info.json");
        ((ObjectNode) info.get("version")).remove("build");
        assertTrue(PayloadShape.differences(info, get("/v4/info")).isEmpty());
        assertShaped("stats.json", get("/v4/stats"));
        assertShaped("loadtracks-track.json", get("/v4/loadtracks?identifier=" + LavalinkCatalogue.RICK_ASTLEY));
        assertShaped("loadtracks-playlist.json", get("/v4/loadtracks?identifier=" + java.net.URLEncoder.encode(
                LavalinkCatalogue.PLAYLIST_URL, java.nio.charset.StandardCharsets.UTF_8)));
        assertShaped("loadtracks-search.json", get("/v4/loadtracks?identifier=ytsearch%3Alofi"));
        assertShaped("loadtracks-empty-null.json", get("/v4/loadtracks?identifier=ytsearch%3Anothing%20at%20all"));
        assertShaped("loadtracks-error.json", get("/v4/loadtracks?identifier=" + java.net.URLEncoder.encode(
                LavalinkCatalogue.UNAVAILABLE_URL, java.nio.charset.StandardCharsets.UTF_8)));
        assertShaped("track.json", get("/v4/decodetrack?encodedTrack=" + java.net.URLEncoder.encode(
                LavalinkCatalogue.track(LavalinkCatalogue.RICK_ASTLEY).encoded(), java.nio.charset.StandardCharsets.UTF_8)));
        assertShaped("error.json", get("/v4/sessions/" + session() + "/players/817327181659111454?trace=true"));

        node.updatePlayer(LavalinkNodeRestTest.GUILD, PlayerUpdate.builder().voice(LavalinkNodeRestTest.VOICE)
                .identifier(LavalinkCatalogue.RICK_ASTLEY).filters(Fixtures.json("filters.json")).build()).get();
        assertShaped("player.json", get("/v4/sessions/" + session() + "/players/" + LavalinkNodeRestTest.GUILD));
        assertShaped("players.json", get("/v4/sessions/" + session() + "/players"));
    }

    @Test
    void webSocketMessagesHaveTheDocumentedShapes() throws Exception {
        node.updatePlayer(LavalinkNodeRestTest.GUILD, PlayerUpdate.builder().voice(LavalinkNodeRestTest.VOICE)
                .identifier(LavalinkCatalogue.ROCK).build()).get();
        lavalink.advance(Duration.ofMinutes(1));
        lavalink.trackStuck(LavalinkNodeRestTest.GUILD, 10_000);
        lavalink.voiceSocketClosed(LavalinkNodeRestTest.GUILD, 4006, "Session is no longer valid.", true);
        lavalink.trackException(LavalinkNodeRestTest.GUILD, "Something broke", "fault");
        recorder.await(TrackEndEvent.class);

        List<FakeLavalink.Sent> sent = lavalink.sent();
        assertShaped("ws-ready.json", first(sent, "ready", null));
        assertShaped("ws-stats.json", first(sent, "stats", null));
        assertShaped("ws-player-update.json", first(sent, "playerUpdate", null));
        assertShaped("ws-track-start.json", first(sent, "event", "TrackStartEvent"));
        assertShaped("ws-track-stuck.json", first(sent, "event", "TrackStuckEvent"));
        assertShaped("ws-websocket-closed.json", first(sent, "event", "WebSocketClosedEvent"));
        assertShaped("ws-track-exception.json", first(sent, "event", "TrackExceptionEvent"));
        assertShaped("ws-track-end.json", first(sent, "event", "TrackEndEvent"));
        JsonNode statsWhilePlaying = sent.stream().filter(s -> s.op().equals("stats")).skip(1).findFirst().orElseThrow().json();
        assertEquals(3000, statsWhilePlaying.path("frameStats").path("sent").asInt(), "frame stats once a player plays");
    }

    private static JsonNode first(List<FakeLavalink.Sent> sent, String op, String type) {
        return sent.stream().filter(s -> s.op().equals(op) && (type == null || type.equals(s.type()))).findFirst()
                .orElseThrow(() -> new AssertionError("nothing sent with op " + op + " " + type)).json();
    }
}
