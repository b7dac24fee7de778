package dev.botty.interactions.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.ClosedPort;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.voice.FakeVoiceNode;
import dev.botty.interactions.voice.NodeStatusJson;
import dev.botty.simulator.InteractionBuilder;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page as a browser renders it: the app runs with one voice node up (a guild playing,
 * a queue, a Lavalink node with frame stats) and one unreachable; headless Chromium loads the page
 * from the management port, and what it rendered must say what {@code /api/status} says. The
 * screenshot it takes is the one in the README.
 */
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 1000;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path scratch;

    @Test
    void chromiumRendersWhatTheJsonSaysAndTakesTheReadmeScreenshot() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("headless Chromium is needed at " + CHROMIUM + " for the status page test: "
                    + "sudo apt-get install -y --no-install-recommends chromium (.ci/run installs it)");
        }
        try (FakeVoiceNode up = new FakeVoiceNode(StatusEndpointTest.SECRET).reporting(200, NodeStatusJson.playing(0));
                ClosedPort down = new ClosedPort();
                TestApp app = TestApp.start(Map.of("VOICE_NODE_URLS", up.url() + "," + down.url(),
                        "VOICE_NODE_SECRET", StatusEndpointTest.SECRET))) {
            app.post(InteractionBuilder.command("avatar"));
            app.post(InteractionBuilder.command("avatar"));
            app.post(InteractionBuilder.command("no-such-command-12345"));
            String page = app.managementUri().resolve("/").toString();

            JsonNode status = TestApp.json(StatusEndpointTest.get(app.managementUri().resolve("/api/status")).body());
            String dom = chromium("dom", "--dump-dom", page);

            assertEquals(status.path("version").asText(), text(dom, "<span id=\"api-version\">(.*?)</span>"));
            for (String command : List.of("avatar", "unknown")) {
                for (String outcome : List.of("ok", "refused", "failed")) {
                    assertEquals(status.path("commands").path(command).path(outcome).asLong(0),
                            Long.parseLong(text(dom, "(?s)id=\"api-commands\".*?<tr data-command=\"" + command
                                    + "\">.*?data-outcome=\"" + outcome + "\">(\\d+)</td>")),
                            command + " " + outcome);
                }
            }
            assertEquals(2, status.path("commands").path("avatar").path("ok").asLong(), "the counters the page showed are the real ones");

            JsonNode upNode = status.path("voiceNodes").path(0);
            JsonNode downNode = status.path("voiceNodes").path(1);
            assertTrue(upNode.path("reachable").asBoolean());
            assertEquals("true", text(dom, "id=\"node-0\" data-reachable=\"(\\w+)\""));
            assertEquals("false", text(dom, "id=\"node-1\" data-reachable=\"(\\w+)\""));
            assertEquals("unreachable", text(dom, "(?s)id=\"node-1\".*?<span class=\"badge down node-state\">(.*?)</span>"));
            assertTrue(text(dom, "(?s)id=\"node-1\".*?<p class=\"problem\">(.*?)</p>").contains(downNode.path("problem").asText()));

            JsonNode node = upNode.path("status");
            JsonNode guild = node.path("guilds").path(0);
            String nodeSection = text(dom, "(?s)(<section[^>]*id=\"node-0\".*?</section>)");
            assertEquals(node.path("version").asText(), text(nodeSection, "<dd class=\"version\">(.*?)</dd>"));
            assertEquals(guild.path("guildName").asText(), text(nodeSection, "<td class=\"guild-name\">(.*?)</td>"));
            assertEquals(guild.path("nowPlaying").path("title").asText(), text(nodeSection, "<span class=\"title\">(.*?)</span>"));
            assertEquals(NodeStatusJson.TITLE, text(nodeSection, "<span class=\"title\">(.*?)</span>"), "shown as text, not markup");
            assertEquals(guild.path("queueLength").asInt(), Integer.parseInt(text(nodeSection, "<td class=\"num queue-length\">(\\d+)</td>")));
            assertEquals(node.path("lavalink").path(0).path("name").asText(), text(nodeSection, "<td class=\"lavalink-name\">(.*?)</td>"));
            assertEquals(node.path("lavalink").path(0).path("frames").path("deficit").asInt(),
                    Integer.parseInt(text(nodeSection, "<td class=\"num frames-deficit\">(\\d+)</td>")));
            assertEquals(node.path("commands").path("play").path("ok").asLong(),
                    Long.parseLong(text(nodeSection, "(?s)<tr data-command=\"play\">.*?data-outcome=\"ok\">(\\d+)</td>")));

            // Taken every run; the README's copy is replaced only when missing or when asked
            // (-Dbotty.screenshots=update), since uptime and time differ on every run.
            Path screenshot = Files.createDirectories(Path.of("target", "screenshots")).resolve("status-page.png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            chromium("screenshot", "--screenshot=" + screenshot, "--window-size=" + WIDTH + "," + HEIGHT, "--hide-scrollbars", page);
            assertTrue(Files.isRegularFile(screenshot), "Chromium wrote " + screenshot);
            assertPng(screenshot, WIDTH, HEIGHT);
            Path readme = repositoryRoot().resolve("docs/images/status-page.png");
            if (Files.notExists(readme) || "update".equals(System.getProperty("botty.screenshots"))) {
                Files.createDirectories(readme.getParent());
                Files.copy(screenshot, readme, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Runs Chromium headless with a fresh profile and nothing that phones home; returns its stdout. */
    private String chromium(String name, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(scratch.resolve("profile-" + name));
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(Arrays.asList(arguments));
        Path out = scratch.resolve(name + ".out");
        Path err = scratch.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 120 s: " + Files.readString(err));
        }
        assertEquals(0, process.exitValue(), () -> "Chromium failed: " + readQuietly(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The first group of the pattern's first match, with the HTML entities of serialized text undone. */
    private static String text(String html, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no match for " + pattern + " in the rendered page:\n" + html);
        }
        return matcher.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }

    private static Path repositoryRoot() {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent();
        assertTrue(Files.isRegularFile(module.resolve("pom.xml")) && Files.isRegularFile(root.resolve("README.md")),
                "the test runs in interactions-api/ inside the repository, not " + module);
        return root;
    }

    /** A real PNG: the signature, then the IHDR chunk with this width and height. */
    private static void assertPng(Path file, int width, int height) throws IOException {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = new byte[8];
            data.readFully(signature);
            assertArrayEquals(PNG_SIGNATURE, signature, "a PNG signature");
            assertEquals(13, data.readInt(), "IHDR length");
            byte[] type = new byte[4];
            data.readFully(type);
            assertEquals("IHDR", new String(type, StandardCharsets.US_ASCII));
            assertEquals(width, data.readInt(), "width");
            assertEquals(height, data.readInt(), "height");
        }
        assertTrue(Files.size(file) > 10_000, "a picture, not an empty canvas: " + Files.size(file) + " bytes");
    }
}
