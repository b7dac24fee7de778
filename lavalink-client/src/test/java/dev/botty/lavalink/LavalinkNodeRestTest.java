package dev.botty.lavalink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.botty.lavalink.protocol.v4.Info;
import dev.botty.lavalink.protocol.v4.LoadResult;
import dev.botty.lavalink.protocol.v4.Player;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.Session;
import dev.botty.lavalink.protocol.v4.Stats;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import dev.botty.lavalink.protocol.v4.TrackException;
import dev.botty.lavalink.protocol.v4.TrackStartEvent;
import dev.botty.lavalink.protocol.v4.VoiceState;
import dev.botty.simulator.FakeLavalink;
import dev.botty.simulator.LavalinkCatalogue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every REST call of the node, against the Lavalink stand-in. */
class LavalinkNodeRestTest {
    static final long BOT = 170939974227541168L;
    static final long GUILD = 817327181659111454L;
    static final VoiceState VOICE = new VoiceState("voice-token", "c-fra12-4a2b.discord.media:443", "voice-session", "1234567890123456");

    FakeLavalink lavalink;
    LavalinkNode node;
    Recorder recorder = new Recorder();

    static NodeConfig config(FakeLavalink lavalink, String name) {
        return NodeConfig.of(name, lavalink.uri(), lavalink.password(), BOT)
                .withRequestTimeout(Duration.ofSeconds(5))
                .withReconnectDelays(Duration.ofMillis(20), Duration.ofMillis(200))
                .withPingInterval(Duration.ofMillis(100));
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    static <E extends Throwable> E failure(Class<E> type, CompletableFuture<?> future) {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(type, thrown.getCause());
    }

    @BeforeEach
    void connect() throws Exception {
        lavalink = FakeLavalink.start();
        node = new LavalinkNode(config(lavalink, "main"), recorder);
        node.start();
        recorder.awaitState("main", NodeState.CONNECTED);
    }

    @AfterEach
    void close() {
        node.close();
        lavalink.close();
    }

    private Track load(String identifier) throws Exception {
        return ((LoadResult.TrackLoaded) await(node.loadTracks(identifier))).track();
    }

    @Test
    void infoStatsAndVersionDescribeTheServer() throws Exception {
        Info info = await(node.info());
        Stats stats = await(node.stats());

        assertEquals("4.2.2", info.version().semver());
        assertTrue(info.sourceManagers().contains("youtube"));
        assertEquals("4.2.2", await(node.version()));
        assertEquals(0, stats.players());
        assertNull(stats.frameStats(), "REST stats never carry frame stats");
    }

    @Test
    void aLinkLoadsOneTrack() throws Exception {
        LoadResult result = await(node.loadTracks("https://www.youtube.com/watch?v=" + LavalinkCatalogue.RICK_ASTLEY));

        Track track = assertInstanceOf(LoadResult.TrackLoaded.class, result).track();
        assertEquals("Rick Astley - Never Gonna Give You Up", track.info().title());
        assertEquals(LavalinkCatalogue.track(LavalinkCatalogue.RICK_ASTLEY).encoded(), track.encoded());
    }

    @Test
    void aPlaylistLinkLoadsThePlaylistWithItsSelectedTrack() throws Exception {
        LoadResult whole = await(node.loadTracks(LavalinkCatalogue.PLAYLIST_URL));
        LoadResult selected = await(node.loadTracks("https://www.youtube.com/watch?v=" + LavalinkCatalogue.ROCK
                + "&list=" + LavalinkCatalogue.PLAYLIST_ID));

        var playlist = assertInstanceOf(LoadResult.PlaylistLoaded.class, whole).playlist();
        assertEquals(LavalinkCatalogue.PLAYLIST_NAME, playlist.info().name());
        assertEquals(3, playlist.tracks().size());
        assertTrue(playlist.selectedTrack().isEmpty());
        assertEquals(LavalinkCatalogue.ROCK, assertInstanceOf(LoadResult.PlaylistLoaded.class, selected).playlist()
                .selectedTrack().orElseThrow().info().identifier());
    }

    @Test
    void searchesFindTracksOfTheirSourceOrNothing() throws Exception {
        var youTube = assertInstanceOf(LoadResult.SearchResult.class, await(node.loadTracks("ytsearch:loopback rock")));
        var soundCloud = assertInstanceOf(LoadResult.SearchResult.class, await(node.loadTracks("scsearch:loopback")));

        assertEquals(List.of(LavalinkCatalogue.ROCK), youTube.tracks().stream().map(t -> t.info().identifier()).toList());
        assertEquals(2, soundCloud.tracks().size());
        assertTrue(soundCloud.tracks().stream().allMatch(t -> t.info().sourceName().equals("soundcloud")));
        assertInstanceOf(LoadResult.Empty.class, await(node.loadTracks("ytsearch:no such song anywhere")));
        assertInstanceOf(LoadResult.Empty.class, await(node.loadTracks("https://example.com/not-audio")));
    }

    @Test
    void aFailedLoadIsAnErrorResultNotAnHttpError() throws Exception {
        var blocked = assertInstanceOf(LoadResult.LoadFailed.class, await(node.loadTracks(LavalinkCatalogue.UNAVAILABLE_URL)));

        assertEquals("This video is not available in your country.", blocked.exception().message());
        assertEquals(TrackException.Severity.COMMON, blocked.exception().severity());
    }

    @Test
    void whenYouTubeBlocksTheHostEveryYouTubeLoadFailsAndOtherSourcesStillWork() throws Exception {
        lavalink.failYouTubeLoads("Please sign in");

        var search = assertInstanceOf(LoadResult.LoadFailed.class, await(node.loadTracks("ytsearch:lofi")));
        var link = assertInstanceOf(LoadResult.LoadFailed.class, await(node.loadTracks(LavalinkCatalogue.RICK_ASTLEY)));
        assertEquals("Please sign in", search.exception().message());
        assertEquals("Please sign in", link.exception().message());
        assertInstanceOf(LoadResult.TrackLoaded.class, await(node.loadTracks(LavalinkCatalogue.WALTZ_URL)));

        lavalink.failYouTubeLoads(null);
        assertInstanceOf(LoadResult.SearchResult.class, await(node.loadTracks("ytsearch:lofi")));
    }

    @Test
    void encodedTracksDecodeBackToTheirInfo() throws Exception {
        Track rick = load(LavalinkCatalogue.RICK_ASTLEY);
        Track lofi = load(LavalinkCatalogue.LOFI);

        assertEquals(rick.info(), await(node.decodeTrack(rick.encoded())).info());
        assertEquals(List.of(rick.info(), lofi.info()),
                await(node.decodeTracks(List.of(rick.encoded(), lofi.encoded()))).stream().map(Track::info).toList());
        assertEquals(500, failure(LavalinkRestException.class, node.decodeTrack("bm90IGEgdHJhY2s=")).status());
        assertEquals("No tracks to decode provided",
                failure(LavalinkRestException.class, node.decodeTracks(List.of())).lavalinkMessage().orElseThrow());
    }

    @Test
    void anUpdateWithVoiceAndATrackCreatesAPlayingPlayer() throws Exception {
        Track rick = load(LavalinkCatalogue.RICK_ASTLEY);
        var userData = JsonNodeFactory.instance.objectNode().put("requester", "80351110224678912");

        Player player = await(node.updatePlayer(GUILD, PlayerUpdate.builder().voice(VOICE).track(rick).userData(userData)
                .volume(80).build()));

        assertEquals(Long.toString(GUILD), player.guildId());
        assertEquals(rick.encoded(), player.track().encoded());
        assertEquals(userData, player.track().userData());
        assertEquals(80, player.volume());
        assertFalse(player.paused());
        assertEquals(VOICE, player.voice());
        assertTrue(player.state().connected());
        TrackStartEvent start = recorder.await(TrackStartEvent.class);
        assertEquals(Long.toString(GUILD), start.guildId());
        assertEquals(userData, start.track().userData());
    }

    @Test
    void aVoiceUpdateWithoutChannelIdIsRefusedWithLavalinksExplanation() throws Exception {
        VoiceState withoutChannel = new VoiceState("voice-token", "c-fra12-4a2b.discord.media:443", "voice-session", null);

        LavalinkRestException refused = failure(LavalinkRestException.class,
                node.updatePlayer(GUILD, PlayerUpdate.voice(withoutChannel)));

        assertEquals(400, refused.status());
        assertEquals("token, endpoint, sessionId and channelId must be provided in voice state", refused.lavalinkMessage().orElseThrow());
        assertTrue(refused.getMessage().contains("400 Bad Request to PATCH /v4/sessions/"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("channelId must be provided in voice state"), refused.getMessage());
        assertTrue(lavalink.player(GUILD).isEmpty(), "a refused update creates no player");
    }

    @Test
    void noReplaceKeepsThePlayingTrackAndAPlainUpdateReplacesIt() throws Exception {
        Track rick = load(LavalinkCatalogue.RICK_ASTLEY);
        Track lofi = load(LavalinkCatalogue.LOFI);
        await(node.updatePlayer(GUILD, PlayerUpdate.builder().voice(VOICE).track(rick).build()));

        Player kept = await(node.updatePlayer(GUILD, PlayerUpdate.builder().track(lofi).build(), true));
        assertEquals(rick.encoded(), kept.track().encoded());

        Player replaced = await(node.updatePlayer(GUILD, PlayerUpdate.builder().track(lofi).build(), false));
        assertEquals(lofi.encoded(), replaced.track().encoded());
        TrackEndEvent end = recorder.await(TrackEndEvent.class);
        assertEquals(TrackEndEvent.Reason.REPLACED, end.reason());
        assertFalse(end.reason().mayStartNext());
        assertEquals(rick.encoded(), end.track().encoded());
    }

    @Test
    void anIdentifierPlaysDirectlyWhenItIsOneTrack() throws Exception {
        Player player = await(node.updatePlayer(GUILD, PlayerUpdate.builder().voice(VOICE).identifier(LavalinkCatalogue.WALTZ_URL)
                .position(30_000).paused(true).build()));

        assertEquals("Loopback Waltz", player.track().info().title());
        assertEquals(30_000, player.track().info().position());
        assertTrue(player.paused());
        assertEquals("Cannot play a playlist or search result", failure(LavalinkRestException.class,
                node.updatePlayer(GUILD, PlayerUpdate.builder().identifier("ytsearch:lofi").build())).lavalinkMessage().orElseThrow());
        assertEquals("No matches found for identifier", failure(LavalinkRestException.class,
                node.updatePlayer(GUILD, PlayerUpdate.builder().identifier("ytsearch:nothing here").build())).lavalinkMessage().orElseThrow());
    }

    @Test
    void anExplicitNullTrackStopsThePlayer() throws Exception {
        await(node.updatePlayer(GUILD, PlayerUpdate.builder().voice(VOICE).track(load(LavalinkCatalogue.LOFI)).build()));

        Player stopped = await(node.updatePlayer(GUILD, PlayerUpdate.stopTrack()));

        assertNull(stopped.track());
        assertEquals(TrackEndEvent.Reason.STOPPED, recorder.await(TrackEndEvent.class).reason());
    }

    @Test
    void playersAreListedReadAndDestroyed() throws Exception {
        await(node.updatePlayer(GUILD, PlayerUpdate.builder().voice(VOICE).track(load(LavalinkCatalogue.LOFI)).build()));
        await(node.updatePlayer(GUILD + 1, PlayerUpdate.builder().volume(30).build()));

        assertEquals(List.of(Long.toString(GUILD), Long.toString(GUILD + 1)),
                await(node.getPlayers()).stream().map(Player::guildId).toList());
        assertEquals(30, await(node.getPlayer(GUILD + 1)).volume());

        assertNull(await(node.destroyPlayer(GUILD)));
        LavalinkRestException gone = failure(LavalinkRestException.class, node.getPlayer(GUILD));
        assertEquals(404, gone.status());
        assertEquals("Player not found", gone.lavalinkMessage().orElseThrow());
        assertEquals(TrackEndEvent.Reason.STOPPED, recorder.await(TrackEndEvent.class).reason());
    }

    @Test
    void resumingIsOnForTheSessionAndCanBeChanged() throws Exception {
        lavalink.awaitCall(call -> call.method().equals("PATCH") && call.path().equals("/v4/sessions/" + node.sessionId().orElseThrow())
                && call.json().path("resuming").asBoolean() && call.json().path("timeout").asLong() == 60, Recorder.TIMEOUT);

        Session changed = await(node.updateSession(true, Duration.ofMinutes(2)));

        assertEquals(new Session(true, 120), changed);
    }

    @Test
    void aWrongPasswordIsRefusedWith403() throws Exception {
        try (LavalinkNode wrong = new LavalinkNode(NodeConfig.of("wrong", lavalink.uri(), "guess", BOT), new Recorder())) {
            LavalinkRestException refused = failure(LavalinkRestException.class, wrong.info());

            assertEquals(403, refused.status());
            assertTrue(refused.lavalinkMessage().isEmpty());
            assertTrue(refused.getMessage().endsWith("the password was refused"), refused.getMessage());
        }
    }

    @Test
    void playerCallsNeedASession() throws Exception {
        try (LavalinkNode idle = new LavalinkNode(config(lavalink, "idle"), new Recorder())) {
            assertEquals(NodeState.DISCONNECTED, idle.state());
            failure(NodeUnavailableException.class, idle.getPlayer(GUILD));
            failure(NodeUnavailableException.class, idle.updatePlayer(GUILD, PlayerUpdate.builder().volume(1).build()));
            // Calls without a session work all the same.
            assertInstanceOf(LoadResult.TrackLoaded.class, await(idle.loadTracks(LavalinkCatalogue.LOFI)));
        }
    }

    @Test
    void requestsCarryThePasswordAndGuildIdsGoOutAsUnsignedDecimals() throws Exception {
        await(node.updatePlayer(GUILD, PlayerUpdate.builder().volume(40).build()));

        var call = lavalink.awaitCall(c -> c.path().endsWith("/players/" + GUILD), Recorder.TIMEOUT);
        assertEquals(lavalink.password(), call.header("Authorization"));
        assertEquals("false", call.queryParameter("noReplace"));
        assertEquals("{\"volume\":40}", call.body());
    }
}
