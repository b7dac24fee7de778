package dev.botty.voice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.internal.CommandDefinition;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.internal.RequestSignature;
import dev.botty.voice.command.MusicCommand;
import dev.botty.voice.music.MusicWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/** The internal API over real HTTP, signed as the interactions-api signs, with the real music commands behind it. */
class NodeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A command that answers when the test says so. */
    static final class Slow implements MusicCommand {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public CommandDefinition definition() {
            return CommandDefinition.slash("test-slow", "Answers when the test says so");
        }

        @Override
        public CompletionStage<MusicReply> run(MusicRequest request) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return MusicReply.ok("🐢 there you go, <@" + request.userId() + ">");
            });
        }
    }

    /** A command with a bug. */
    static final class Failing implements MusicCommand {
        @Override
        public CommandDefinition definition() {
            return CommandDefinition.slash("test-failing", "Throws");
        }

        @Override
        public CompletionStage<MusicReply> run(MusicRequest request) {
            throw new IllegalStateException("a bug in a command");
        }
    }

    @TempDir
    Path data;
    MusicWorld world;
    final Slow slow = new Slow();

    @BeforeEach
    void start() throws Exception {
        world = MusicWorld.start(data, slow, new Failing());
    }

    @AfterEach
    void stop() {
        slow.release.countDown();
        world.close();
    }

    @Test
    void cutsOffHeadsThatDoNotArriveInTimeOnTheApiAndTheManagementPort() throws Exception {
        // The same guard as the public endpoint's (service-support): a neighbour that opens a
        // request and never finishes it is answered 408 and closed after botty.server.request-timeout.
        try (java.net.Socket api = new java.net.Socket("127.0.0.1", world.port);
                java.net.Socket management = new java.net.Socket("127.0.0.1", world.managementPort)) {
            for (java.net.Socket socket : List.of(api, management)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("POST /v1/commands HTTP/1.1\r\nHost: no".getBytes(StandardCharsets.US_ASCII));
            }
            for (java.net.Socket socket : List.of(api, management)) {
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 408 "), socket.getPort() + ": " + answer);
            }
        }
    }

    /** A music request as the interactions-api forwards it: Alice in #general of the guild. */
    private static String command(String name, String... optionPairs) {
        return request(name, null, optionPairs);
    }

    private static String request(String name, String focused, String... optionPairs) {
        ObjectNode request = JSON.createObjectNode()
                .put("guildId", MusicWorld.GUILD).put("channelId", MusicWorld.GENERAL).put("userId", MusicWorld.ALICE)
                .put("locale", "en-US").put("command", name);
        ObjectNode options = request.putObject("options");
        for (int i = 0; i < optionPairs.length; i += 2) {
            options.put(optionPairs[i], optionPairs[i + 1]);
        }
        if (focused != null) {
            request.put("focused", focused);
        }
        return request.toString();
    }

    private HttpResponse<String> post(byte[] body, String timestamp, String signature) throws Exception {
        return post("/v1/commands", body, timestamp, signature);
    }

    private HttpResponse<String> post(String path, byte[] body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (timestamp != null) {
            request.header(RequestSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(RequestSignature.SIGNATURE_HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(String json) throws Exception {
        return signed("/v1/commands", json);
    }

    private HttpResponse<String> signed(String path, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return post(path, body, timestamp, new RequestSignature(MusicWorld.SECRET).sign(timestamp, body));
    }

    private JsonNode reply(String json) throws Exception {
        return reply("/v1/commands", json);
    }

    private JsonNode reply(String path, String json) throws Exception {
        HttpResponse<String> response = signed(path, json);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> management(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCommandIsAnsweredWithTheContractsReply() throws Exception {
        JsonNode reply = reply(command("queue"));
        assertEquals("📭 The queue is empty. `/play` something!", reply.path("content").asText());
        assertEquals("REFUSED", reply.path("outcome").asText());
        assertEquals(MusicReply.refused("📭 The queue is empty. `/play` something!"),
                io.micronaut.serde.ObjectMapper.getDefault().readValue(signed(command("queue")).body(), MusicReply.class));
    }

    @Test
    void playOverTheApiPlaysAndAnswersWithTheTrack() throws Exception {
        JsonNode reply = reply(command("play", "query", "loopback rock"));
        assertTrue(reply.path("content").asText().startsWith("▶️ Playing [Loopback Rock]"), reply.toString());
        assertEquals("OK", reply.path("outcome").asText());
        world.awaitPlaying("Loopback Rock");
        JsonNode queue = reply(command("nowplaying"));
        assertEquals("🎶 Loopback Rock", queue.path("card").path("title").asText());
    }

    @Test
    void aSlowCommandIsAnsweredWhenItIsDoneNeverDeferredByTheNode() throws Exception {
        // Discord's three seconds are the interactions-api's to manage: it defers and edits. The
        // node answers with the reply itself, however long the command took, and edits nothing.
        String json = command("test-slow");
        CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return reply(json);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(1_500);
        assertFalse(answer.isDone(), "no deferral while the command runs");
        slow.release.countDown();
        JsonNode reply = answer.get(10, TimeUnit.SECONDS);
        assertEquals("🐢 there you go, <@" + MusicWorld.ALICE + ">", reply.path("content").asText());
        assertTrue(world.discord().calls().stream().noneMatch(c -> c.path().contains("/webhooks/")), "the node edits nothing");
    }

    @Test
    void autocompleteAnswersWithSuggestions() throws Exception {
        JsonNode reply = reply("/v1/suggestions", request("play", "query", "query", "loopback"));
        assertTrue(reply.path("choices").size() > 0, reply.toString());
        assertTrue(reply.path("choices").get(0).path("name").asText().length() <= 100);
        assertEquals(0, reply("/v1/suggestions", request("dance", "query", "query", "x")).path("choices").size(), "an unknown command suggests nothing");
    }

    @Test
    void unknownAndFailingCommandsGetAPlainAnswer() throws Exception {
        assertEquals("🎵 This voice node doesn't know /dance.", reply(command("dance")).path("content").asText());
        JsonNode failed = reply(command("test-failing"));
        assertEquals("ERROR", failed.path("outcome").asText());
        assertTrue(failed.path("content").asText().startsWith("⚠️ Something went wrong with /test-failing."), failed.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "malformed", "wrong-secret", "stale", "future", "tampered"})
    void anythingTheSecretDidNotSignIs401(String how) throws Exception {
        byte[] body = command("stop").getBytes(StandardCharsets.UTF_8);
        String now = Long.toString(Instant.now().getEpochSecond());
        RequestSignature ours = new RequestSignature(MusicWorld.SECRET);
        HttpResponse<String> response = switch (how) {
            case "missing" -> post(body, null, null);
            case "malformed" -> post(body, now, "sha256=not-hex");
            case "wrong-secret" -> post(body, now, new RequestSignature("another secret, also long enough to pass").sign(now, body));
            case "stale" -> {
                String old = Long.toString(Instant.now().minusSeconds(310).getEpochSecond());
                yield post(body, old, ours.sign(old, body));
            }
            case "future" -> {
                String later = Long.toString(Instant.now().plusSeconds(310).getEpochSecond());
                yield post(body, later, ours.sign(later, body));
            }
            default -> {
                byte[] tampered = command("leave").getBytes(StandardCharsets.UTF_8);
                yield post(tampered, now, ours.sign(now, body));
            }
        };
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("{\"error\":\"invalid request signature\"}", response.body());
    }

    @Test
    void whatIsNotAMusicRequestIs400AndTooMuchIs413() throws Exception {
        assertEquals(400, signed("{not json").statusCode());
        assertEquals(400, signed("[]").statusCode());
        assertEquals(400, signed("{\"type\":1}").statusCode(), "a Discord PING is not a music request");
        assertEquals(400, signed("{\"guildId\":\"x\",\"userId\":1,\"command\":\"play\"}").statusCode());
        HttpResponse<String> noGuild = signed("{\"userId\":1,\"channelId\":2,\"locale\":\"en-US\",\"command\":\"play\",\"options\":{}}");
        assertEquals(400, noGuild.statusCode());
        assertEquals("{\"error\":\"music needs a guild and a user\"}", noGuild.body());
        HttpResponse<String> focusedCommand = signed(request("play", "query", "query", "rock"));
        assertEquals("{\"error\":\"a command has no focused option\"}", focusedCommand.body());
        HttpResponse<String> unfocused = signed("/v1/suggestions", command("play", "query", "rock"));
        assertEquals("{\"error\":\"a suggestion request must name the focused option\"}", unfocused.body());
        byte[] huge = new byte[300_000];
        java.util.Arrays.fill(huge, (byte) ' ');
        String now = Long.toString(Instant.now().getEpochSecond());
        assertEquals(413, post(huge, now, new RequestSignature(MusicWorld.SECRET).sign(now, huge)).statusCode());
    }

    @Test
    void statusIsSignedAndSaysWhatPlays() throws Exception {
        reply(command("play", "query", "loopback rock"));
        world.awaitPlaying("Loopback Rock");
        reply(command("test-failing"));

        HttpRequest unsigned = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.port + "/v1/status")).build();
        assertEquals(401, HTTP.send(unsigned, HttpResponse.BodyHandlers.ofString()).statusCode());

        String now = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.port + "/v1/status"))
                .header(RequestSignature.TIMESTAMP_HEADER, now)
                .header(RequestSignature.SIGNATURE_HEADER, new RequestSignature(MusicWorld.SECRET).sign(now, new byte[0]))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode status = JSON.readTree(response.body());
        assertEquals("CONNECTED", status.path("gateway").path("state").asText());
        // Uptime counts from the process's start, not from when the status was first asked for.
        assertEquals(Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()),
                Instant.parse(status.path("startedAt").asText()));
        assertEquals(1, status.path("voiceConnections").asInt());
        JsonNode guild = status.path("guilds").get(0);
        assertEquals(Long.toString(MusicWorld.GUILD), guild.path("guildId").asText());
        assertEquals("Homelab", guild.path("guildName").asText());
        assertEquals("Lounge", guild.path("channelName").asText());
        assertEquals("Loopback Rock", guild.path("nowPlaying").path("title").asText());
        assertEquals("CONNECTED", status.path("lavalink").get(0).path("state").asText());
        assertEquals("4.2.2", status.path("lavalink").get(0).path("version").asText());
        assertEquals(1, status.path("commands").path("play").path("ok").asInt());
        assertEquals(1, status.path("commands").path("test-failing").path("error").asInt());
        assertTrue(status.path("lastErrors").get(0).path("message").asText().startsWith("/test-failing failed"), status.toString());

        HttpResponse<String> page = management("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), page.headers().toString());
        assertEquals("default-src 'none'; style-src 'unsafe-inline'", page.headers().firstValue("Content-Security-Policy").orElse(""));
        assertTrue(page.body().contains("<span class=\"title\">Loopback Rock</span>"), page.body());
        assertTrue(page.body().contains("/test-failing failed"), "the last errors are on the page");
        HttpResponse<String> notOnTheInternalPort = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, notOnTheInternalPort.statusCode());

        HttpResponse<String> same = management("/api/status");
        assertEquals(200, same.statusCode());
        assertEquals("Loopback Rock", JSON.readTree(same.body()).path("guilds").get(0).path("nowPlaying").path("title").asText());
    }

    @Test
    void theManagementPortTellsLivenessReadinessAndMetrics() throws Exception {
        assertEquals(200, management("/healthz").statusCode());
        assertEquals(200, management("/health").statusCode());
        reply(command("play", "query", "loopback rock"));
        world.awaitPlaying("Loopback Rock");

        String metrics = management("/metrics").body();
        for (String name : List.of("botty_voice_commands_total{command=\"play\",outcome=\"ok\"}", "botty_voice_command_latency_seconds_bucket",
                "botty_voice_guilds ", "botty_voice_connections ", "botty_voice_players{state=\"playing\"}", "botty_voice_tracks_queued ",
                "botty_voice_tracks_started_total", "botty_gateway_ping_seconds", "botty_lavalink_node_up{node=\"127.0.0.1:",
                "botty_lavalink_frames_deficit{node=", "jvm_memory_used_bytes")) {
            assertTrue(metrics.contains(name), name + " in\n" + metrics);
        }
        assertFalse(metrics.contains(Long.toString(MusicWorld.GUILD)), "no guild ids as labels");

        world.lavalink().takeDown(false);
        MusicWorld.eventually(() -> {
            try {
                return management("/health").statusCode() == 503;
            } catch (Exception e) {
                return false;
            }
        }, "not ready without Lavalink");
        assertEquals(200, management("/healthz").statusCode(), "still alive");
    }
}
