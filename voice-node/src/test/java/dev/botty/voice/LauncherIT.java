package dev.botty.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.FakeGateway;
import dev.botty.simulator.FakeLavalink;
import dev.botty.simulator.LoopbackPorts;
import dev.botty.simulator.SimulatedGuild;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, JDA and all, as an operator runs it: {@code java -jar voice-node.jar}. */
class LauncherIT {
    private static final Path JAR = Path.of("target", "voice-node.jar");
    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.simulated.token";

    private static ProcessBuilder jar(Path workDir, Map<String, String> env) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("MICRONAUT_") || k.startsWith("DATA_DIR")
                || k.startsWith("LAVALINK_") || k.startsWith("VOICE_NODE_") || k.startsWith("ENDPOINTS_"));
        builder.environment().put("LAVALINK_PASSWORD", FakeLavalink.DEFAULT_PASSWORD);
        builder.environment().put("VOICE_NODE_SECRET", "a shared secret of more than thirty-two characters");
        int[] ports = LoopbackPorts.free(2);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(ports[0]));
        builder.environment().put("ENDPOINTS_ALL_PORT", Integer.toString(ports[1]));
        builder.environment().putAll(env);
        return builder;
    }

    private static String stderrOfExit(ProcessBuilder builder, int expectedExit) throws Exception {
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exits");
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expectedExit, process.exitValue(), stderr);
        return stderr;
    }

    @Test
    void refusesToStartWithoutATokenInOneClearLine(@TempDir Path dir) throws Exception {
        String stderr = stderrOfExit(jar(dir, Map.of()), 2);
        assertEquals("botty voice-node: DISCORD_BOT_TOKEN is required (the bot's token, Developer Portal → Bot)", stderr.strip());
    }

    @Test
    void saysPlainlyWhenDiscordRefusesTheToken(@TempDir Path dir) throws Exception {
        try (FakeDiscord rest = FakeDiscord.start(0).requireBotToken(TOKEN)) {
            String stderr = stderrOfExit(jar(dir, Map.of(
                    "DISCORD_BOT_TOKEN", "MTEwMDAwMDAwMDAwMDAwMDAwMQ.not-the.token",
                    "DISCORD_API_URL", rest.apiUrl())), 1);
            assertTrue(stderr.strip().lines().anyMatch(l -> l.startsWith("botty voice-node: Discord refused DISCORD_BOT_TOKEN")), stderr);
        }
    }

    @Test
    void refusesADataDirHoldingSomethingElseBeforeLoggingIn(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("state"));
        Files.writeString(data.resolve("botty.db"), "not a database\n");
        // Nothing listens on port 9: had the gateway started first, its login would fail instead (exit 1).
        String stderr = stderrOfExit(jar(dir, Map.of(
                "DISCORD_BOT_TOKEN", TOKEN,
                "DISCORD_API_URL", "http://127.0.0.1:9/api/v10",
                "DATA_DIR", data.toString())), 2);
        assertEquals("botty voice-node: DATA_DIR holds " + data.resolve("botty.db")
                + ", which is not a SQLite database; move it away or set DATA_DIR to another directory", stderr.strip());
    }

    @Test
    void logsIntoTheSimulatedGateway(@TempDir Path dir) throws Exception {
        try (FakeDiscord rest = FakeDiscord.start(0).requireBotToken(TOKEN);
                FakeGateway gateway = FakeGateway.start(TOKEN);
                FakeLavalink lavalink = FakeLavalink.start()) {
            gateway.addGuild(new SimulatedGuild(41771983423143937L, "Homelab").voiceChannel(41771983423143940L, "Music"));
            Path log = dir.resolve("out.log");
            Process process = jar(dir, Map.of(
                    "DISCORD_BOT_TOKEN", TOKEN,
                    "DISCORD_API_URL", rest.apiUrl(),
                    "DISCORD_GATEWAY_URL", gateway.url(),
                    "LAVALINK_URLS", lavalink.uri().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                gateway.awaitReceived(FakeGateway.IDENTIFY, d -> TOKEN.equals(d.path("token").asText()), Duration.ofSeconds(60));
                gateway.awaitDispatch("GUILD_CREATE", d -> true, Duration.ofSeconds(10));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!Files.readString(log).contains("gateway ready") && System.nanoTime() < deadline && process.isAlive()) {
                    Thread.sleep(100);
                }
                assertTrue(Files.readString(log).contains("gateway ready: shard 0/1, 1 guilds"), Files.readString(log));
                lavalink.awaitHandshake(h -> h.status() == 101 && "1100000000000000001".equals(h.header("User-Id")), Duration.ofSeconds(20));
                long migrations;
                try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
                    migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
                }
                assertTrue(Files.readString(log).contains("store " + dir.resolve("data").resolve("botty.db")
                        + ": schema migrated from version none to " + migrations), Files.readString(log));
            } finally {
                process.destroy();
                assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
            }
        }
    }

}
