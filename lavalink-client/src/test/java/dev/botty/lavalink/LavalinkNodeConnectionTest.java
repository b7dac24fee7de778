package dev.botty.lavalink;

import static dev.botty.lavalink.LavalinkNodeRestTest.BOT;
import static dev.botty.lavalink.LavalinkNodeRestTest.GUILD;
import static dev.botty.lavalink.LavalinkNodeRestTest.VOICE;
import static dev.botty.lavalink.LavalinkNodeRestTest.await;
import static dev.botty.lavalink.LavalinkNodeRestTest.config;
import static dev.botty.lavalink.LavalinkNodeRestTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.lavalink.protocol.v4.LoadResult;
import dev.botty.lavalink.protocol.v4.Message;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.PlayerUpdateMessage;
import dev.botty.lavalink.protocol.v4.ReadyMessage;
import dev.botty.lavalink.protocol.v4.StatsMessage;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import dev.botty.lavalink.protocol.v4.TrackException;
import dev.botty.lavalink.protocol.v4.TrackExceptionEvent;
import dev.botty.lavalink.protocol.v4.TrackStartEvent;
import dev.botty.lavalink.protocol.v4.TrackStuckEvent;
import dev.botty.lavalink.protocol.v4.WebSocketClosedEvent;
import dev.botty.simulator.FakeLavalink;
import dev.botty.simulator.LavalinkCatalogue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node's WebSocket against the Lavalink stand-in: connecting, messages, the version check, drops, resumes and restarts. */
class LavalinkNodeConnectionTest {
    FakeLavalink lavalink;
    Recorder recorder = new Recorder();
    LavalinkNode node;

    @BeforeEach
    void startLavalink() {
        lavalink = FakeLavalink.start();
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        lavalink.close();
    }

    private LavalinkNode connect() throws InterruptedException {
        node = new LavalinkNode(config(lavalink, "main"), recorder);
        node.start();
        recorder.awaitState("main", NodeState.CONNECTED);
        return node;
    }

    private int barriers = 100;

    /** Everything the stand-in sent so far has reached the listener: a marked stats message sent now has. */
    private void barrier() throws InterruptedException {
        int marker = ++barriers;
        lavalink.cpu(marker, 0.1, 0.02).sendStats();
        recorder.await(StatsMessage.class, stats -> stats.stats().cpu().cores() == marker);
    }

    private Track play(String identifier) throws Exception {
        Track track = ((LoadResult.TrackLoaded) await(node.loadTracks(identifier))).track();
        await(node.updatePlayer(GUILD, PlayerUpdate.builder().voice(VOICE).track(track).build()));
        return track;
    }

    @Test
    void connectsWithTheDocumentedHeadersThenGetsReadyAndStats() throws Exception {
        connect();

        FakeLavalink.Handshake handshake = lavalink.handshakes().getFirst();
        assertEquals(101, handshake.status());
        assertEquals(lavalink.password(), handshake.header("Authorization"));
        assertEquals(Long.toString(BOT), handshake.header("User-Id"));
        assertTrue(handshake.header("Client-Name").matches("botty/\\d+\\.\\d+\\.\\d+.*"), handshake.header("Client-Name"));
        assertNull(handshake.header("Session-Id"), "nothing to resume on a first connect");

        ReadyMessage ready = recorder.await(ReadyMessage.class);
        StatsMessage stats = recorder.await(StatsMessage.class);
        assertFalse(ready.resumed());
        assertEquals(List.of(ready.sessionId()), lavalink.connectedSessionIds());
        assertEquals(ready.sessionId(), node.sessionId().orElseThrow());
        assertTrue(recorder.messages().indexOf(ready) < recorder.messages().indexOf(stats), "ready comes first");
        assertEquals(stats.stats(), node.lastStats().orElseThrow());
        assertEquals("4.2.2", node.serverInfo().orElseThrow().version().semver());
        assertEquals(List.of(NodeState.CONNECTING, NodeState.CONNECTED),
                recorder.states().stream().map(Recorder.StateChange::current).toList());
    }

    @Test
    void statsOnDemandAndEveryMinuteUpdateTheNodesLoad() throws Exception {
        connect();
        recorder.await(StatsMessage.class);

        lavalink.cpu(8, 0.5, 0.25).sendStats();
        StatsMessage onDemand = recorder.awaitNth(2, StatsMessage.class, m -> true);
        lavalink.advance(Duration.ofMinutes(1));
        recorder.awaitNth(3, StatsMessage.class, m -> true);

        assertEquals(0.25, onDemand.stats().cpu().lavalinkLoad());
        assertEquals(8, node.lastStats().orElseThrow().cpu().cores());
    }

