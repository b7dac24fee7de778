package dev.botty.interactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.InteractionPoster;
import dev.botty.simulator.LoopbackPorts;
import dev.botty.simulator.SigningKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a newcomer runs it: {@code java -jar interactions-api.jar [local | register]}. */
class LauncherIT {
    private static final Path JAR = Path.of("target", "interactions-api.jar");

    private static ProcessBuilder jar(Path workDir, Map<String, String> env, String... args) {
        return jar(workDir, List.of(), env, args);
    }

    private static ProcessBuilder jar(Path workDir, List<String> jvmArgs, Map<String, String> env, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("MICRONAUT_") || k.startsWith("ENDPOINTS_")
                || k.endsWith("_ID"));
        builder.environment().putAll(env);
        return builder;
    }

    private static String run(ProcessBuilder builder, int expectedExit) throws Exception {
        Process process = builder.redirectErrorStream(false).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exits");
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expectedExit, process.exitValue(), stderr);
        return stderr;
    }

    @Test
    void refusesToServeWithoutCredentialsInOneClearLine(@TempDir Path dir) throws Exception {
        String stderr = run(jar(dir, Map.of()), 2);
        assertTrue(stderr.startsWith("botty: DISCORD_APPLICATION_ID is required"), stderr);
        assertEquals(1, stderr.strip().lines().count(), stderr);
    }

    @Test
    void refusesAMalformedPublicKeyNamingIt(@TempDir Path dir) throws Exception {
        String stderr = run(jar(dir, Map.of("DISCORD_APPLICATION_ID", "1", "DISCORD_PUBLIC_KEY", "nope")), 2);
        assertEquals("botty: DISCORD_PUBLIC_KEY must be 64 hex characters (the application's public key)", stderr.strip());
    }

    @Test
    void refusesToRegisterWithoutABotToken(@TempDir Path dir) throws Exception {
        String stderr = run(jar(dir, Map.of("DISCORD_APPLICATION_ID", "1"), "register"), 2);
        assertEquals("botty: DISCORD_BOT_TOKEN is required to register commands", stderr.strip());
    }

    /** A local-mode process of the jar and a poster signing with its key, once it answers a PING. */
    private record Local(Process process, InteractionPoster poster) {}

    private static Local startLocal(Path dir, List<String> jvmArgs) throws Exception {
        Files.createDirectories(dir);
        int[] ports = LoopbackPorts.free(2);
        int port = ports[0];
        int management = ports[1];
        Path keyFile = dir.resolve("key");
        Process process = jar(dir, jvmArgs, Map.of("MICRONAUT_SERVER_PORT", Integer.toString(port), "ENDPOINTS_ALL_PORT", Integer.toString(management),
                        "LOCAL_KEY_FILE", keyFile.toString()), "local")
                .redirectOutput(dir.resolve("out.log").toFile())
                .redirectError(dir.resolve("err.log").toFile())
                .start();
        InteractionPoster poster = null;
        JsonNode pong = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pong == null && System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (poster == null && Files.exists(keyFile) && Files.size(keyFile) > 0) {
                    poster = new InteractionPoster(URI.create("http://127.0.0.1:" + port + "/interactions"), SigningKey.read(keyFile));
                }
                if (poster != null) {
                    pong = TestApp.json(poster.post(InteractionBuilder.ping().toJson()).body());
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        if (pong == null || pong.path("type").asInt() != 1) {
            process.destroy();
        }
        assertEquals(1, pong == null ? -1 : pong.path("type").asInt(), Files.readString(dir.resolve("err.log")));
        return new Local(process, poster);
    }

    /** Whether Netty's epoll library is mapped into the process. */
    private static boolean epollLoaded(Process process) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(process.pid()), "maps")).contains("libnetty_transport_native_epoll");
    }

    @Test
    void servesOnEpollHereAndOnNioWhereNativeTransportsAreOff(@TempDir Path dir) throws Exception {
        // This machine is glibc: epoll. Where NettyDefaults turns native transports off (musl),
        // Micronaut's transport list falls back to NIO and the endpoint still answers.
        Local epoll = startLocal(dir.resolve("epoll"), List.of());
        try {
            assertTrue(epollLoaded(epoll.process()), "epoll on a glibc host");
        } finally {
            epoll.process().destroy();
            epoll.process().waitFor(10, TimeUnit.SECONDS);
        }
        Local nio = startLocal(dir.resolve("nio"), List.of("-Dio.netty.transport.noNative=true"));
        try {
            assertFalse(epollLoaded(nio.process()), "no native library once native transports are off");
            JsonNode avatar = TestApp.json(nio.poster().post(InteractionBuilder.command("avatar").toJson()).body());
            assertEquals(64, avatar.path("data").path("flags").asInt());
        } finally {
            nio.process().destroy();
            nio.process().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void localModeAnswersTheSimulatorWithItsGeneratedKey(@TempDir Path dir) throws Exception {
        Local local = startLocal(dir, List.of());
        Process process = local.process();
        InteractionPoster poster = local.poster();
        Path keyFile = dir.resolve("key");
        try {
            JsonNode avatar = TestApp.json(poster.post(InteractionBuilder.command("avatar").toJson()).body());
            assertEquals(64, avatar.path("data").path("flags").asInt());
            // The log goes through an async appender: give it a moment to reach the file.
            long logDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!Files.readString(dir.resolve("out.log")).contains("command=avatar outcome=ok") && System.nanoTime() < logDeadline) {
                Thread.sleep(20);
            }
            String log = Files.readString(dir.resolve("out.log"));
            assertTrue(log.contains("command=avatar outcome=ok"), "one log line per interaction");
            // Logging is set up in code (ConsoleLogging): ISO-8601 time with offset, the level padded
            // to five, the shortened logger name, the message; framework chatter stays below WARN.
            assertTrue(Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  "
                    + "botty\\.interactions command=avatar outcome=ok answer=inline latency_ms=\\d+$", Pattern.MULTILINE).matcher(log).find(), log);
            assertTrue(Pattern.compile("^\\S+ INFO  i\\.m\\.runtime\\.Micronaut Startup completed in \\d+ms\\.", Pattern.MULTILINE).matcher(log).find(), log);
            assertFalse(log.contains("DEBUG") || log.contains("io.netty"), "framework chatter stays below WARN: " + log);
            String keyFileMode = Files.getPosixFilePermissions(keyFile).toString();
            assertEquals("[OWNER_READ, OWNER_WRITE]", keyFileMode);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
