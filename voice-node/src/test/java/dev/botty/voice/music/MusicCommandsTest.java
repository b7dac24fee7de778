package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.BOB;
import static dev.botty.voice.music.MusicWorld.CAROL;
import static dev.botty.voice.music.MusicWorld.GENERAL;
import static dev.botty.voice.music.MusicWorld.GUILD;
import static dev.botty.voice.music.MusicWorld.LOUNGE;
import static dev.botty.voice.music.MusicWorld.MUSIC;
import static dev.botty.voice.music.MusicWorld.TIMEOUT;
import static dev.botty.voice.music.MusicWorld.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicSuggestions;
import dev.botty.simulator.FakeGateway;
import dev.botty.simulator.LavalinkCatalogue;
import dev.botty.voice.command.MusicCommand;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every music command against the simulated Discord and Lavalink: what it does, and what it says. */
class MusicCommandsTest extends MusicWorldTest {

    private MusicReply play(long user, String query) throws Exception {
        return world.run(user, "play", Map.of("query", query));
    }

    private static void assertOk(MusicReply answer, String start) {
        assertEquals(MusicReply.Outcome.OK, answer.outcome(), answer.toString());
        assertTrue(answer.content().startsWith(start), answer.content());
    }

    private static void assertRefused(MusicReply answer, String text) {
        assertEquals(MusicReply.Outcome.REFUSED, answer.outcome(), answer.toString());
        assertEquals(text, answer.content());
    }

    @Test
    void playJoinsTheCallersChannelAndPlaysWithItsVoiceConnection() throws Exception {
        MusicReply answer = play(ALICE, "loopback rock");
        assertOk(answer, "▶️ Playing [Loopback Rock](https://www.youtube.com/watch?v=bottyRock02) by The Localhosts · 4:00.");

        world.gateway.awaitReceived(FakeGateway.VOICE_STATE_UPDATE, d -> d.path("channel_id").asText().equals(Long.toString(LOUNGE)), TIMEOUT);
        world.awaitPlaying("Loopback Rock");
        eventually(() -> world.lavalink.player(GUILD).map(p -> p.path("voice").path("channelId").asText().equals(Long.toString(LOUNGE)))
                .orElse(false), "Lavalink has the voice connection with its channel id");
        JsonNode voice = world.player().path("voice");
        assertEquals("voice.simulator.invalid:443", voice.path("endpoint").asText());
        assertFalse(voice.path("token").asText().isEmpty());
        assertFalse(voice.path("sessionId").asText().isEmpty());

        // The "now playing" message in the channel the command came from, and the voice channel's status.
        JsonNode message = world.discord.awaitCall(c -> c.method().equals("POST") && c.path().endsWith("/channels/" + GENERAL + "/messages"), TIMEOUT).json();
        assertEquals("🎶 Loopback Rock", message.path("embeds").get(0).path("title").asText());
        assertEquals(0, message.path("allowed_mentions").path("parse").size(), message.toString());
        eventually(() -> world.discord.voiceStatus(LOUNGE).equals(java.util.Optional.of("🎶 Loopback Rock — The Localhosts")), "voice status");
    }

    @Test
    void aSpotifyLinkPlaysThroughLavaSrcAndSaysWhereItCameFrom() throws Exception {
        assertOk(play(ALICE, LavalinkCatalogue.SPOTIFY_URL),
                "▶️ Playing [Never Gonna Give You Up](" + LavalinkCatalogue.SPOTIFY_URL + ") by Rick Astley · 3:33.");
        world.awaitPlaying("Never Gonna Give You Up");
        MusicReply now = world.run(CAROL, "nowplaying");
        assertEquals(new dev.botty.internal.MusicReply.Card.Field("From", "Spotify", true), now.card().fields().get(2));
        assertEquals("YouTube", Cards.source("youtube"));
        assertEquals("Apple Music", Cards.source("applemusic"));
        assertEquals("Deezer", Cards.source("deezer"));
    }

