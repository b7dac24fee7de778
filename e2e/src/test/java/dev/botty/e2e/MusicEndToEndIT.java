package dev.botty.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.InteractionPoster;
import dev.botty.simulator.LoopbackPorts;
import dev.botty.simulator.SigningKey;
import dev.botty.simulator.World;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path, each piece as it runs in production: an interaction signed like Discord's →
 * the packaged interactions-api → the packaged voice node over the signed internal API → JDA on
 * the simulated gateway → the Lavalink client on the simulated Lavalink → the answer, inline or
 * edited in through the simulated Discord's webhook.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MusicEndToEndIT {
    private static final Path API_JAR = Path.of("..", "interactions-api", "target", "interactions-api.jar");
    private static final Path NODE_JAR = Path.of("..", "voice-node", "target", "voice-node.jar");
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(25);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = HexFormat.of().formatHex("end-to-end shared secret, 32+ chars".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path dir;
    static World world;
    static Process node;
    static Process api;
    static int nodePort;
    static int apiPort;
    static InteractionPoster discord;
    static final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isRegularFile(API_JAR) && Files.isRegularFile(NODE_JAR),
                "the services are packaged first (./mvnw verify builds them before this module)");
        world = World.start(0, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int[] ports = LoopbackPorts.free(4);
        nodePort = ports[0];
        apiPort = ports[1];
        int nodeManagement = ports[2];
        int apiManagement = ports[3];

        List<String> nodeEnv = new ArrayList<>(world.voiceNodeEnvironment().lines().toList());
        nodeEnv.addAll(List.of("VOICE_NODE_SECRET=" + SECRET, "DATA_DIR=" + dir.resolve("voice-data"),
                "MICRONAUT_SERVER_PORT=" + nodePort, "ENDPOINTS_ALL_PORT=" + nodeManagement));
        node = launch(NODE_JAR, List.of(), nodeEnv, dir.resolve("voice-node.log"));

        SigningKey key = SigningKey.generate();
        api = launch(API_JAR, List.of("serve"), List.of(
                "DISCORD_PUBLIC_KEY=" + key.publicKeyHex(),
                "DISCORD_APPLICATION_ID=" + InteractionBuilder.LOCAL_APPLICATION_ID,
                "DISCORD_API_URL=" + world.discord().apiUrl(),
                "VOICE_NODE_URLS=http://127.0.0.1:" + nodePort,
                "VOICE_NODE_SECRET=" + SECRET,
                "MICRONAUT_SERVER_PORT=" + apiPort,
                "ENDPOINTS_ALL_PORT=" + apiManagement), dir.resolve("interactions-api.log"));
        discord = new InteractionPoster(URI.create("http://127.0.0.1:" + apiPort + "/interactions"), key);

        awaitHttp(URI.create("http://127.0.0.1:" + apiManagement + "/healthz"), "interactions-api");
        awaitHttp(URI.create("http://127.0.0.1:" + nodeManagement + "/health"), "voice node ready (gateway and Lavalink)");
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (world != null) {
            world.close();
        }
    }

    private static Process launch(Path jar, List<String> args, List<String> env, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("VOICE_NODE_") || k.startsWith("LAVALINK_")
                || k.startsWith("MICRONAUT_") || k.startsWith("ENDPOINTS_"));
        for (String line : env) {
            int eq = line.indexOf('=');
            builder.environment().put(line.substring(0, eq), line.substring(eq + 1));
        }
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void awaitHttp(URI uri, String what) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " not up within " + START + "; logs:\n" + Files.readString(dir.resolve("voice-node.log"))
                + "\n" + Files.readString(dir.resolve("interactions-api.log")));
    }

    private static InteractionBuilder inTheGuild(InteractionBuilder builder) {
        return builder.inGuild(InteractionBuilder.LOCAL_GUILD_ID);
    }

    /** What the user ends up seeing: the inline answer, or the edit a deferral announced. */
    private static String answerOf(InteractionBuilder interaction) throws Exception {
        String json = interaction.toJson();
        InteractionPoster.Answer answer = discord.post(json);
        assertEquals(200, answer.status(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(64, body.path("data").path("flags").asInt(), "ephemeral: " + body);
        if (body.path("type").asInt() == 4) {
            return body.path("data").path("content").asText();
        }
        assertEquals(5, body.path("type").asInt(), body.toString());
        String token = JSON.readTree(json).path("token").asText();
        FakeDiscord.Call edit = world.discord().awaitCall(c -> c.method().equals("PATCH")
                && c.path().endsWith("/" + token + "/messages/@original") && !c.isRateLimited(), TIMEOUT);
        return edit.json().path("content").asText();
    }

    private static void eventually(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TIMEOUT + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    private static String playing() {
        return world.lavalink().player(World.GUILD).map(p -> p.path("track").path("info").path("title").asText(null)).orElse(null);
    }

    @Test
    @Order(1)
    void playFromASignedInteractionReachesLavalinkAndDiscordVoice() throws Exception {
        String answer = answerOf(inTheGuild(InteractionBuilder.command("play").option("query", InteractionBuilder.STRING, "lofi")));
        assertTrue(answer.startsWith("▶️ Playing [Lofi beats to test bots to]"), answer);
        eventually(() -> "Lofi beats to test bots to".equals(playing()), "Lavalink plays it");
        eventually(() -> world.lavalink().player(World.GUILD).map(p -> p.path("voice").path("channelId").asText()
                .equals(Long.toString(World.LOUNGE))).orElse(false), "in the caller's voice channel, with the DAVE channel id");
        eventually(() -> !world.discord().channelMessages(World.TEXT_CHANNEL).isEmpty(), "the now-playing message");
    }

    @Test
    @Order(2)
    void theQueueAndSkipGoThroughTheSameWay() throws Exception {
        String queued = answerOf(inTheGuild(InteractionBuilder.command("play").option("query", InteractionBuilder.STRING, "loopback rock")));
        assertTrue(queued.startsWith("➕ Queued [Loopback Rock]"), queued);

        InteractionPoster.Answer queue = discord.post(inTheGuild(InteractionBuilder.command("queue")).toJson());
        JsonNode embed = JSON.readTree(queue.body()).path("data").path("embeds").get(0);
        assertTrue(embed.path("description").asText().contains("`1.` [Loopback Rock]"), embed.toString());

        String skipped = answerOf(inTheGuild(InteractionBuilder.command("skip")));
        assertTrue(skipped.startsWith("⏭️ Skipped [Lofi beats to test bots to]"), skipped);
        eventually(() -> "Loopback Rock".equals(playing()), "the next track plays");
    }

    @Test
    @Order(3)
    void aSlowSearchIsDeferredAndTheNodeEditsTheAnswerIn() throws Exception {
        world.lavalink().loadDelay(Duration.ofMillis(2500));
        try {
            String json = inTheGuild(InteractionBuilder.command("play").option("query", InteractionBuilder.STRING, "waltz")).toJson();
            InteractionPoster.Answer answer = discord.post(json);
            JsonNode body = JSON.readTree(answer.body());
            assertEquals(5, body.path("type").asInt(), "deferred while the search loads: " + body);
            assertEquals(64, body.path("data").path("flags").asInt());
            String token = JSON.readTree(json).path("token").asText();
            FakeDiscord.Call edit = world.discord().awaitCall(c -> c.method().equals("PATCH") && !c.isRateLimited()
                    && c.path().equals("/api/v10/webhooks/" + InteractionBuilder.LOCAL_APPLICATION_ID + "/" + token + "/messages/@original"), TIMEOUT);
            assertTrue(edit.json().path("content").asText().startsWith("➕ Queued [Loopback Waltz]"), edit.body());
        } finally {
            world.lavalink().loadDelay(Duration.ZERO);
        }
    }

    @Test
    @Order(4)
    void playAutocompleteOffersSearchResults() throws Exception {
        InteractionPoster.Answer answer = discord.post(inTheGuild(InteractionBuilder.autocomplete("play").focused("query", "loopback")).toJson());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(8, body.path("type").asInt(), answer.body());
        assertTrue(body.path("data").path("choices").size() > 0, answer.body());
        assertTrue(body.path("data").path("choices").get(0).path("value").asText().startsWith("https://"), answer.body());
    }

    @Test
    @Order(5)
    void theNodeRefusesWhatTheSecretDidNotSign() throws Exception {
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + nodePort + "/v1/commands"))
                .header("Content-Type", "application/json")
                .header("X-Botty-Timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .header("X-Botty-Signature", "sha256=" + "00".repeat(32))
                .POST(HttpRequest.BodyPublishers.ofString("{\"guildId\":" + World.GUILD + ",\"channelId\":1,\"userId\":1,\"locale\":\"en-US\","
                        + "\"command\":\"stop\",\"options\":{}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode());
        assertEquals("Loopback Rock", playing(), "nothing happened");
    }

    @Test
    @Order(6)
    void aNodeThatIsDownGetsAPlainAnswerInTime() throws Exception {
        node.destroy();
        assertTrue(node.waitFor(20, TimeUnit.SECONDS));
        long started = System.nanoTime();
        InteractionPoster.Answer answer = discord.post(inTheGuild(InteractionBuilder.command("queue")).toJson());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0, "inside Discord's 3 s");
        assertEquals(200, answer.status());
        String content = JSON.readTree(answer.body()).path("data").path("content").asText();
        assertTrue(content.startsWith("🎵 "), content);
        assertFalse(content.isBlank());
    }
}
