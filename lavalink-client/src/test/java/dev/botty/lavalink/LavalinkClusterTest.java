package dev.botty.lavalink;

import static dev.botty.lavalink.LavalinkNodeRestTest.GUILD;
import static dev.botty.lavalink.LavalinkNodeRestTest.VOICE;
import static dev.botty.lavalink.LavalinkNodeRestTest.await;
import static dev.botty.lavalink.LavalinkNodeRestTest.config;
import static dev.botty.lavalink.LavalinkNodeRestTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.lavalink.protocol.v4.LoadResult;
import dev.botty.lavalink.protocol.v4.Player;
import dev.botty.lavalink.protocol.v4.PlayerUpdate;
import dev.botty.lavalink.protocol.v4.Stats;
import dev.botty.lavalink.protocol.v4.StatsMessage;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import dev.botty.simulator.FakeLavalink;
import dev.botty.simulator.LavalinkCatalogue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two Lavalink stand-ins as one cluster: choosing the least loaded, and moving players off a node that dies. */
class LavalinkClusterTest {
    static final long OTHER_GUILD = GUILD + 1;

    FakeLavalink alpha;
    FakeLavalink beta;
    LavalinkCluster cluster;
    Recorder recorder = new Recorder();
    /** The owner's own record of its players, as the voice node keeps it. */
    Map<Long, PlayerSnapshot> owned = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        alpha = FakeLavalink.start();
        beta = FakeLavalink.start();
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        alpha.close();
        beta.close();
    }

    private void startCluster(Duration failoverDelay) throws InterruptedException {
        cluster = new LavalinkCluster(List.of(config(alpha, "alpha"), config(beta, "beta")), failoverDelay,
                guildId -> Optional.ofNullable(owned.get(guildId)), recorder);
        cluster.start();
        recorder.awaitState("alpha", NodeState.CONNECTED);
        recorder.awaitState("beta", NodeState.CONNECTED);
        // Both have reported their load once.
        recorder.await(() -> cluster.nodes().stream().allMatch(n -> n.lastStats().isPresent()) ? Optional.of(true) : Optional.empty(),
                "stats from both nodes");
    }

    /** Plays a track on the guild's node the way an owner would, and records it as its own. */
    private LavalinkNode play(long guildId, String identifier) throws Exception {
        LavalinkNode node = await(cluster.nodeFor(guildId));
        Track track = ((LoadResult.TrackLoaded) await(node.loadTracks(identifier))).track();
        await(node.updatePlayer(guildId, PlayerUpdate.builder().voice(VOICE).track(track).volume(70).build()));
        owned.put(guildId, new PlayerSnapshot(track, 0, 70, false, VOICE, null));
        return node;
    }

    /** Pushes fresh stats from a stand-in and waits until the cluster has them. */
    private void load(FakeLavalink lavalink, String node, double lavalinkLoad) throws InterruptedException {
        lavalink.cpu(4, lavalinkLoad, lavalinkLoad).sendStats();
        recorder.await(StatsMessage.class, m -> m.stats().cpu().lavalinkLoad() == lavalinkLoad);
        recorder.await(() -> cluster.node(node).orElseThrow().lastStats()
                .filter(s -> s.cpu().lavalinkLoad() == lavalinkLoad), "stats of " + node);
    }

    @Test
    void aNewGuildGoesToTheLeastLoadedNodeAndStaysThere() throws Exception {
        startCluster(Duration.ofSeconds(30));
        load(alpha, "alpha", 0.50);
        load(beta, "beta", 0.05);

        LavalinkNode chosen = await(cluster.nodeFor(GUILD));

        assertEquals("beta", chosen.name());
        load(beta, "beta", 0.90);
        assertEquals("beta", await(cluster.nodeFor(GUILD)).name(), "an assigned guild does not wander");
        assertEquals("alpha", await(cluster.nodeFor(OTHER_GUILD)).name());
    }

    @Test
    void guildsAssignedBeforeTheNextStatsSpreadOver() throws Exception {
        startCluster(Duration.ofSeconds(30));
        load(alpha, "alpha", 0.0);
        load(beta, "beta", 0.0);

        List<String> chosen = List.of(await(cluster.nodeFor(1L)).name(), await(cluster.nodeFor(2L)).name(),
                await(cluster.nodeFor(3L)).name(), await(cluster.nodeFor(4L)).name());

        assertEquals(List.of("alpha", "beta", "alpha", "beta"), chosen);
    }

    @Test
    void thePenaltyWeighsPlayersCpuAndFrames() {
        Stats idle = stats(0, 0, 0.0, null);
        Stats playing = stats(4, 2, 0.0, null);
        Stats busy = stats(0, 0, 0.25, null);
        Stats stuttering = stats(1, 1, 0.0, new Stats.FrameStats(2700, 0, 300));
        Stats surplus = stats(1, 1, 0.0, new Stats.FrameStats(3100, 0, -100));

        assertEquals(0.0, LavalinkCluster.penalty(idle), 1e-9);
        assertEquals(2.5, LavalinkCluster.penalty(playing), 1e-9, "2 playing + 2 idle at a quarter");
        assertEquals(10 * Math.pow(1.05, 25) - 10, LavalinkCluster.penalty(busy), 1e-9);
        assertTrue(LavalinkCluster.penalty(stuttering) > 1000, "10 % of frames missing outweighs any player count");
        assertEquals(1.0, LavalinkCluster.penalty(surplus), 1e-9, "too many frames is no load");
    }

    private static Stats stats(int players, int playing, double lavalinkLoad, Stats.FrameStats frames) {
        return new Stats(players, playing, 0, new Stats.Memory(0, 0, 0, 0), new Stats.Cpu(4, lavalinkLoad, lavalinkLoad), frames);
    }

    @Test
    void whenANodeDiesItsPlayersAreRecreatedElsewhereFromTheOwnersState() throws Exception {
        startCluster(Duration.ZERO);
        load(alpha, "alpha", 0.40);
        LavalinkNode first = play(GUILD, LavalinkCatalogue.RICK_ASTLEY);
        assertEquals("beta", first.name());
        // The owner knows how far the track got and what it changed since.
        owned.put(GUILD, new PlayerSnapshot(owned.get(GUILD).track(), 42_000, 55, true, VOICE, null));

        beta.takeDown(false);

        Recorder.Moved moved = recorder.awaitMove(GUILD);
        assertEquals(new Recorder.Moved(GUILD, "beta", "alpha"), moved);
        assertEquals("alpha", cluster.nodeOf(GUILD).orElseThrow().name());
        JsonNode player = alpha.player(GUILD).orElseThrow();
        assertEquals(LavalinkCatalogue.RICK_ASTLEY, player.path("track").path("info").path("identifier").asText());
        assertEquals(42_000, player.path("state").path("position").asLong());
        assertEquals(55, player.path("volume").asInt());
        assertTrue(player.path("paused").asBoolean());
        assertEquals(VOICE.channelId(), player.path("voice").path("channelId").asText());
        // And the owner goes on through the cluster as before.
        Player seen = await(await(cluster.nodeFor(GUILD)).getPlayer(GUILD));
        assertEquals(42_000, seen.state().position());
    }

    @Test
    void aNodeAwayForLessThanTheFailoverDelayKeepsItsGuilds() throws Exception {
        startCluster(Duration.ofSeconds(30));
        LavalinkNode first = play(GUILD, LavalinkCatalogue.LOFI);
        FakeLavalink home = first.name().equals("alpha") ? alpha : beta;
        home.awaitCall(c -> c.path().equals("/v4/sessions/" + first.sessionId().orElseThrow()) && c.status() == 200, Recorder.TIMEOUT);

        home.dropConnections();
        recorder.awaitState(first.name(), NodeState.CONNECTED, 2);

        assertEquals(first.name(), cluster.nodeOf(GUILD).orElseThrow().name());
        assertTrue(recorder.moves().isEmpty());
        assertEquals(LavalinkCatalogue.LOFI, await(first.getPlayer(GUILD)).track().info().identifier());
    }

    @Test
    void aNodeThatComesBackWithoutItsSessionGetsItsPlayersRecreated() throws Exception {
        startCluster(Duration.ofSeconds(30));
        load(alpha, "alpha", 0.0);
        load(beta, "beta", 0.60);
        LavalinkNode first = play(GUILD, LavalinkCatalogue.ROCK);
        assertEquals("alpha", first.name());

        alpha.restart(false);

        Recorder.Moved moved = recorder.awaitMove(GUILD);
        // The restarted node has no stats yet beyond its old ones and is still the least loaded: the player returns there.
        assertEquals(new Recorder.Moved(GUILD, "alpha", "alpha"), moved);
        assertEquals(LavalinkCatalogue.ROCK, alpha.player(GUILD).orElseThrow().path("track").path("info").path("identifier").asText());
    }

    @Test
    void aNodeThatResumesAfterItsGuildsMovedDropsItsStalePlayersQuietly() throws Exception {
        startCluster(Duration.ofSeconds(30));
        load(alpha, "alpha", 0.0);
        load(beta, "beta", 0.60);
        LavalinkNode first = play(GUILD, LavalinkCatalogue.ROCK);
        assertEquals("alpha", first.name());
        alpha.awaitCall(c -> c.path().equals("/v4/sessions/" + first.sessionId().orElseThrow()) && c.status() == 200, Recorder.TIMEOUT);

        alpha.takeDown(true);
        recorder.awaitState("alpha", NodeState.DISCONNECTED);
        // The owner needs the guild now: it moves to the node that is up.
        assertEquals("beta", await(cluster.nodeFor(GUILD)).name());
        assertEquals(new Recorder.Moved(GUILD, "alpha", "beta"), recorder.awaitMove(GUILD));
        alpha.bringUp();

        // Back with its session, alpha still holds the old player: the cluster destroys it.
        alpha.awaitCall(c -> c.method().equals("DELETE") && c.path().endsWith("/players/" + GUILD), Recorder.TIMEOUT);
        assertTrue(alpha.player(GUILD).isEmpty());
        assertTrue(beta.player(GUILD).isPresent());
        // Its TrackEnd (stopped), sent before these stats on the same socket, is not passed on: the guild is beta's now.
        load(alpha, "alpha", 0.01);
        assertTrue(recorder.messages().stream().noneMatch(m -> m instanceof TrackEndEvent end && end.guildId().equals(Long.toString(GUILD))));
    }

    @Test
    void withNoNodeConnectedAGuildCannotBeServed() throws Exception {
        startCluster(Duration.ZERO);
        alpha.takeDown(false);
        beta.takeDown(false);
        recorder.awaitState("alpha", NodeState.DISCONNECTED);
        recorder.awaitState("beta", NodeState.DISCONNECTED);

        NodeUnavailableException none = failure(NodeUnavailableException.class, cluster.nodeFor(GUILD));
        assertTrue(none.getMessage().contains("no Lavalink node is connected"), none.getMessage());

        alpha.bringUp();
        recorder.awaitState("alpha", NodeState.CONNECTED, 2);
        assertEquals("alpha", await(cluster.nodeFor(GUILD)).name());
    }

    @Test
    void destroyingAPlayerThroughTheClusterForgetsTheGuild() throws Exception {
        startCluster(Duration.ofSeconds(30));
        LavalinkNode node = play(GUILD, LavalinkCatalogue.LOFI);

        await(cluster.destroyPlayer(GUILD));

        assertTrue(cluster.nodeOf(GUILD).isEmpty());
        assertTrue((node.name().equals("alpha") ? alpha : beta).player(GUILD).isEmpty());
    }
}
