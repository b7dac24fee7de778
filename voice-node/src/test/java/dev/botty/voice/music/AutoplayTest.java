package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.CAROL;
import static dev.botty.voice.music.MusicWorld.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.internal.MusicReply;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /autoplay}: when the queue runs out a related track plays, never one played lately. */
class AutoplayTest extends MusicWorldTest {

    @Test
    void theMixOfTheLastTrackGoesOnWithWhatHasNotPlayedAndThenItStops() throws Exception {
        world.run(ALICE, "play", Map.of("query", "lofi"));
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.awaitPlaying("Lofi beats to test bots to");
        assertEquals("♾️ Autoplay is on: when the queue runs out, I'll play something related that hasn't played lately.",
                world.run(ALICE, "autoplay", Map.of("mode", "on")).content());
        assertEquals("♾️ Autoplay is on already.", world.run(ALICE, "autoplay", Map.of("mode", "on")).content());

        world.advance(Duration.ofSeconds(181)); // lofi ends; the rock plays
        world.awaitPlaying("Loopback Rock");
        MusicReply queue = world.run(CAROL, "queue");
        assertTrue(queue.card().description().endsWith("The queue is empty: autoplay picks what comes next."), queue.card().description());
        assertTrue(queue.card().footer().endsWith(" · autoplay on"), queue.card().footer());
        assertEquals(Boolean.TRUE, world.status().guilds().getFirst().autoplay(), "the status page shows it");
        assertTrue(dev.botty.service.status.StatusHtml.nodePage(world.status(), java.time.Instant.now()).contains("off · autoplay"));

        // The rock's mix is the rock, Rick Astley and the lofi beats: the two that played are passed over.
        world.advance(Duration.ofSeconds(241));
        world.awaitPlaying("Rick Astley - Never Gonna Give You Up");
        QueuedTrack picked = world.music().current();
        assertEquals(Autoplay.REQUESTER, picked.requesterId());
        assertEquals("♾️ autoplay", world.run(CAROL, "nowplaying").card().fields().getFirst().value());

        // Rick's mix and a search for his channel hold nothing new: the music stops.
        eventually(() -> world.music().history().size() == 3, "Lavalink said Rick started");
        world.advance(Duration.ofSeconds(213));
        eventually(() -> world.music().current() == null, "the queue finished");
        assertEquals(3, world.music().history().size(), "nothing was played twice");
    }

    @Test
    void withAutoplayOffTheMusicStopsAndTheSettingOutlivesARestart() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.awaitPlaying("Loopback Rock");
        world.run(ALICE, "autoplay", Map.of("mode", "on"));
        assertEquals("♾️ Autoplay is off: the music stops when the queue runs out.", world.run(ALICE, "autoplay", Map.of("mode", "off")).content());
        world.advance(Duration.ofSeconds(241));
        eventually(() -> world.music().current() == null, "the queue finished");

        world.run(ALICE, "autoplay", Map.of("mode", "on"));
        world.jukebox().flush();
        world.stopNode();
        world.startNode();
        assertTrue(world.music().autoplay(), "kept in SQLite");
    }
}
