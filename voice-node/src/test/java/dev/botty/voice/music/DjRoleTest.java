package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.BOB;
import static dev.botty.voice.music.MusicWorld.CAROL;
import static dev.botty.voice.music.MusicWorld.GUILD;
import static dev.botty.voice.music.MusicWorld.LOUNGE;
import static dev.botty.voice.music.MusicWorld.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.botty.internal.MusicReply;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code DJ_ROLE_ID}: the steering commands belong to DJs and to whoever queued what plays; anyone else's skip is a vote. */
class DjRoleTest extends MusicWorldTest {
    private static final long DJ = 41771983423143999L;
    private static final String REFUSED = "🎚️ That is for DJs (<@&" + DJ + ">) and whoever queued what is playing.";

    @BeforeEach
    void withADjRole() throws Exception {
        world.stopNode();
        world.djRole = OptionalLong.of(DJ);
        world.startNode();
        world.gateway.moveUser(GUILD, CAROL, LOUNGE); // three people in the bot's channel
        eventually(() -> world.jukebox().services().gateway().listeners(GUILD, LOUNGE) == 3, "Carol in the Lounge");
    }

    @Test
    void theSteeringCommandsBelongToDjsAndToWhoeverQueuedTheTrack() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.run(ALICE, "play", Map.of("query", "lofi"));
        world.awaitPlaying("Loopback Rock");

        for (Map.Entry<String, Map<String, String>> command : Map.of("stop", Map.<String, String>of(), "volume", Map.of("level", "50"),
                "filter", Map.of("preset", "nightcore"), "jump", Map.of("position", "1"), "remove", Map.of("position", "1")).entrySet()) {
            MusicReply reply = world.run(BOB, command.getKey(), command.getValue());
            assertEquals(REFUSED, reply.content(), "/" + command.getKey());
            assertEquals(MusicReply.Outcome.REFUSED, reply.outcome());
        }
        assertEquals("🔊 Volume 50%.", world.runWithRoles(BOB, List.of(DJ), "volume", Map.of("level", "50")).content(), "a DJ may");
        assertEquals("🔊 Volume 60%.", world.run(ALICE, "volume", Map.of("level", "60")).content(), "Alice queued what plays");
        assertEquals(MusicReply.Outcome.OK, world.run(BOB, "queue").outcome(), "anyone may look");
    }

    @Test
    void anyoneElsesSkipIsAVoteThatPassesAtAMajority() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.run(ALICE, "play", Map.of("query", "lofi"));
        world.awaitPlaying("Loopback Rock");

        assertEquals("🗳️ Your vote to skip counts: 1 of the 2 needed.", world.run(BOB, "skip").content());
        assertEquals("🗳️ Your vote to skip counts: 1 of the 2 needed.", world.run(BOB, "skip").content(), "one vote each");
        MusicReply passed = world.run(CAROL, "skip");
        assertEquals("🗳️ The vote passed (2 of 3). ⏭️ Skipped [Loopback Rock](https://www.youtube.com/watch?v=bottyRock02). Now playing"
                + " [Lofi beats to test bots to](https://www.youtube.com/watch?v=bottyLofi01).", passed.content());
        world.awaitPlaying("Lofi beats to test bots to");
        assertEquals("🗳️ Your vote to skip counts: 1 of the 2 needed.", world.run(BOB, "skip").content(), "a new track, a new vote");
        assertEquals("⏭️ Skipped [Lofi beats to test bots to](https://www.youtube.com/watch?v=bottyLofi01). The queue is empty now.",
                world.run(ALICE, "skip").content(), "whoever queued it skips at once");
    }
}
