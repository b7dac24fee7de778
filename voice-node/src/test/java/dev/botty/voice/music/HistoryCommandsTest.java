package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.internal.MusicReply;
import dev.botty.voice.queue.QueuedTrack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /history} and {@code /previous}: what played, kept in SQLite across a restart. */
class HistoryCommandsTest extends MusicWorldTest {

    @Test
    void historyListsWhatPlayedAndPreviousPlaysTheOneBefore() throws Exception {
        assertEquals("📜 Nothing has played here yet. `/play` something!", world.run(CAROL, "history").content());
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.run(ALICE, "play", Map.of("query", "lofi"));
        world.awaitPlaying("Loopback Rock");
        world.run(ALICE, "skip");
        world.awaitPlaying("Lofi beats to test bots to");
        MusicWorld.eventually(() -> world.music().history().size() == 2, "Lavalink said the second track started");

        MusicReply history = world.run(CAROL, "history");
        assertEquals(MusicReply.Outcome.OK, history.outcome(), history.toString());
        String text = history.card().description();
        assertTrue(text.startsWith("`1.` [Lofi beats to test bots to]"), text);
        assertTrue(text.contains("`2.` [Loopback Rock](https://www.youtube.com/watch?v=bottyRock02) · 4:00 · <@" + ALICE + ">"), text);
        assertEquals("Page 1/1 · 2 tracks, newest first", history.card().footer());
        assertEquals("📄 There is 1 page of history.", world.run(CAROL, "history", Map.of("page", "2")).content());

        MusicReply back = world.run(ALICE, "previous");
        assertEquals("⏮️ Back to [Loopback Rock](https://www.youtube.com/watch?v=bottyRock02). What was playing is next in the queue.",
                back.content());
        world.awaitPlaying("Loopback Rock");
        assertEquals(List.of("Lofi beats to test bots to"), world.music().queue().stream().map(QueuedTrack::title).toList());
        MusicWorld.eventually(() -> world.music().history().getFirst().title().equals("Loopback Rock"), "playing again is the newest entry");
        assertEquals(3, world.music().history().size());
    }

    @Test
    void theHistoryOutlivesARestartAndLeaving() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.awaitPlaying("Loopback Rock");
        MusicWorld.eventually(() -> !world.music().history().isEmpty(), "Lavalink said the track started");
        world.run(ALICE, "leave");
        world.jukebox().flush();
        world.stopNode();
        world.startNode();

        MusicReply history = world.run(CAROL, "history");
        assertTrue(history.card().description().startsWith("`1.` [Loopback Rock]"), history.toString());
        assertEquals("🎧 I'm not in a voice channel. `/play` something first.", world.run(ALICE, "previous").content(),
                "steering needs the bot in voice");
    }
}
