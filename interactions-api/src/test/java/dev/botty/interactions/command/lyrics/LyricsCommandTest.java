package dev.botty.interactions.command.lyrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.voice.FakeVoiceNode;
import dev.botty.simulator.FakeLyrics;
import dev.botty.simulator.InteractionBuilder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /lyrics} against the simulator's LRCLIB and a voice node reporting what plays. */
class LyricsCommandTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    private static final String GUILD = "41771983423143937";

    private FakeLyrics lyrics;
    private FakeVoiceNode node;
    private TestApp app;

    private static String playing(String title, String author) {
        return """
                {"version":"test","startedAt":"2026-11-23T01:00:00Z","uptimeSeconds":1,"shardId":0,"shardCount":1,
                 "gateway":{"state":"CONNECTED","pingMs":42,"guilds":1},"voiceConnections":1,
                 "guilds":[{"guildId":"%s","guildName":"Homelab","channelName":"Lounge",
                   "nowPlaying":{"title":"%s","author":"%s","uri":null,"positionMs":1000,"lengthMs":240000,"paused":false},
                   "queueLength":0,"loop":"off","volume":100,"filter":null}],
                 "lavalink":[],"commands":{},"lastErrors":[]}
                """.formatted(GUILD, title, author);
    }

    @BeforeEach
    void start() throws Exception {
        lyrics = FakeLyrics.start();
        node = new FakeVoiceNode(SECRET).reporting(200, playing("Loopback Rock", "The Localhosts"));
        app = TestApp.start(Map.of("LYRICS_API_URL", lyrics.uri().toString(), "VOICE_NODE_URLS", node.url(), "VOICE_NODE_SECRET", SECRET));
    }

    @AfterEach
    void stop() {
        app.close();
        node.close();
        lyrics.close();
    }

    private JsonNode lyrics(InteractionBuilder command) {
        return app.post(command).path("data");
    }

    @Test
    void theLyricsOfWhatPlaysComeWithTheirTimes() {
        JsonNode data = lyrics(InteractionBuilder.command("lyrics").inGuild(GUILD));
        JsonNode embed = data.path("embeds").path(0);
        assertEquals("🎤 Loopback Rock — The Localhosts", embed.path("title").asText());
        assertTrue(embed.path("description").asText().startsWith("`0:12` Packets on the wire tonight\n`0:18` Never leave the host"),
                embed.path("description").asText());
        assertEquals("Timed lines from LRCLIB · page 1/1", embed.path("footer").path("text").asText());
        assertEquals(64, data.path("flags").asInt(), "only the asker sees them");
        assertTrue(lyrics.queries().getFirst().contains("track_name=Loopback Rock"), lyrics.queries().toString());
    }

    @Test
    void aSongByNameIsPagedAndThePagesAreCounted() {
        JsonNode first = lyrics(InteractionBuilder.command("lyrics").inGuild(GUILD).option("query", InteractionBuilder.STRING, "rock the loopback simulator"));
        assertEquals("Lyrics from LRCLIB · page 1/3", first.path("embeds").path(0).path("footer").path("text").asText());
        assertTrue(first.path("embeds").path(0).path("description").asText().length() <= LyricsCommand.PAGE_CHARACTERS);
        JsonNode third = lyrics(InteractionBuilder.command("lyrics").inGuild(GUILD).option("query", InteractionBuilder.STRING, "rock the loopback simulator")
                .option("page", InteractionBuilder.INTEGER, 3));
        assertTrue(third.path("embeds").path(0).path("description").asText().endsWith("Verse line number 120 of a song that goes on and on about sockets and ports"));
        assertEquals("📄 There are 3 pages of lyrics.", lyrics(InteractionBuilder.command("lyrics").inGuild(GUILD)
                .option("query", InteractionBuilder.STRING, "rock the loopback simulator").option("page", InteractionBuilder.INTEGER, 4)).path("content").asText());
    }

    @Test
    void instrumentalsUnknownSongsAndAnUnreachableLrclibGetPlainAnswers() {
        assertEquals("🎤 “lofi beats” is an instrumental: no lyrics.",
                lyrics(InteractionBuilder.command("lyrics").inBotDm().option("query", InteractionBuilder.STRING, "lofi beats")).path("content").asText());
        assertEquals("🎤 LRCLIB has no lyrics for “qqqq zzzz”.",
                lyrics(InteractionBuilder.command("lyrics").inGuild(GUILD).option("query", InteractionBuilder.STRING, "qqqq zzzz")).path("content").asText());
        assertEquals("🎤 Name a song: `/lyrics query:…` (outside a server nothing plays).",
                lyrics(InteractionBuilder.command("lyrics").inBotDm()).path("content").asText());
        lyrics.failNext(1);
        assertEquals("🎤 LRCLIB can't be reached right now; try again in a minute.",
                lyrics(InteractionBuilder.command("lyrics").inGuild(GUILD).option("query", InteractionBuilder.STRING, "loopback")).path("content").asText());
        io.micrometer.core.instrument.MeterRegistry registry = app.context().getBean(io.micrometer.core.instrument.MeterRegistry.class);
        assertEquals(1.0, registry.get("botty_outside_calls").tag("service", "lyrics").tag("outcome", "bad_answer").counter().count(),
                "counted like the other outside calls");
    }

    @Test
    void nothingPlayingSaysSo() throws Exception {
        node.reporting(200, playing("x", "y").replace("\"nowPlaying\":{\"title\":\"x\",\"author\":\"y\",\"uri\":null,\"positionMs\":1000,\"lengthMs\":240000,\"paused\":false}", "\"nowPlaying\":null"));
        assertEquals("🎤 Nothing is playing here. Name a song: `/lyrics query:…`.",
                lyrics(InteractionBuilder.command("lyrics").inGuild(GUILD)).path("content").asText());
    }
}