    @Test
    void refusesAServerOlderThan420UntilItIsUpgraded() throws Exception {
        lavalink.version("4.1.2");
        node = new LavalinkNode(config(lavalink, "old"), recorder);
        node.start();

        recorder.awaitState("old", NodeState.UNSUPPORTED_VERSION);
        assertEquals(NodeState.UNSUPPORTED_VERSION, node.state());
        assertTrue(lavalink.handshakes().isEmpty(), "no WebSocket to a server that cannot join DAVE voice");
        assertTrue(node.sessionId().isEmpty());
        failure(NodeUnavailableException.class, node.updatePlayer(GUILD, PlayerUpdate.voice(VOICE)));

        // Checked again now and then (here every 200 ms): an upgraded server is taken.
        lavalink.version("4.2.0");
        recorder.awaitState("old", NodeState.CONNECTED);
        assertEquals(1, recorder.states().stream().filter(s -> s.current() == NodeState.UNSUPPORTED_VERSION).count(),
                "the refusal is one state change, not one per check");
    }

    @Test
    void aPreReleaseOf420IsStillRefused() throws Exception {
        lavalink.version("4.2.0-rc.1");
        node = new LavalinkNode(config(lavalink, "rc"), recorder);
        node.start();

        recorder.awaitState("rc", NodeState.UNSUPPORTED_VERSION);
        assertTrue(lavalink.handshakes().isEmpty());
    }

    @Test
    void afterADropItReconnectsAndResumesItsSessionWithItsPlayers() throws Exception {
        connect();
        String session = node.sessionId().orElseThrow();
        Track lofi = play(LavalinkCatalogue.LOFI);
        lavalink.awaitCall(c -> c.path().equals("/v4/sessions/" + session) && c.status() == 200, Recorder.TIMEOUT);

        lavalink.dropConnections();

        recorder.awaitState("main", NodeState.DISCONNECTED);
        recorder.awaitState("main", NodeState.CONNECTED, 2);
        FakeLavalink.Handshake again = lavalink.handshakes().get(1);
        assertEquals(session, again.header("Session-Id"));
        assertTrue(again.resumed());
        assertTrue(recorder.awaitNth(2, ReadyMessage.class, r -> true).resumed());
        assertEquals(session, node.sessionId().orElseThrow());
        assertEquals(lofi.encoded(), await(node.getPlayer(GUILD)).track().encoded(), "the player survived");
        assertTrue(recorder.lostSessions().isEmpty());
    }

    @Test
    void aConnectionThatGoesSilentIsReplaced() throws Exception {
        connect();

        // No close, no pong: only the node's pings can tell (here every 100 ms).
        lavalink.freezeConnections();

        recorder.awaitState("main", NodeState.DISCONNECTED);
        recorder.awaitState("main", NodeState.CONNECTED, 2);
        assertEquals(2, lavalink.handshakes().size());
    }

    @Test
    void eventsMissedWhileAwayArriveWhenTheSessionResumes() throws Exception {
        connect();
        String session = node.sessionId().orElseThrow();
        await(node.updatePlayer(GUILD, PlayerUpdate.builder().voice(VOICE).identifier(LavalinkCatalogue.WALTZ_URL)
                .position(60_000).build()));
        lavalink.awaitCall(c -> c.path().equals("/v4/sessions/" + session) && c.status() == 200, Recorder.TIMEOUT);

        lavalink.takeDown(true);
        recorder.awaitState("main", NodeState.DISCONNECTED);
        // The track plays on without the client and ends (at 95 s) while nobody listens, well
        // within the 60 s the session is kept.
        lavalink.advance(Duration.ofSeconds(40));
        lavalink.bringUp();

        recorder.awaitState("main", NodeState.CONNECTED, 2);
        TrackEndEvent end = recorder.await(TrackEndEvent.class);
        assertEquals(TrackEndEvent.Reason.FINISHED, end.reason());
        assertTrue(end.reason().mayStartNext());
        assertEquals(session, node.sessionId().orElseThrow());
        assertTrue(recorder.lostSessions().isEmpty());
    }

    @Test
    void aRestartWithoutItsSessionTellsTheListenerToRecreateThePlayers() throws Exception {
        connect();
        String session = node.sessionId().orElseThrow();
        Track rick = play(LavalinkCatalogue.RICK_ASTLEY);

        lavalink.restart(false);

        Recorder.Lost lost = recorder.awaitSessionLost();
        assertEquals(new Recorder.Lost("main", session), lost);
        assertEquals(NodeState.CONNECTED, node.state(), "connected again when told");
        String fresh = node.sessionId().orElseThrow();
        assertNotEquals(session, fresh);
        assertFalse(recorder.awaitNth(2, ReadyMessage.class, r -> true).resumed());
        assertTrue(await(node.getPlayers()).isEmpty(), "Lavalink's players went with its process");

        // The owner re-creates its player from its own state.
        await(node.updatePlayer(GUILD, PlayerUpdate.builder().voice(VOICE).track(rick).position(60_000).build()));
        assertEquals(60_000, await(node.getPlayer(GUILD)).state().position());
    }

