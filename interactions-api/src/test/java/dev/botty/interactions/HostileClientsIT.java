package dev.botty.interactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.simulator.HostileClients;
import dev.botty.simulator.HostileClients.Kind;
import dev.botty.simulator.HostileClients.Tally;
import dev.botty.simulator.LoopbackPorts;
import dev.botty.simulator.PingProbe;
import dev.botty.simulator.SigningKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service, started with the image's own JVM flags (the 22 MB heap and
 * {@code ExitOnOutOfMemoryError} included), under every attack {@link HostileClients} knows at
 * once, while {@link PingProbe} sends a signed PING every 100 ms on a fresh connection as Discord
 * would. The process must live, and every PING must be answered 200 within Discord's 3 s.
 */
class HostileClientsIT {
    private static final Path JAR = Path.of("target", "interactions-api.jar");
    private static final Path IMAGE_FLAGS = Path.of("..", "deploy", "jvm");
    private static final Duration ATTACK = Duration.ofSeconds(20);

    @Test
    void survivesHostileClientsAndAnswersEveryPingInTime(@TempDir Path dir) throws Exception {
        int[] ports = LoopbackPorts.free(2);
        int port = ports[0];
        int management = ports[1];
        Path keyFile = dir.resolve("key");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java,
                "@" + IMAGE_FLAGS.resolve("jvm.options").toAbsolutePath(),
                "@" + IMAGE_FLAGS.resolve("interactions-api.jvm.options").toAbsolutePath(),
                "-jar", JAR.toAbsolutePath().toString(), "local"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.log").toFile())
                .redirectError(dir.resolve("err.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("MICRONAUT_") || k.startsWith("ENDPOINTS_")
                || k.startsWith("BOTTY_") || k.startsWith("JAVA_TOOL"));
        builder.environment().putAll(Map.of("MICRONAUT_SERVER_PORT", Integer.toString(port), "ENDPOINTS_ALL_PORT", Integer.toString(management),
                "LOCAL_KEY_FILE", keyFile.toString()));
        Process process = builder.start();
        try {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
            SigningKey key = awaitKey(keyFile, process, dir);
            try (PingProbe warmup = PingProbe.start(target, "/interactions", key, Duration.ofMillis(100))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (warmup.summary().answered() == 0 && System.nanoTime() < deadline && process.isAlive()) {
                    Thread.sleep(100);
                }
                assertTrue(warmup.summary().answered() > 0, "answers before the attack: " + warmup.summary());
            }
            long rssBefore = rssKb(process);

            PingProbe probe = PingProbe.start(target, "/interactions", key, Duration.ofMillis(100));
            Map<Kind, Tally> tallies;
            long rssPeak = rssBefore;
            try (HostileClients attack = HostileClients.start(target, "/interactions", HostileClients.standardMix())) {
                long end = System.nanoTime() + ATTACK.toNanos();
                while (System.nanoTime() < end && process.isAlive()) {
                    Thread.sleep(500);
                    rssPeak = Math.max(rssPeak, rssKb(process));
                }
                tallies = attack.tallies();
            } finally {
                probe.close();
            }
            String log = Files.readString(dir.resolve("out.log")) + Files.readString(dir.resolve("err.log"));
            assertTrue(process.isAlive(), "the service died under attack:\n" + tail(log));
            assertFalse(log.contains("OutOfMemoryError"), tail(log));

            PingProbe.Summary pings = probe.summary();
            String report = "pings: " + pings + "\nRSS before " + rssBefore + " kB, peak " + rssPeak + " kB\n" + tallies;
            System.out.println(report);
            assertTrue(pings.sent() >= ATTACK.toMillis() / 100 / 2, report);
            assertEquals(pings.sent(), pings.answered(), report);

            // Every attack met a limit, and nothing a client sent got a 5xx but the budget's 503.
            tallies.forEach((kind, tally) -> {
                assertTrue(tally.opened() > 0, kind + " never connected: " + report);
                tally.answers().keySet().forEach(status ->
                        assertTrue(status == 0 || (status >= 400 && status < 500) || status == 503, kind + " got " + status + ": " + report));
            });
            assertTrue(tallies.get(Kind.BAD_SIGNATURES).answers().getOrDefault(401, 0L) > 100, report);
            assertTrue(tallies.get(Kind.OVERSIZED_HEAD).answers().keySet().stream().allMatch(status -> status == 400 || status == 413 || status == 431), report);
            assertTrue(tallies.get(Kind.ANNOUNCED_BODY).answers().getOrDefault(408, 0L) > 0, report);
            String metrics = scrape(management);
            // The connection limit is tested on its own (ConnectionGuardTest): this mix stays under it.
            for (String cause : List.of("timeout", "memory")) {
                assertTrue(cutOffs(metrics, cause) > 0, "no connection cut off for " + cause + ": " + report);
            }

            // And afterwards it is the service it was: a PING on a quiet port.
            try (PingProbe after = PingProbe.start(target, "/interactions", key, Duration.ofMillis(100))) {
                Thread.sleep(500);
                assertTrue(after.summary().answered() > 0 && after.summary().failures().isEmpty(), after.summary().toString());
            }
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static SigningKey awaitKey(Path keyFile, Process process, Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(keyFile) && Files.size(keyFile) > 0) {
                return SigningKey.read(keyFile);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service did not start: " + Files.readString(dir.resolve("err.log")));
    }

    private static long rssKb(Process process) throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(status));
        return rss.find() ? Long.parseLong(rss.group(1)) : 0;
    }

    private static String scrape(int management) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/metrics")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double cutOffs(String metrics, String cause) {
        Matcher line = Pattern.compile("^botty_http_cutoffs_total\\{cause=\"" + cause + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 4_000));
    }
}