    @Test
    void theQueueGrowsPagesAndShowsWhatPlays() throws Exception {
        play(ALICE, "loopback rock");
        assertOk(play(BOB, "https://www.youtube.com/watch?v=" + LavalinkCatalogue.LOFI), "➕ Queued [Lofi beats to test bots to]");
        MusicReply playlist = play(ALICE, LavalinkCatalogue.PLAYLIST_URL);
        assertOk(playlist, "📜 Queued 3 tracks from **botty simulator mix**.");

        MusicReply queue = world.run(CAROL, "queue");
        assertEquals(MusicReply.Outcome.OK, queue.outcome());
        String text = queue.card().description();
        assertTrue(text.startsWith("▶️ [Loopback Rock]"), text);
        assertTrue(text.contains("`1.` [Lofi beats to test bots to]"), text);
        assertTrue(text.contains("`4.` [Rick Astley - Never Gonna Give You Up]"), text);
        assertEquals("Page 1/1 · 4 tracks · 13:32 · loop off · volume 100%", queue.card().footer());
        assertRefused(world.run(CAROL, "queue", Map.of("page", "2")), "📄 There is 1 page of queue.");

        world.awaitPlaying("Loopback Rock");
        world.lavalink.advance(Duration.ofSeconds(61)); // the node's clock stays: the position is Lavalink's last report
        eventually(() -> world.music().position() >= 60_000, "Lavalink's player updates arrived");
        MusicReply now = world.run(CAROL, "nowplaying");
        assertEquals("🎶 Loopback Rock", now.card().title());
        assertTrue(now.card().description().contains("1:00 / 4:00"), now.card().description());
    }

    @Test
    void skipJumpRemoveAndShuffleSteerTheQueue() throws Exception {
        play(ALICE, "loopback rock");
        play(ALICE, LavalinkCatalogue.PLAYLIST_URL); // lofi, rock, rick
        world.awaitPlaying("Loopback Rock");

        assertOk(world.run(BOB, "skip"), "⏭️ Skipped [Loopback Rock](https://www.youtube.com/watch?v=bottyRock02). Now playing [Lofi beats");
        world.awaitPlaying("Lofi beats to test bots to");

        assertOk(world.run(ALICE, "remove", Map.of("position", "1")), "🗑️ Removed [Loopback Rock]");
        assertEquals(1, world.music().queue().size());
        assertOk(world.run(ALICE, "jump", Map.of("position", "1")), "⏩ Jumped to [Rick Astley");
        world.awaitPlaying("Rick Astley - Never Gonna Give You Up");
        assertTrue(world.music().queue().isEmpty());

        assertRefused(world.run(ALICE, "jump", Map.of("position", "1")), "📭 The queue is empty.");
        play(ALICE, "lofi");
        play(ALICE, "waltz");
        assertRefused(world.run(ALICE, "remove", Map.of("position", "3")), "🔢 Pick a position from 1 to 2: there are 2 tracks in the queue.");
        assertOk(world.run(ALICE, "shuffle"), "🔀 Shuffled 2 tracks.");
        assertEquals(2, world.music().queue().size());

        assertOk(world.run(ALICE, "skip"), "⏭️ Skipped [Rick Astley");
        assertOk(world.run(ALICE, "skip"), "⏭️ Skipped");
        MusicReply last = world.run(ALICE, "skip");
        assertTrue(last.content().endsWith("The queue is empty now."), last.content());
        eventually(() -> world.playingTitle() == null, "Lavalink stopped");
        assertRefused(world.run(ALICE, "skip"), "🔇 Nothing is playing, so there is nothing to skip.");
    }

