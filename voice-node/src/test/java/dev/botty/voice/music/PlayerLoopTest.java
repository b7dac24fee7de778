package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.ALONE;
import static dev.botty.voice.music.MusicWorld.BOB;
import static dev.botty.voice.music.MusicWorld.GENERAL;
import static dev.botty.voice.music.MusicWorld.GUILD;
import static dev.botty.voice.music.MusicWorld.IDLE;
import static dev.botty.voice.music.MusicWorld.LOUNGE;
import static dev.botty.voice.music.MusicWorld.MUSIC;
import static dev.botty.voice.music.MusicWorld.TIMEOUT;
import static dev.botty.voice.music.MusicWorld.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.FakeGateway;
import dev.botty.voice.queue.LoopMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;


/** The player loop on Lavalink's events, and the idle rule on the test's clock. */
class PlayerLoopTest extends MusicWorldTest {

    private void play(String query) throws Exception {
        world.run(ALICE, "play", Map.of("query", query));
    }

    private List<FakeDiscord.Call> nowPlayingWrites() {
        return world.discord.calls().stream().filter(c -> c.path().contains("/channels/" + GENERAL + "/messages")).toList();
    }

    private String nowPlayingTitle() {
        List<JsonNode> messages = world.discord.channelMessages(GENERAL);
        return messages.isEmpty() ? null : messages.getLast().path("embeds").get(0).path("title").asText();
    }

    private void awaitLeft() throws InterruptedException {
        world.gateway.awaitReceived(FakeGateway.VOICE_STATE_UPDATE, d -> d.path("channel_id").isNull(), TIMEOUT);
        eventually(() -> world.music().voiceChannelId() == 0, "the guild left voice");
    }

    @Test
    void tracksFollowEachOtherAndTheMessageIsEditedInPlace() throws Exception {
        play("loopback rock");
        play("lofi");
        world.awaitPlaying("Loopback Rock");
        eventually(() -> "🎶 Loopback Rock".equals(nowPlayingTitle()), "now playing: rock");

        world.advance(Duration.ofMinutes(4));
        world.awaitPlaying("Lofi beats to test bots to");
        eventually(() -> "🎶 Lofi beats to test bots to".equals(nowPlayingTitle()), "now playing: lofi");
        eventually(() -> world.discord.voiceStatus(LOUNGE).equals(Optional.of("🎶 Lofi beats to test bots to — botty simulator")), "status");

        world.advance(Duration.ofMinutes(3));
        eventually(() -> "✅ Queue finished".equals(nowPlayingTitle()), "queue finished");
        eventually(() -> world.discord.voiceStatus(LOUNGE).equals(Optional.of("")), "status cleared");
        assertEquals(1, world.discord.channelMessages(GENERAL).size());
        long posts = nowPlayingWrites().stream().filter(c -> c.method().equals("POST")).count();
        assertEquals(1, posts, "one message, edited: " + nowPlayingWrites());
    }

    @Test
    void aTrackThatFailsOrSticksIsSkipped() throws Exception {
        play("loopback rock");
        play("lofi");
        play("waltz");
        world.awaitPlaying("Loopback Rock");

        world.lavalink.trackException(GUILD, "Something broke when playing the track.", "fault");
        world.awaitPlaying("Lofi beats to test bots to");

        world.run(ALICE, "loop", Map.of("mode", "track"));
        world.lavalink.trackStuck(GUILD, 10_000);
        world.awaitPlaying("Loopback Waltz");
        assertEquals(LoopMode.TRACK, world.music().loop(), "the loop mode survives skipping a stuck track");
    }

