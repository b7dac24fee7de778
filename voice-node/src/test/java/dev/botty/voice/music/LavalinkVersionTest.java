package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.internal.MusicReply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Lavalink older than 4.2 cannot join DAVE voice: the node refuses it, says so, and does not use it. */
class LavalinkVersionTest {
    @Test
    void aLavalinkOlderThan42IsRefusedVisibly(@TempDir Path data) throws Exception {
        try (MusicWorld world = MusicWorld.prepare(data)) {
            world.lavalink().version("4.1.2");
            world.startNode(false);
            eventually(() -> world.jukebox().lavalinkNodes().getFirst().state().equals("REFUSED"), "the node refused");
            assertEquals("4.1.2", world.jukebox().lavalinkNodes().getFirst().version());
            eventually(() -> world.errors().list().stream().anyMatch(e -> e.message().contains("older than 4.2")), "said so");

            MusicReply answer = world.run(ALICE, "play", Map.of("query", "lofi"));
            assertEquals(MusicReply.Outcome.ERROR, answer.outcome());
            assertEquals("🔌 The music server is unreachable right now; try again in a minute.", answer.content());
            assertTrue(world.lavalink().player(MusicWorld.GUILD).isEmpty(), "nothing sent to it");
        }
    }
}
