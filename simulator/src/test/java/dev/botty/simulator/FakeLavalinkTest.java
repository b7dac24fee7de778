package dev.botty.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lavalink stand-in at the wire, without botty's client: the statuses, headers and bodies that
 * Lavalink's code gives (the client's own tests cover the rest through the client).
 */
class FakeLavalinkTest {
    static final String PASSWORD = "test-password";
    static final String USER = "170939974227541168";
    static final String GUILD = "817327181659111454";
    static final ObjectMapper MAPPER = new ObjectMapper();

    FakeLavalink lavalink;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        lavalink = FakeLavalink.start(PASSWORD);
    }

    @AfterEach
    void stop() {
        lavalink.close();
        http.close();
    }

    private HttpResponse<String> request(String method, String path, String password, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lavalink.uri() + path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (password != null) {
            request.header("Authorization", password);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> wsHeaders(String password, String userId) {
        return userId == null ? Map.of("Authorization", password, "Client-Name", "raw-test/1.0")
                : Map.of("Authorization", password, "User-Id", userId, "Client-Name", "raw-test/1.0");
    }

    @Test
    void restStatsCarryFrameStatsAsNullAsLavalinkDoes() throws Exception {
        // Lavalink's REST stats always have the key; only a session's own stats op has counts.
        HttpResponse<String> stats = request("GET", "/v4/stats", PASSWORD, null);
        assertEquals(200, stats.statusCode());
        com.fasterxml.jackson.databind.JsonNode body = MAPPER.readTree(stats.body());
        assertTrue(body.has("frameStats"), body.toString());
        assertTrue(body.get("frameStats").isNull(), body.toString());
        assertTrue(body.path("cpu").has("lavalinkLoad") && body.path("memory").has("reservable"), body.toString());
    }

    @Test
    void restAnswersAMissingPasswordWith401AndAWrongOneWith403WithoutABody() throws Exception {
        HttpResponse<String> missing = request("GET", "/v4/info", null, null);
        HttpResponse<String> wrong = request("GET", "/v4/info", "guess", null);
        HttpResponse<String> right = request("GET", "/v4/info", PASSWORD, null);

        assertEquals(401, missing.statusCode());
        assertEquals("", missing.body());
        assertEquals(403, wrong.statusCode());
        assertEquals("", wrong.body());
        assertEquals(200, right.statusCode());
        assertEquals("4", right.headers().firstValue("Lavalink-Api-Version").orElseThrow());
        assertEquals(4, MAPPER.readTree(right.body()).path("version").path("major").asInt());
    }

    @Test
    void versionIsPlainTextAndFollowsTheConfiguredVersion() throws Exception {
        lavalink.version("4.1.2");
        HttpResponse<String> version = request("GET", "/version", PASSWORD, null);
        JsonNode info = MAPPER.readTree(request("GET", "/v4/info", PASSWORD, null).body());

        assertEquals("4.1.2", version.body());
        assertTrue(version.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertEquals(1, info.path("version").path("minor").asInt());
        // Lavalink's Kotlin parser gives "" for a release's missing pre-release part.
        assertEquals("", info.path("version").path("preRelease").asText());
    }

    @Test
    void anUnknownPathIsA404WithLavalinksErrorBody() throws Exception {
        HttpResponse<String> answer = request("GET", "/v4/nowhere", PASSWORD, null);
        JsonNode error = MAPPER.readTree(answer.body());

        assertEquals(404, answer.statusCode());
        assertEquals(404, error.path("status").asInt());
        assertEquals("Not Found", error.path("error").asText());
        assertEquals("/v4/nowhere", error.path("path").asText());
        assertTrue(error.path("timestamp").isIntegralNumber());
    }

    @Test
    void theWebSocketHandshakeRefusesAWrongPasswordWith401AndAMissingUserIdWith400() throws Exception {
        try (RawWebSocket wrong = RawWebSocket.connect(lavalink, wsHeaders("guess", USER));
             RawWebSocket noUser = RawWebSocket.connect(lavalink, wsHeaders(PASSWORD, null));
             RawWebSocket zeroUser = RawWebSocket.connect(lavalink, wsHeaders(PASSWORD, "0"))) {
            assertEquals(401, wrong.status);
            assertEquals(400, noUser.status);
            assertEquals(400, zeroUser.status);
        }
        assertTrue(lavalink.sessionIds().isEmpty());
    }

    @Test
    void aNewConnectionGetsReadyThenStatsAndSessionResumedFalse() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(lavalink, wsHeaders(PASSWORD, USER))) {
            JsonNode ready = socket.next();
            JsonNode stats = socket.next();

            assertEquals(101, socket.status);
            assertEquals("false", socket.headers.get("session-resumed"));
            assertEquals("ready", ready.path("op").asText());
            assertFalse(ready.path("resumed").asBoolean());
            assertEquals(16, ready.path("sessionId").asText().length());
            assertEquals("stats", stats.path("op").asText());
            assertTrue(stats.path("frameStats").isNull(), "no playing players, no frame stats");
        }
    }

    @Test
    void aDroppedResumableSessionResumesWithItsMissedEventsButNotItsPlayerUpdates() throws Exception {
        String sessionId;
        try (RawWebSocket socket = RawWebSocket.connect(lavalink, wsHeaders(PASSWORD, USER))) {
            sessionId = socket.next().path("sessionId").asText();
            request("PATCH", "/v4/sessions/" + sessionId, PASSWORD, "{\"resuming\":true,\"timeout\":300}");
            request("PATCH", "/v4/sessions/" + sessionId + "/players/" + GUILD, PASSWORD,
                    "{\"track\":{\"identifier\":\"bottyLofi01\"},\"voice\":{\"token\":\"t\",\"endpoint\":\"e\",\"sessionId\":\"s\",\"channelId\":\"1\"}}");
            lavalink.dropConnections();
        }
        // Paused: REST cannot reach it, the track plays on and ends while nobody listens.
        assertEquals(404, request("GET", "/v4/sessions/" + sessionId + "/players", PASSWORD, null).statusCode());
        lavalink.advance(Duration.ofMinutes(3));

        Map<String, String> resume = new java.util.HashMap<>(wsHeaders(PASSWORD, USER));
        resume.put("Session-Id", sessionId);
        try (RawWebSocket socket = RawWebSocket.connect(lavalink, resume)) {
            assertEquals("true", socket.headers.get("session-resumed"));
            JsonNode ready = socket.next();
            assertTrue(ready.path("resumed").asBoolean());
            assertEquals(sessionId, ready.path("sessionId").asText());
            // Queued while away: the stats of each minute and the end of the track, no player updates.
            StringBuilder replayed = new StringBuilder();
            JsonNode next;
            do {
                next = socket.next();
                replayed.append(next.path("op").asText()).append(next.has("type") ? ":" + next.path("type").asText() : "").append(' ');
            } while (!next.path("op").asText().equals("playerUpdate"));
            assertEquals("stats stats event:TrackEndEvent stats playerUpdate ", replayed.toString());
        }
    }

    @Test
    void aSessionLeftUnresumedPastItsTimeoutIsGone() throws Exception {
        String sessionId;
        try (RawWebSocket socket = RawWebSocket.connect(lavalink, wsHeaders(PASSWORD, USER))) {
            sessionId = socket.next().path("sessionId").asText();
            request("PATCH", "/v4/sessions/" + sessionId, PASSWORD, "{\"resuming\":true,\"timeout\":10}");
            lavalink.dropConnections();
        }
        lavalink.advance(Duration.ofSeconds(10));

        Map<String, String> resume = new java.util.HashMap<>(wsHeaders(PASSWORD, USER));
        resume.put("Session-Id", sessionId);
        try (RawWebSocket socket = RawWebSocket.connect(lavalink, resume)) {
            assertEquals("false", socket.headers.get("session-resumed"));
            JsonNode ready = socket.next();
            assertFalse(ready.path("resumed").asBoolean());
            assertNotEquals(sessionId, ready.path("sessionId").asText());
        }
    }

    @Test
    void newFiltersReplaceTheOldAndThoseSetToNullAreLeftOutAsLavalinkAnswers() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(lavalink, wsHeaders(PASSWORD, USER))) {
            String path = "/v4/sessions/" + socket.next().path("sessionId").asText() + "/players/" + GUILD;
            request("PATCH", path, PASSWORD, "{\"filters\":{\"timescale\":{\"speed\":1.25},\"karaoke\":{\"level\":1.0}}}");
            HttpResponse<String> cleared = request("PATCH", path, PASSWORD,
                    "{\"filters\":{\"volume\":1.0,\"timescale\":null,\"karaoke\":null,\"rotation\":{\"rotationHz\":0.2}}}");
            assertEquals(200, cleared.statusCode(), cleared.body());
            assertEquals(MAPPER.readTree("{\"volume\":1.0,\"rotation\":{\"rotationHz\":0.2}}"),
                    MAPPER.readTree(cleared.body()).path("filters"));
        }
    }

    @Test
    void aVoiceStateWithoutChannelIdIsRefusedWithLavalinksSentence() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(lavalink, wsHeaders(PASSWORD, USER))) {
            String sessionId = socket.next().path("sessionId").asText();
            String path = "/v4/sessions/" + sessionId + "/players/" + GUILD;

            HttpResponse<String> nullChannel = request("PATCH", path, PASSWORD,
                    "{\"voice\":{\"token\":\"t\",\"endpoint\":\"e\",\"sessionId\":\"s\",\"channelId\":null}}");
            HttpResponse<String> noChannel = request("PATCH", path, PASSWORD,
                    "{\"voice\":{\"token\":\"t\",\"endpoint\":\"e\",\"sessionId\":\"s\"}}");

            assertEquals(400, nullChannel.statusCode());
            assertEquals("token, endpoint, sessionId and channelId must be provided in voice state",
                    MAPPER.readTree(nullChannel.body()).path("message").asText());
            assertEquals(400, noChannel.statusCode());
            assertTrue(MAPPER.readTree(noChannel.body()).path("message").asText().contains("'channelId' is required"));
            assertEquals(404, request("GET", path, PASSWORD, null).statusCode(), "a refused update creates no player");
        }
    }

    @Test
    void theClockDrivesPlayerUpdatesAndTheTrackEnd() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(lavalink, wsHeaders(PASSWORD, USER))) {
            String sessionId = socket.next().path("sessionId").asText();
            socket.next();
            request("PATCH", "/v4/sessions/" + sessionId + "/players/" + GUILD, PASSWORD,
                    "{\"track\":{\"identifier\":\"https://soundcloud.com/botty-simulator/loopback-waltz\"},"
                            + "\"voice\":{\"token\":\"t\",\"endpoint\":\"e\",\"sessionId\":\"s\",\"channelId\":\"1\"}}");
            assertEquals("TrackStartEvent", socket.next().path("type").asText());
            assertEquals(0, socket.next().path("state").path("position").asLong());

            lavalink.advance(Duration.ofSeconds(5));
            JsonNode update = socket.next();
            assertEquals(5_000, update.path("state").path("position").asLong());
            assertEquals(FakeLavalink.EPOCH.plusSeconds(5).toEpochMilli(), update.path("state").path("time").asLong());

            lavalink.advance(Duration.ofSeconds(90));
            JsonNode end = socket.next();
            while (!"TrackEndEvent".equals(end.path("type").asText())) {
                end = socket.next();
            }
            assertEquals("finished", end.path("reason").asText());
            assertEquals(95_000, end.path("track").path("info").path("position").asLong());
        }
    }
}
