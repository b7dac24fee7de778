package dev.botty.lavalink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.botty.lavalink.protocol.v4.LoadResult;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.simulator.FakeLavalink;
import dev.botty.simulator.LavalinkCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulator's Lavalink, checked by parties botty did not write: the Node.js script in
 * {@code src/test/node} drives it with Shoukaku 4.3.0 and validates every REST request, answer
 * and WebSocket message with lavaclient's lavalink-protocol 1.2.1 schemas (both pinned in its
 * package-lock.json). The requests botty's own client sends are validated there too.
 *
 * <p>Needs Node.js 20 or newer and the npm registry ({@code bash .ci/validate} installs Node.js on
 * a fresh machine); without them this test fails, never skips.
 */
class ThirdPartyLavalinkClientIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/lavalink-check");
    private static final long GUILD = 817327181659111454L;
    private static final long CHANNEL = 1234567890123456L;

    @Test
    void shoukakuAndLavalinkProtocolAcceptTheSimulatedLavalinkAndBottysRequests() throws Exception {
        prepare();
        try (FakeLavalink lavalink = FakeLavalink.start()) {
            writeBottysRequests(lavalink);
            Process check = new ProcessBuilder("node", "lavalink-check.mjs", "127.0.0.1:" + lavalink.port(), lavalink.password(),
                    Long.toString(LavalinkNodeRestTest.BOT), Long.toString(GUILD), Long.toString(CHANNEL), "botty-requests.json")
                    .directory(WORK.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(check.waitFor(90, TimeUnit.SECONDS), "the check ran past 90 s:\n" + output);
            System.out.println(output);
            assertEquals(0, check.exitValue(), output);
            assertTrue(output.contains("× WebSocket ready") && output.contains("× PATCH") && output.contains("botty's PATCH"),
                    "the check saw the messages and requests it is for:\n" + output);
        }
    }

    /** The script and its pinned packages in a directory of their own under target (npm ci). */
    private static void prepare() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "lavalink-check.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Process version;
        try {
            version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new AssertionError("Node.js 20 or newer is needed for this test (bash .ci/validate installs it): " + missing.getMessage());
        }
        String installed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        version.waitFor();
        assertTrue(installed.matches("v(2\\d|[3-9]\\d)\\..*"), "Node.js 20 or newer is needed, found " + installed);
        Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(WORK.toFile()).redirectErrorStream(true).start();
        String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(install.waitFor(5, TimeUnit.MINUTES), "npm ci ran past 5 minutes:\n" + log);
        assertEquals(0, install.exitValue(), "npm ci failed:\n" + log);
    }

    /** Runs botty's client through a player's life against the server and writes down every request with a body it sent. */
    private static void writeBottysRequests(FakeLavalink lavalink) throws Exception {
        Recorder recorder = new Recorder();
        try (LavalinkNode node = new LavalinkNode(LavalinkNodeRestTest.config(lavalink, "botty"), recorder)) {
            node.start();
            recorder.awaitState("botty", NodeState.CONNECTED);
            Track track = ((LoadResult.TrackLoaded) node.loadTracks("https://www.youtube.com/watch?v=" + LavalinkCatalogue.RICK_ASTLEY)
                    .get(10, TimeUnit.SECONDS)).track();
            node.decodeTracks(List.of(track.encoded())).get(10, TimeUnit.SECONDS);
            node.updatePlayer(GUILD, PlayerUpdate.voice(LavalinkNodeRestTest.VOICE)).get(10, TimeUnit.SECONDS);
            node.updatePlayer(GUILD, PlayerUpdate.builder().track(track).volume(80).paused(false).position(1_000)
                    .filters(JsonNodeFactory.instance.objectNode().put("volume", 1.0)).build()).get(10, TimeUnit.SECONDS);
            node.updatePlayer(GUILD, PlayerUpdate.builder().endTime(null).build(), true).get(10, TimeUnit.SECONDS);
            node.updatePlayer(GUILD, PlayerUpdate.stopTrack()).get(10, TimeUnit.SECONDS);
            node.updateSession(true, Duration.ofSeconds(60)).get(10, TimeUnit.SECONDS);
            node.destroyPlayer(GUILD).get(10, TimeUnit.SECONDS);
        }
        ArrayNode requests = JSON.createArrayNode();
        for (FakeLavalink.Call call : lavalink.calls()) {
            if (call.body() != null && !call.body().isEmpty()) {
                JsonNode body = JSON.readTree(call.body());
                requests.addObject().put("method", call.method()).put("path", call.path()).set("body", body);
            }
        }
        assertTrue(requests.size() >= 6, "botty's client sent its requests: " + requests);
        Files.writeString(WORK.resolve("botty-requests.json"), requests.toPrettyString());
    }
}