    @Test
    void nothingPlayingForTheIdleTimeMakesTheBotLeave() throws Exception {
        play("loopback rock");
        world.awaitPlaying("Loopback Rock");
        world.run(ALICE, "stop");

        world.advance(IDLE.minusSeconds(1));
        world.jukebox().sweep();
        assertEquals(LOUNGE, world.music().voiceChannelId(), "still there a second early");

        world.advance(Duration.ofSeconds(1));
        world.jukebox().sweep();
        awaitLeft();
        eventually(() -> "👋 Left the voice channel".equals(nowPlayingTitle()), "says it left");
        assertTrue(world.discord.channelMessages(GENERAL).getLast().path("embeds").get(0).path("description").asText()
                .startsWith("Because nothing played for 10 minutes."));
    }

    @Test
    void pausedCountsAsIdlePlayingDoesNot() throws Exception {
        play("loopback rock");
        world.awaitPlaying("Loopback Rock");
        world.clock.advance(IDLE.plusMinutes(5));
        world.jukebox().sweep();
        assertEquals(LOUNGE, world.music().voiceChannelId(), "playing is never idle");

        world.run(ALICE, "pause");
        world.clock.advance(IDLE);
        world.jukebox().sweep();
        awaitLeft();
    }

    @Test
    void leftAloneTheBotLeavesAfterTheGrace() throws Exception {
        play("loopback rock");
        world.awaitPlaying("Loopback Rock");

        world.gateway.moveUser(GUILD, ALICE, MUSIC);
        world.gateway.disconnectUser(GUILD, BOB);
        eventually(() -> world.music().overdue(world.clock.instant().plus(ALONE)).isPresent(), "alone noticed");
        world.clock.advance(ALONE.minusSeconds(5));
        world.jukebox().sweep();
        assertEquals(LOUNGE, world.music().voiceChannelId());

        // Someone comes back in time: the bot stays.
        world.gateway.moveUser(GUILD, BOB, LOUNGE);
        eventually(() -> world.music().overdue(world.clock.instant().plus(ALONE)).isEmpty(), "company noticed");
        world.clock.advance(ALONE);
        world.jukebox().sweep();
        assertEquals(LOUNGE, world.music().voiceChannelId());

        world.gateway.disconnectUser(GUILD, BOB);
        eventually(() -> world.music().overdue(world.clock.instant().plus(ALONE)).isPresent(), "alone again");
        world.clock.advance(ALONE);
        world.jukebox().sweep();
        awaitLeft();
        eventually(() -> world.lavalink.player(GUILD).isEmpty(), "player destroyed");
        assertEquals(List.of(), world.music().queue());
    }

    @Test
    void disconnectedBySomeoneElseTheBotCleansUp() throws Exception {
        play("loopback rock");
        play("lofi");
        world.awaitPlaying("Loopback Rock");
        world.gateway.disconnectUser(GUILD, FakeGateway.BOT_USER_ID);
        eventually(() -> world.music().voiceChannelId() == 0, "noticed the disconnect");
        eventually(() -> world.lavalink.player(GUILD).isEmpty(), "player destroyed");
        assertEquals(List.of(), world.music().queue());
    }

    @Test
    void draggedToAnotherChannelTheMusicFollows() throws Exception {
        play("loopback rock");
        world.awaitPlaying("Loopback Rock");
        world.gateway.moveUser(GUILD, FakeGateway.BOT_USER_ID, MUSIC);
        eventually(() -> world.music().voiceChannelId() == MUSIC, "moved");
        eventually(() -> world.lavalink.player(GUILD).map(p -> p.path("voice").path("channelId").asText().equals(Long.toString(MUSIC)))
                .orElse(false), "Lavalink follows to the new channel");
        eventually(() -> world.discord.voiceStatus(MUSIC).equals(Optional.of("🎶 Loopback Rock — The Localhosts")), "status moved");
        // Out of the lounge, changing its status would need Manage Channels, which the bot lacks here: nothing is sent.
        assertTrue(world.discord.calls().stream().filter(c -> c.path().endsWith("/channels/" + LOUNGE + "/voice-status"))
                .allMatch(c -> c.json().path("status").asText().startsWith("🎶")));
    }
}