    @Test
    void pauseResumeSeekAndVolumeReachLavalink() throws Exception {
        play(ALICE, "loopback rock");
        world.awaitPlaying("Loopback Rock");

        assertOk(world.run(ALICE, "pause"), "⏸️ Paused.");
        eventually(() -> world.lavalink.player(GUILD).get().path("paused").asBoolean(), "paused on Lavalink");
        assertRefused(world.run(ALICE, "pause"), "⏸️ Already paused; `/resume` to carry on.");
        assertOk(world.run(ALICE, "resume"), "▶️ Resumed [Loopback Rock]");
        eventually(() -> !world.lavalink.player(GUILD).get().path("paused").asBoolean(), "playing on Lavalink");

        assertOk(world.run(ALICE, "seek", Map.of("time", "2:30")), "⏱️ Jumped to 2:30 in [Loopback Rock]");
        eventually(() -> world.lavalink.player(GUILD).get().path("state").path("position").asLong() >= 150_000, "sought on Lavalink");
        assertRefused(world.run(ALICE, "seek", Map.of("time", "9:00")), "⏱️ The track is only 4:00 long.");
        assertRefused(world.run(ALICE, "seek", Map.of("time", "soon")), "⏱️ Give a time like `1:30`, `90` or `1:02:03`.");

        assertOk(world.run(ALICE, "volume", Map.of("level", "40")), "🔊 Volume 40%.");
        eventually(() -> world.lavalink.player(GUILD).get().path("volume").asInt() == 40, "volume on Lavalink");
        assertRefused(world.run(ALICE, "volume", Map.of("level", "500")), "🔊 Pick a volume from 0 to 200 (100 is normal).");
    }

    @Test
    void loopRepeatsTheTrackOrTheQueue() throws Exception {
        play(ALICE, "waltz"); // 1:35 on SoundCloud
        play(ALICE, "lofi");
        world.awaitPlaying("Loopback Waltz");

        assertOk(world.run(ALICE, "loop", Map.of("mode", "track")), "🔂 Looping this track.");
        world.advance(Duration.ofSeconds(96));
        eventually(() -> world.lavalink.calls().stream().filter(c -> c.method().equals("PATCH") && c.body() != null
                && c.body().contains(LavalinkCatalogue.track(LavalinkCatalogue.WALTZ_URL).encoded())).count() >= 2, "the waltz again");
        assertEquals("Loopback Waltz", world.music().current().title());

        assertOk(world.run(ALICE, "loop", Map.of("mode", "queue")), "🔁 Looping the queue.");
        world.advance(Duration.ofSeconds(96));
        world.awaitPlaying("Lofi beats to test bots to");
        assertEquals(List.of("Loopback Waltz"), world.music().queue().stream().map(QueuedTrack::title).toList());
        assertOk(world.run(ALICE, "loop", Map.of("mode", "off")), "➡️ Loop off.");
        assertRefused(world.run(ALICE, "loop", Map.of("mode", "forever")), "🔁 Loop `off`, `track` or `queue`.");
    }

    @Test
    void stopClearsAndStaysLeaveGoes() throws Exception {
        play(ALICE, "loopback rock");
        play(ALICE, "lofi");
        world.awaitPlaying("Loopback Rock");

        assertOk(world.run(ALICE, "stop"), "⏹️ Stopped and cleared 2 tracks. I'll stay 10 minutes in case you want more.");
        eventually(() -> world.playingTitle() == null, "Lavalink stopped");
        assertEquals(LOUNGE, world.music().voiceChannelId());
        eventually(() -> world.discord.voiceStatus(LOUNGE).equals(java.util.Optional.of("")), "voice status cleared");

        assertOk(world.run(ALICE, "leave"), "👋 Left <#" + LOUNGE + ">.");
        world.gateway.awaitReceived(FakeGateway.VOICE_STATE_UPDATE, d -> d.path("channel_id").isNull(), TIMEOUT);
        eventually(() -> world.lavalink.player(GUILD).isEmpty(), "player destroyed");
        assertRefused(world.run(ALICE, "leave"), "🎧 I'm not in a voice channel.");
        eventually(() -> world.discord.channelMessages(GENERAL).getLast().path("embeds").get(0).path("title").asText()
                .equals("👋 Left the voice channel"), "the now-playing message says it left");
        assertEquals(1, world.discord.channelMessages(GENERAL).size(), "edited in place, never re-posted");
    }

