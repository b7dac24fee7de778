package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.CAROL;
import static dev.botty.voice.music.MusicWorld.GENERAL;
import static dev.botty.voice.music.MusicWorld.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.internal.MusicControls;
import dev.botty.internal.MusicReply;
import dev.botty.voice.queue.LoopMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The now-playing message's buttons: posted with the message, and each click does what its command does. */
class ControlsTest extends MusicWorldTest {
    private MusicReply click(long user, MusicControls.Action action) throws Exception {
        return world.run(user, MusicControls.COMMAND, Map.of(MusicControls.ACTION, action.key()));
    }

    private static List<String> labels(MusicReply reply) {
        return reply.controls().stream().map(MusicReply.Control::label).toList();
    }

    @Test
    void theNowPlayingMessageCarriesTheButtonsAndEachClickUpdatesIt() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.run(ALICE, "play", Map.of("query", "lofi"));
        world.awaitPlaying("Loopback Rock");
        eventually(() -> world.discord.channelMessages(GENERAL).stream().anyMatch(m -> m.path("components").size() == 1), "the buttons");
        JsonNode row = world.discord.channelMessages(GENERAL).getLast().path("components").get(0);
        assertEquals(5, row.path("components").size());
        assertEquals("botty:music:v1:pause", row.path("components").get(0).path("custom_id").asText());
        assertTrue(row.path("components").get(4).path("disabled").asBoolean(), "one track waiting: nothing to shuffle");
        assertEquals(List.of(), world.discord.refused(), "Discord's schema takes the message with its buttons");

        MusicReply paused = click(ALICE, MusicControls.Action.PAUSE);
        assertTrue(paused.update(), paused.toString());
        assertTrue(paused.card().title().startsWith("⏸️ Loopback Rock"), paused.card().title());
        assertEquals(List.of("Resume", "Skip", "Stop", "Loop: off", "Shuffle"), labels(paused));
        assertTrue(world.music().isPaused());
        assertEquals(List.of("Pause", "Skip", "Stop", "Loop: off", "Shuffle"), labels(click(ALICE, MusicControls.Action.PAUSE)));

        assertEquals("Loop: queue", labels(click(ALICE, MusicControls.Action.LOOP)).get(3));
        assertEquals(LoopMode.QUEUE, world.music().loop());
        assertTrue(click(ALICE, MusicControls.Action.LOOP).controls().get(3).active(), "a loop that is on is highlighted");
        click(ALICE, MusicControls.Action.LOOP);
        assertEquals(LoopMode.OFF, world.music().loop());

        MusicReply refused = click(CAROL, MusicControls.Action.SKIP);
        assertFalse(refused.update(), "a refusal goes to the clicker alone");
        assertEquals(MusicReply.Outcome.REFUSED, refused.outcome());

        MusicReply skipped = click(ALICE, MusicControls.Action.SKIP);
        assertTrue(skipped.card().title().startsWith("🎶 Lofi beats"), skipped.card().title());
        MusicReply stopped = click(ALICE, MusicControls.Action.STOP);
        assertEquals("⏹️ Stopped", stopped.card().title());
        assertEquals(List.of(), stopped.controls(), "nothing plays: no buttons");
        assertEquals("🔇 Nothing is playing.", click(ALICE, MusicControls.Action.PAUSE).content());
    }
}