    @Test
    void aSessionOutlivingItsResumeTimeoutIsReportedLost() throws Exception {
        connect();
        String session = node.sessionId().orElseThrow();
        lavalink.awaitCall(c -> c.path().equals("/v4/sessions/" + session) && c.status() == 200, Recorder.TIMEOUT);

        lavalink.takeDown(true);
        recorder.awaitState("main", NodeState.DISCONNECTED);
        lavalink.advance(NodeConfig.DEFAULT_RESUME_TIMEOUT);
        lavalink.bringUp();

        assertEquals(session, recorder.awaitSessionLost().sessionId());
    }

    @Test
    void playerUpdatesAndTheTrackEndFollowLavalinksClock() throws Exception {
        connect();
        play(LavalinkCatalogue.WALTZ_URL);
        recorder.await(TrackStartEvent.class);

        lavalink.advance(Duration.ofSeconds(5));
        PlayerUpdateMessage update = recorder.await(PlayerUpdateMessage.class, u -> u.state().position() == 5_000);
        assertEquals(Long.toString(GUILD), update.guildId());
        assertTrue(update.state().connected());
        assertEquals(FakeLavalink.EPOCH.plusSeconds(5).toEpochMilli(), update.state().time());

        lavalink.advance(Duration.ofSeconds(89));
        barrier();
        assertTrue(recorder.messages().stream().noneMatch(m -> m instanceof TrackEndEvent), "not over at 94 s");
        lavalink.advance(Duration.ofSeconds(1));
        TrackEndEvent end = recorder.await(TrackEndEvent.class);
        assertEquals(TrackEndEvent.Reason.FINISHED, end.reason());
        assertEquals(95_000, end.track().info().position());
        long updates = recorder.messages().stream().filter(m -> m instanceof PlayerUpdateMessage).count();
        assertEquals(19, updates, "one at the start, then every 5 s up to 90 s");
    }

    @Test
    void exceptionsStuckTracksAndClosedVoiceSocketsReachTheListener() throws Exception {
        connect();
        play(LavalinkCatalogue.ROCK);
        lavalink.advance(Duration.ofSeconds(10));

        lavalink.trackStuck(GUILD, 10_000);
        lavalink.trackException(GUILD, "Something broke while decoding", "fault");
        lavalink.voiceSocketClosed(GUILD, 4006, "Session is no longer valid.", true);

        assertEquals(10_000, recorder.await(TrackStuckEvent.class).thresholdMs());
        TrackExceptionEvent exception = recorder.await(TrackExceptionEvent.class);
        assertEquals("Something broke while decoding", exception.exception().message());
        assertEquals(TrackException.Severity.FAULT, exception.exception().severity());
        // After some audio, a failing track ends as finished (loadFailed is for tracks that never played).
        assertEquals(TrackEndEvent.Reason.FINISHED, recorder.await(TrackEndEvent.class).reason());
        WebSocketClosedEvent closed = recorder.await(WebSocketClosedEvent.class);
        assertEquals(4006, closed.code());
        assertTrue(closed.byRemote());
        recorder.await(PlayerUpdateMessage.class, u -> !u.state().connected() && u.state().ping() == -1);
    }

    @Test
    void unknownOpsPluginEventsAndGarbageAreSkipped() throws Exception {
        connect();
        recorder.await(StatsMessage.class);

        lavalink.sendRaw("{\"op\":\"pluginHello\",\"hello\":true}");
        lavalink.sendRaw("{\"op\":\"event\",\"type\":\"SegmentsLoaded\",\"guildId\":\"" + GUILD + "\",\"segments\":[]}");
        lavalink.sendRaw("{\"op\":\"stats\",\"players\":\"many\"}");
        lavalink.sendStats();

        recorder.awaitNth(2, StatsMessage.class, m -> true);
        assertEquals(NodeState.CONNECTED, node.state());
        assertEquals(List.of("ReadyMessage", "StatsMessage", "StatsMessage"),
                recorder.messages().stream().map(Message::getClass).map(Class::getSimpleName).toList());
    }

    @Test
    void closingLeavesTheSessionToBeResumedByTheNextStart() throws Exception {
        connect();
        String session = node.sessionId().orElseThrow();
        Track rick = play(LavalinkCatalogue.RICK_ASTLEY);
        lavalink.awaitCall(c -> c.path().equals("/v4/sessions/" + session) && c.status() == 200, Recorder.TIMEOUT);

        node.close();
        assertEquals(NodeState.CLOSED, node.state());
        lavalink.awaitDisconnected(session, Recorder.TIMEOUT);
        Recorder next = new Recorder();
        try (LavalinkNode restarted = new LavalinkNode(config(lavalink, "main"), next)) {
            // An owner that kept the session id across its own restart.
            restarted.start(session);
            next.awaitState("main", NodeState.CONNECTED);

            assertTrue(next.await(ReadyMessage.class).resumed());
            assertEquals(rick.encoded(), await(restarted.getPlayer(GUILD)).track().encoded());
            assertTrue(next.lostSessions().isEmpty());
        }
    }
}
