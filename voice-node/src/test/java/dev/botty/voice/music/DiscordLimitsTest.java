package dev.botty.voice.music;

import static dev.botty.voice.music.MusicWorld.ALICE;
import static dev.botty.voice.music.MusicWorld.CAROL;
import static dev.botty.voice.music.MusicWorld.GENERAL;
import static dev.botty.voice.music.MusicWorld.LOUNGE;
import static dev.botty.voice.music.MusicWorld.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicSuggestions;
import dev.botty.simulator.DiscordSpec;
import dev.botty.simulator.LavalinkCatalogue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Discord's limits hold for long real-world data: a 300-character title, a 200-character author,
 * a playlist of a thousand tracks. Every reply is checked, as the message the interactions-api
 * makes of it, against Discord's own schema (and its 6,000-character embed total); the now-playing
 * message and the voice channel status go through the simulated Discord, which refuses what
 * Discord refuses.
 */
class DiscordLimitsTest extends MusicWorldTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG_URL = "https://www.youtube.com/watch?v=" + LavalinkCatalogue.LONG;

    /** The reply as the interactions-api answers it (an ephemeral message pinging nobody), and what Discord says of it. */
    private static List<DiscordSpec.Violation> violations(MusicReply reply) {
        ObjectNode data = JSON.createObjectNode().put("flags", 64);
        if (!reply.content().isEmpty() || reply.card() == null) {
            data.put("content", reply.content());
        }
        data.putObject("allowed_mentions").putArray("parse");
        if (reply.card() != null) {
            MusicReply.Card card = reply.card();
            ObjectNode embed = data.putArray("embeds").addObject().put("title", card.title()).put("description", card.description());
            if (card.url() != null) {
                embed.put("url", card.url());
            }
            if (card.thumbnailUrl() != null) {
                embed.putObject("thumbnail").put("url", card.thumbnailUrl());
            }
            if (!card.fields().isEmpty()) {
                ArrayNode fields = embed.putArray("fields");
                card.fields().forEach(f -> fields.addObject().put("name", f.name()).put("value", f.value()).put("inline", f.inline()));
            }
            if (card.footer() != null) {
                embed.putObject("footer").put("text", card.footer());
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("type", 4);
        answer.set("data", data);
        return DiscordSpec.bundled().checkInteractionResponse(answer);
    }

    private static MusicReply fits(MusicReply reply) {
        assertEquals(List.of(), violations(reply), reply.toString());
        return reply;
    }

    @Test
    void theRulesThisTestAppliesCatchWhatTheyClaim() {
        MusicReply.Card tooLong = new MusicReply.Card("t".repeat(257), null, "d", null, List.of(), null);
        assertFalse(violations(new MusicReply("", tooLong, MusicReply.Outcome.OK)).isEmpty(), "a title of 257");
        assertFalse(violations(MusicReply.ok("x".repeat(2_001))).isEmpty(), "content of 2,001");
        List<MusicReply.Card.Field> many = java.util.stream.IntStream.range(0, 26).mapToObj(i -> new MusicReply.Card.Field("n", "v", true)).toList();
        assertFalse(violations(MusicReply.ok(new MusicReply.Card("t", null, "d", null, many, null))).isEmpty(), "26 fields");
        List<MusicReply.Card.Field> big = java.util.stream.IntStream.range(0, 6).mapToObj(i -> new MusicReply.Card.Field("n", "v".repeat(1_024), true)).toList();
        assertFalse(violations(MusicReply.ok(new MusicReply.Card("t", null, "d".repeat(200), null, big, null))).isEmpty(),
                "over 6,000 characters in all");
    }

    @Test
    void aLongTitleAndAuthorAreShortenedEverywhereTheyAppear() throws Exception {
        LavalinkCatalogue.Track track = LavalinkCatalogue.track(LavalinkCatalogue.LONG);
        assertEquals(300, track.title().length());
        assertEquals(200, track.author().length());

        MusicReply played = fits(world.run(ALICE, "play", Map.of("query", LONG_URL)));
        assertEquals(MusicReply.Outcome.OK, played.outcome(), played.toString());
        assertTrue(played.content().startsWith("▶️ Playing [The \\*extraordinarily\\* long title"), played.content());
        assertTrue(played.content().contains("…](" + LONG_URL + ")"), "the title is cut, the link kept: " + played.content());
        world.awaitPlaying(track.title());

        MusicReply now = fits(world.run(CAROL, "nowplaying"));
        assertTrue(now.card().title().length() <= 256 && now.card().title().endsWith("…"), now.card().title());

        MusicReply queue = fits(world.run(CAROL, "queue"));
        assertTrue(queue.card().description().startsWith("▶️ [The \\*extraordinarily\\*"), queue.card().description());

        // The now-playing message and the voice channel status reached Discord, which refused nothing.
        eventually(() -> world.discord.channelMessages(GENERAL).stream()
                .anyMatch(m -> m.path("embeds").path(0).path("title").asText().startsWith("🎶 The *extraordinarily*")), "the now-playing message");
        eventually(() -> world.discord.voiceStatus(LOUNGE).map(s -> s.startsWith("🎶 The *extraordinarily*")).orElse(false), "the voice status");
        String status = world.discord.voiceStatus(LOUNGE).orElseThrow();
        assertTrue(status.length() <= 500 && status.endsWith("…"), status.length() + ": " + status);
        assertEquals(List.of(), world.discord.refused());

        List<MusicSuggestions.Choice> choices = world.suggest(ALICE, "play", "query", "extraordinarily long");
        assertFalse(choices.isEmpty());
        for (MusicSuggestions.Choice choice : choices) {
            assertTrue(choice.name().length() <= 100 && choice.value().length() <= 100, choice.toString());
        }
        assertTrue(choices.getFirst().name().endsWith("… · 3:00:17"), choices.getFirst().name());
    }

    @Test
    void anAddressLongerThanDiscordAllowsIsShownWithoutItsLink() throws Exception {
        assertTrue(LavalinkCatalogue.LONG_ADDRESS_URL.length() > 2_048);
        MusicReply played = fits(world.run(ALICE, "play", Map.of("query", LavalinkCatalogue.LONG_ADDRESS_URL)));
        assertEquals("▶️ Playing **Simulator radio with a very long address** by Simulator Radio · live.", played.content());
        world.awaitPlaying("Simulator radio with a very long address");
        MusicReply now = fits(world.run(CAROL, "nowplaying"));
        assertEquals(null, now.card().url(), "no link Discord would refuse");
        fits(world.run(CAROL, "queue"));
        eventually(() -> world.discord.channelMessages(GENERAL).stream()
                .anyMatch(m -> m.path("embeds").path(0).path("title").asText().startsWith("🎶 Simulator radio")), "the now-playing message");
        assertEquals(List.of(), world.discord.refused());
    }

    @Test
    void aPlaylistOfAThousandFillsTheQueueAndEveryPageFits() throws Exception {
        MusicReply queued = fits(world.run(ALICE, "play", Map.of("query", LavalinkCatalogue.BIG_PLAYLIST_URL)));
        assertTrue(queued.content().startsWith("📜 Queued 1000 tracks from **An extraordinarily long playlist"), queued.content());
        world.awaitPlaying("Song 0001 of a very long playlist, [remastered] *deluxe* edition (live at the __loopback__ arena)");
        assertEquals(999, world.music().queue().size());

        MusicReply first = fits(world.run(CAROL, "queue"));
        assertTrue(first.card().description().contains("`10.` [Song 0011 of a very long playlist, \\[remastered\\]"), first.card().description());
        assertTrue(first.card().footer().startsWith("Page 1/100 · 999 tracks · "), first.card().footer());
        MusicReply last = fits(world.run(CAROL, "queue", Map.of("page", "100")));
        assertTrue(last.card().description().contains("`999.` [Song 1000"), last.card().description());
        fits(world.run(CAROL, "nowplaying"));

        MusicReply full = fits(world.run(ALICE, "play", Map.of("query", LONG_URL)));
        assertTrue(full.content().startsWith("➕ Queued [The \\*extraordinarily\\*"), "one place was left: " + full.content());
        MusicReply refused = fits(world.run(ALICE, "play", Map.of("query", LONG_URL)));
        assertEquals("📚 The queue is full (1000 tracks).", refused.content());
        assertEquals(List.of(), world.discord.refused());
    }

    @Test
    void theNowPlayingMessageFitsWithALongTrackUpNext() throws Exception {
        world.run(ALICE, "play", Map.of("query", LavalinkCatalogue.BIG_PLAYLIST_URL));
        world.run(ALICE, "play", Map.of("query", LONG_URL));
        world.awaitPlaying("Song 0001 of a very long playlist, [remastered] *deluxe* edition (live at the __loopback__ arena)");
        world.run(ALICE, "jump", Map.of("position", "999"));
        eventually(() -> world.discord.channelMessages(GENERAL).stream().anyMatch(m -> m.path("embeds").path(0).path("fields").path(1)
                .path("value").asText().startsWith("[The \\*extraordinarily\\*")), "the long track up next");
        for (JsonNode message : world.discord.channelMessages(GENERAL)) {
            ObjectNode sent = ((ObjectNode) message.deepCopy()).retain("content", "embeds", "flags");
            assertEquals(List.of(), DiscordSpec.bundled().checkRequest("POST", "/api/v10/channels/" + GENERAL + "/messages", sent));
        }
        assertEquals(List.of(), world.discord.refused());
    }
}
