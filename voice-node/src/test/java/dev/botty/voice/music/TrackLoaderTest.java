package dev.botty.voice.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.lavalink.LavalinkNode;
import dev.botty.lavalink.NodeConfig;
import dev.botty.lavalink.NodeListener;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.simulator.FakeLavalink;
import dev.botty.simulator.LavalinkCatalogue;
import dev.botty.voice.queue.QueuedTrack;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loading what people type after /play, over real HTTP against the Lavalink stand-in. */
class TrackLoaderTest {
    private static final long ALICE = 80351110224678912L;

    private FakeLavalink lavalink;
    private LavalinkNode node;
    private final TrackLoader loader = new TrackLoader(List.of("ytsearch", "scsearch"));

    @BeforeEach
    void start() {
        lavalink = FakeLavalink.start();
        node = new LavalinkNode(NodeConfig.of("test", lavalink.uri(), lavalink.password(), 1100000000000000001L), new NodeListener() {});
    }

    @AfterEach
    void stop() {
        node.close();
        lavalink.close();
    }

    private TrackLoader.Loaded load(String query) throws Exception {
        return loader.load(node, query, ALICE).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLinkLoadsThatTrack() throws Exception {
        var loaded = assertInstanceOf(TrackLoader.Loaded.Tracks.class, load("https://www.youtube.com/watch?v=" + LavalinkCatalogue.RICK_ASTLEY));
        QueuedTrack track = loaded.tracks().getFirst();
        assertEquals("Rick Astley - Never Gonna Give You Up", track.title());
        assertEquals("RickAstleyVEVO", track.author());
        assertEquals(212_000, track.lengthMs());
        assertEquals(ALICE, track.requesterId());
        assertEquals(LavalinkCatalogue.track(LavalinkCatalogue.RICK_ASTLEY).encoded(), track.encoded());
        assertNull(loaded.note());
    }

    @Test
    void wordsAreSearchedAndTheBestMatchTaken() throws Exception {
        var loaded = assertInstanceOf(TrackLoader.Loaded.Tracks.class, load("loopback rock"));
        assertEquals(1, loaded.tracks().size());
        assertEquals("youtube", loaded.tracks().getFirst().sourceName());
        assertTrue(lavalink.calls().stream().anyMatch(c -> "ytsearch:loopback rock".equals(c.queryParameter("identifier"))));
    }

    @Test
    void aPlaylistQueuesAllItsTracks() throws Exception {
        var loaded = assertInstanceOf(TrackLoader.Loaded.Tracks.class, load(LavalinkCatalogue.PLAYLIST_URL));
        assertEquals(LavalinkCatalogue.PLAYLIST_NAME, loaded.playlistName());
        assertEquals(3, loaded.tracks().size());
    }

    @Test
    void whenYouTubeFailsTheNextSourceStandsInAndSaysWhy() throws Exception {
        lavalink.failYouTubeLoads("Sign in to confirm you're not a bot");
        var loaded = assertInstanceOf(TrackLoader.Loaded.Tracks.class, load("loopback rock"));
        assertEquals("soundcloud", loaded.tracks().getFirst().sourceName());
        assertEquals("Rock the Loopback", loaded.tracks().getFirst().title());
        assertEquals("YouTube failed (Sign in to confirm you're not a bot), so this comes from SoundCloud.", loaded.note());
    }

    @Test
    void nothingAnywhereIsNoMatches() throws Exception {
        var none = assertInstanceOf(TrackLoader.Loaded.NoMatches.class, load("zzzz nothing like this"));
        assertEquals("zzzz nothing like this", none.query());
        assertEquals("YouTube found nothing, so this comes from SoundCloud.", none.note());
    }

    @Test
    void aBlockedVideoFailsWithLavalinksMessage() throws Exception {
        var failed = assertInstanceOf(TrackLoader.Loaded.Failed.class, load(LavalinkCatalogue.UNAVAILABLE_URL));
        assertEquals("This video is not available in your country.", failed.message());
    }

    @Test
    void aLavalinkThatRefusesThePasswordIsAFailureNotAnException() throws Exception {
        LavalinkNode wrong = new LavalinkNode(NodeConfig.of("wrong", lavalink.uri(), "not-the-password", 1100000000000000001L), new NodeListener() {});
        try {
            var failed = assertInstanceOf(TrackLoader.Loaded.Failed.class, loader.load(wrong, "https://soundcloud.com/x", ALICE).get(10, TimeUnit.SECONDS));
            assertFalse(failed.message().isBlank());
        } finally {
            wrong.close();
        }
    }

    @Test
    void suggestionsComeFromTheFirstSourceThatFindsSomething() throws Exception {
        List<Track> tracks = loader.suggestions(node, "loopback").get(10, TimeUnit.SECONDS);
        assertFalse(tracks.isEmpty());
        assertTrue(tracks.stream().allMatch(t -> t.info().sourceName().equals("youtube")));
        lavalink.failYouTubeLoads("blocked");
        List<Track> fallback = loader.suggestions(node, "loopback").get(10, TimeUnit.SECONDS);
        assertTrue(fallback.stream().allMatch(t -> t.info().sourceName().equals("soundcloud")), fallback.toString());
    }

    @Test
    void onlyHttpLinksAreLinks() {
        assertTrue(TrackLoader.isUrl("https://youtu.be/dQw4w9WgXcQ"));
        assertTrue(TrackLoader.isUrl(" http://example.com/a.mp3 "));
        assertFalse(TrackLoader.isUrl("never gonna give you up"));
        assertFalse(TrackLoader.isUrl("ftp://example.com/a.mp3"));
        assertFalse(TrackLoader.isUrl("https://"));
    }
}