    @Test
    void saysPlainlyWhatIsWrong() throws Exception {
        assertRefused(play(CAROL, "lofi"), "🎧 Join a voice channel first, then ask me again.");
        assertRefused(world.run(ALICE, "skip"), "🎧 I'm not in a voice channel. `/play` something first.");
        assertRefused(world.run(ALICE, "nowplaying"), "🔇 Nothing is playing.");
        assertRefused(world.run(ALICE, "queue"), "📭 The queue is empty. `/play` something!");

        MusicReply blocked = play(ALICE, LavalinkCatalogue.UNAVAILABLE_URL);
        assertEquals(MusicReply.Outcome.ERROR, blocked.outcome());
        assertEquals("⚠️ I couldn't load that: This video is not available in your country.", blocked.content());
        assertRefused(play(ALICE, "zzzz nothing like this"),
                "🔍 Nothing found for “zzzz nothing like this”.\n-# YouTube found nothing, so this comes from SoundCloud.");

        play(ALICE, "loopback rock");
        world.awaitPlaying("Loopback Rock");
        world.gateway.moveUser(GUILD, CAROL, MUSIC);
        eventually(() -> world.jukebox().services().gateway().memberChannel(GUILD, CAROL).isPresent(), "carol in voice");
        assertRefused(world.run(CAROL, "skip"), "🎧 Join me in <#" + LOUNGE + "> to do that.");
        assertRefused(play(CAROL, "lofi"), "🎧 I'm playing in <#" + LOUNGE + ">: join me there.");
        assertRefused(world.run(CAROL, "leave"), "🎧 Others are listening in <#" + LOUNGE + ">; join them to send me away.");
    }

    @Test
    void whenYouTubeFailsPlaySaysWhereTheTrackCameFrom() throws Exception {
        world.lavalink.failYouTubeLoads("Sign in to confirm you're not a bot");
        MusicReply answer = play(ALICE, "loopback rock");
        assertOk(answer, "▶️ Playing [Rock the Loopback]");
        assertTrue(answer.content().endsWith("\n-# YouTube failed (Sign in to confirm you're not a bot), so this comes from SoundCloud."),
                answer.content());
        world.awaitPlaying("Rock the Loopback");
    }

    @Test
    void autocompleteOffersSearchResults() throws Exception {
        List<MusicSuggestions.Choice> choices = world.suggest(ALICE, "play", "query", "loopback");
        assertFalse(choices.isEmpty());
        MusicSuggestions.Choice rock = choices.stream().filter(c -> c.name().startsWith("Loopback Rock")).findFirst().orElseThrow();
        assertEquals("Loopback Rock — The Localhosts · 4:00", rock.name());
        assertEquals("https://www.youtube.com/watch?v=bottyRock02", rock.value());
        assertTrue(choices.stream().allMatch(c -> c.name().length() <= 100 && c.value().length() <= 100));
        assertEquals(List.of(), world.suggest(ALICE, "play", "query", "l"));
        assertEquals(List.of(new MusicSuggestions.Choice("https://youtu.be/x", "https://youtu.be/x")), world.suggest(ALICE, "play", "query", "https://youtu.be/x"));
    }

    @Test
    void joinComesToTheCallerAndNotTwice() throws Exception {
        assertRefused(world.run(CAROL, "join"), "🎧 Join a voice channel first, then ask me again.");
        assertOk(world.run(ALICE, "join"), "🎧 Joining <#" + LOUNGE + ">. `/play` something!");
        eventually(() -> world.jukebox().services().gateway().channelOf(GUILD).isPresent(), "bot in voice");
        assertRefused(world.run(BOB, "join"), "🎧 I'm already here in <#" + LOUNGE + ">.");
    }
}
