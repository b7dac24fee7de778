package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.CAROL;
import static dev.botty.voice.music.MusicWorld.TIMEOUT;
import static dev.botty.voice.music.MusicWorld.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botty.internal.MusicReply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /filter}: a sound preset through Lavalink's filters, shown by /nowplaying, kept across tracks and restarts. */
class FilterCommandsTest extends MusicWorldTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode lavalinkFilters() throws InterruptedException {
        return world.player().path("filters");
    }

    @Test
    void aPresetReachesLavalinkShowsInNowPlayingAndOffClearsIt() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.awaitPlaying("Loopback Rock");

        MusicReply on = world.run(ALICE, "filter", Map.of("preset", "nightcore"));
        assertEquals("🎛️ Nightcore is on.", on.content());
        eventually(() -> {
            try {
                return lavalinkFilters().path("timescale").path("speed").asDouble() == 1.25;
            } catch (InterruptedException e) {
                return false;
            }
        }, "Lavalink's player has the nightcore timescale");
        assertEquals("🎛️ Nightcore is on already.", world.run(ALICE, "filter", Map.of("preset", "nightcore")).content());
        assertTrue(world.run(CAROL, "nowplaying").card().footer().endsWith(" · filter nightcore"), "/nowplaying says so");

        world.run(ALICE, "filter", Map.of("preset", "8d"));
        eventually(() -> {
            try {
                return lavalinkFilters().equals(JSON.readTree("{\"rotation\":{\"rotationHz\":0.2}}"));
            } catch (Exception e) {
                return false;
            }
        }, "8D replaces nightcore rather than adding to it");

        assertEquals("🎛️ Filters off: the music sounds as recorded.", world.run(ALICE, "filter", Map.of("preset", "off")).content());
        eventually(() -> {
            try {
                return lavalinkFilters().isEmpty();
            } catch (InterruptedException e) {
                return false;
            }
        }, "no filter left on Lavalink's player");
        assertEquals("🎛️ No filter is on.", world.run(ALICE, "filter", Map.of("preset", "off")).content());
    }

    @Test
    void theFilterComesBackWithThePlayerAfterARestart() throws Exception {
        world.run(ALICE, "play", Map.of("query", "loopback rock"));
        world.awaitPlaying("Loopback Rock");
        world.run(ALICE, "filter", Map.of("preset", "bassboost"));
        world.jukebox().flush();
        world.stopNode();
        world.lavalink.restart(false); // Lavalink lost the session too: the player is made again, with its filter
        eventually(() -> world.lavalink.playerCount() == 0, "the old session's player is gone");
        int before = world.lavalink.calls().size();
        world.startNode();

        JsonNode replay = world.lavalink.awaitCall(c -> world.lavalink.calls().indexOf(c) >= before && "PATCH".equals(c.method())
                && c.body() != null && c.body().contains("\"encoded\""), TIMEOUT).json();
        assertEquals(0.30, replay.path("filters").path("equalizer").path(0).path("gain").asDouble(), replay.toString());
        assertEquals("bassboost", world.status().guilds().getFirst().filter(), "the status page shows it");
    }
}
