package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.GUILD;
import static dev.botty.voice.music.MusicWorld.LOUNGE;
import static dev.botty.voice.music.MusicWorld.TIMEOUT;
import static dev.botty.voice.music.MusicWorld.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.simulator.FakeGateway;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;


/** What survives: a restart of the node (SQLite), and Lavalink dropping or losing its session. */
class MusicRestartTest extends MusicWorldTest {

    private List<String> queueTitles() {
        return world.music().queue().stream().map(QueuedTrack::title).toList();
    }

    private void playThreeLoopingAt70Percent() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.run(ALICE, "play", Map.of("query", "lofi"));
        world.run(ALICE, "play", Map.of("query", "waltz"));
        world.run(ALICE, "loop", Map.of("mode", "queue"));
        world.run(ALICE, "volume", Map.of("level", "70"));
        world.awaitPlaying("Loopback Rock");
        world.lavalink.advance(Duration.ofSeconds(75)); // the node learns the position from Lavalink's updates alone
        eventually(() -> world.music().position() >= 75_000, "position reported");
        world.jukebox().flush();
    }

    @Test
    void aRestartedNodeResumesItsLavalinkSessionAndThePlayerNeverStops() throws Exception {
        playThreeLoopingAt70Percent();
        world.stopNode();
        // The session stays resumable: Lavalink's player plays on while the node is away.
        assertEquals(1, world.lavalink.playerCount());
        world.lavalink.advance(Duration.ofSeconds(10));
        int callsBefore = world.lavalink.calls().size();
        world.startNode();

        world.lavalink.awaitHandshake(h -> h.resumed(), TIMEOUT);
        world.gateway.awaitReceived(FakeGateway.VOICE_STATE_UPDATE, d -> d.path("channel_id").asText().equals(Long.toString(LOUNGE)), TIMEOUT);
        eventually(() -> world.lavalink.calls().stream().skip(callsBefore)
                .anyMatch(c -> c.method().equals("PATCH") && c.body() != null && c.body().contains("\"voice\"")), "the new voice connection handed over");
        assertTrue(world.lavalink.calls().stream().skip(callsBefore)
                .noneMatch(c -> c.method().equals("PATCH") && c.body() != null && c.body().contains("\"encoded\"")),
                "no track given again: the player never stopped");
        assertEquals("Loopback Rock", world.playingTitle());
        assertTrue(world.player().path("state").path("position").asLong() >= 85_000, world.player().toString());
        assertTrue(world.music().position() >= 85_000, "the node took Lavalink's position: " + world.music().position());
        assertEquals(List.of("Lofi beats to test bots to", "Loopback Waltz"), queueTitles());
        assertEquals(LoopMode.QUEUE, world.music().loop());
        assertEquals(70, world.music().volume());
    }

    @Test
    void whenLavalinkLostTheSessionMeanwhileTheTrackIsGivenAgainWhereItWas() throws Exception {
        playThreeLoopingAt70Percent();
        world.stopNode();
        world.lavalink.restart(false); // Lavalink restarted too: the session and its player are gone
        eventually(() -> world.lavalink.playerCount() == 0, "Lavalink's players gone with its restart");
        int playerPatches = world.lavalink.calls().size();
        world.startNode();

        // The bot asks to be in its channel again, and Lavalink gets the track where it was.
        world.gateway.awaitReceived(FakeGateway.VOICE_STATE_UPDATE, d -> d.path("channel_id").asText().equals(Long.toString(LOUNGE)), TIMEOUT);
        world.lavalink.awaitCall(c -> world.lavalink.calls().indexOf(c) >= playerPatches && c.method().equals("PATCH")
                && c.body() != null && c.body().contains("\"encoded\""), TIMEOUT);
        JsonNode resumed = world.lavalink.calls().stream().skip(playerPatches)
                .filter(c -> c.method().equals("PATCH") && c.body() != null && c.body().contains("\"encoded\""))
                .findFirst().orElseThrow().json();
        long position = resumed.path("position").asLong();
        assertTrue(position >= 70_000 && position <= 80_000, "resumed at " + position + " ms");
        assertEquals(70, resumed.path("volume").asInt());
        assertEquals(List.of("Lofi beats to test bots to", "Loopback Waltz"), queueTitles());
        assertEquals(LoopMode.QUEUE, world.music().loop());
        assertEquals(LOUNGE, world.music().voiceChannelId());
    }

    @Test
    void aGuildThatLeftStaysGoneAfterARestartButKeepsItsSettings() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.run(ALICE, "volume", Map.of("level", "55"));
        world.run(ALICE, "leave");
        world.jukebox().flush();
        world.stopNode();
        int framesBefore = world.gateway.frames().size();
        world.startNode();

        Thread.sleep(500);
        assertTrue(world.gateway.frames().stream().skip(framesBefore).noneMatch(f -> f.direction() == FakeGateway.Frame.Direction.RECEIVED
                && f.op() == FakeGateway.VOICE_STATE_UPDATE && f.d().path("channel_id").asText().equals(Long.toString(LOUNGE))),
                "no rejoin after a restart");
        assertEquals(0, world.music().voiceChannelId());
        assertEquals(55, world.music().volume());
    }

    @Test
    void aDroppedLavalinkConnectionResumesItsSessionAndPlaysOn() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.run(ALICE, "play", Map.of("query", "lofi"));
        world.awaitPlaying("Loopback Rock");

        world.lavalink.dropConnections();
        world.lavalink.awaitHandshake(h -> h.resumed(), TIMEOUT);
        eventually(() -> world.jukebox().lavalinkNodes().getFirst().state().equals("CONNECTED"), "reconnected");

        // Events after the resume still drive the loop.
        world.advance(Duration.ofMinutes(4));
        world.awaitPlaying("Lofi beats to test bots to");
    }

    @Test
    void aLavalinkThatLostItsSessionGetsThePlayerBack() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.awaitPlaying("Loopback Rock");
        world.lavalink.advance(Duration.ofSeconds(30));
        eventually(() -> world.music().position() >= 30_000, "position reported");

        world.lavalink.restart(false);
        eventually(() -> world.lavalink.player(GUILD).isPresent(), "player re-created on the fresh session");
        world.awaitPlaying("Loopback Rock");
        JsonNode player = world.lavalink.player(GUILD).orElseThrow();
        assertEquals(Long.toString(LOUNGE), player.path("voice").path("channelId").asText());
        assertTrue(player.path("state").path("position").asLong() >= 25_000, player.toString());
    }

    @Test
    void withoutLavalinkPlaySaysSoAndTheQueueWaits() throws Exception {
        world.lavalink.takeDown(false);
        eventually(() -> !world.jukebox().lavalinkNodes().getFirst().state().equals("CONNECTED"), "noticed Lavalink is gone");
        var answer = world.run(ALICE, "play", Map.of("query", "loopback rock"));
        assertEquals("🔌 The music server is unreachable right now; try again in a minute.", answer.content());
        world.lavalink.bringUp();
        eventually(() -> world.jukebox().lavalinkNodes().getFirst().state().equals("CONNECTED"), "back");
        assertEquals("▶️ Playing", world.run(ALICE, "play", Map.of("query", "loopback rock")).content().substring(0, 10));
        world.awaitPlaying("Loopback Rock");
    }
}
