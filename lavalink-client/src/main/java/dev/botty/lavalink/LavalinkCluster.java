package dev.botty.lavalink;

import dev.botty.lavalink.protocol.v4.Message;
import dev.botty.lavalink.protocol.v4.Player;
import dev.botty.lavalink.protocol.v4.PlayerEvent;
import dev.botty.lavalink.protocol.v4.PlayerUpdateMessage;
import dev.botty.lavalink.protocol.v4.ReadyMessage;
import dev.botty.lavalink.protocol.v4.Stats;
import dev.botty.lavalink.protocol.v4.StatsMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several Lavalink nodes serving guilds together.
 *
 * <p>A guild without a node gets the connected node with the lowest {@linkplain #penalty(Stats)
 * penalty} and keeps it. When a node dies (not connected for {@code failoverDelay}), each of its
 * guilds is moved: the owner's {@link PlayerStateSource} gives the guild's track, position,
 * volume, pause and voice, and the player is re-created on the best other connected node. The same
 * happens, on any connected node, when a node comes back with a new session (its players are
 * gone). When a node comes back with its old session, players it still holds for guilds that
 * moved away are destroyed, and events from such stale players are never passed on.
 */
public final class LavalinkCluster implements AutoCloseable {
    public static final Duration DEFAULT_FAILOVER_DELAY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(LavalinkCluster.class);

    /** A node and what the cluster knows of it; guarded by the cluster's lock. */
    private static final class Entry {
        final LavalinkNode node;
        final int order;
        long downSinceNanos = -1;
        int assignedSinceStats;
        /** Completed at the node's first ready with the players it kept, when it was started to resume a session; else empty at once. */
        final CompletableFuture<List<Player>> kept = new CompletableFuture<>();
        boolean resumingAtStart;

        Entry(LavalinkNode node, int order) {
            this.node = node;
            this.order = order;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<Long, LavalinkNode> assignments = new HashMap<>();
    private final Map<Long, CompletableFuture<LavalinkNode>> moves = new HashMap<>();
    private final PlayerStateSource players;
    private final ClusterListener listener;
    private final Duration failoverDelay;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lavalink-cluster").daemon().factory());

    public LavalinkCluster(List<NodeConfig> nodes, PlayerStateSource players, ClusterListener listener) {
        this(nodes, DEFAULT_FAILOVER_DELAY, players, listener);
    }

    /** {@code failoverDelay}: how long a node may be away (and perhaps resume) before its guilds move elsewhere. */
    public LavalinkCluster(List<NodeConfig> nodes, Duration failoverDelay, PlayerStateSource players, ClusterListener listener) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one node");
        }
        this.players = players;
        this.listener = listener;
        this.failoverDelay = failoverDelay;
        for (NodeConfig config : nodes) {
            if (entries.containsKey(config.name())) {
                throw new IllegalArgumentException("two nodes are named " + config.name());
            }
            entries.put(config.name(), new Entry(new LavalinkNode(config, new NodeEvents()), entries.size()));
        }
    }

    public void start() {
        start(Map.of());
    }

    /**
     * Starts every node, those named in {@code sessionIds} resuming that session (the previous
     * process's, kept across its restart): if Lavalink still holds it, its players never stopped,
     * and the cluster serves their guilds from that node again ({@link #kept()}).
     */
    public void start(Map<String, String> sessionIds) {
        List<Entry> started;
        synchronized (this) {
            started = List.copyOf(entries.values());
            for (Entry entry : started) {
                entry.resumingAtStart = sessionIds.containsKey(entry.node.name());
                if (!entry.resumingAtStart) {
                    entry.kept.complete(List.of());
                }
            }
        }
        started.forEach(entry -> entry.node.start(sessionIds.get(entry.node.name())));
    }

    /**
     * The players that kept playing through the owner's restart, by guild, once every node started
     * to resume has said whether it did (a node that never connects holds this back: callers bound
     * the wait). Their guilds are served by the node that kept them.
     */
    public CompletableFuture<Map<Long, Player>> kept() {
        List<CompletableFuture<List<Player>>> waits;
        synchronized (this) {
            waits = entries.values().stream().map(entry -> entry.kept).toList();
        }
        return CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Long, Player> byGuild = new HashMap<>();
            waits.forEach(wait -> wait.join().forEach(player -> byGuild.put(Long.parseUnsignedLong(player.guildId()), player)));
            return Map.copyOf(byGuild);
        });
    }

    public synchronized List<LavalinkNode> nodes() {
        return entries.values().stream().map(e -> e.node).toList();
    }

    public synchronized Optional<LavalinkNode> node(String name) {
        return Optional.ofNullable(entries.get(name)).map(e -> e.node);
    }

    /** The node serving the guild now, if any. */
    public synchronized Optional<LavalinkNode> nodeOf(long guildId) {
        return Optional.ofNullable(assignments.get(guildId));
    }

    /**
     * The node to use for the guild: the one serving it; for a new guild the least loaded connected
     * node; for a guild whose node is not connected, another node, with the player first re-created
     * there from the owner's state. Fails with {@link NodeUnavailableException} when no node is connected.
     */
    public CompletableFuture<LavalinkNode> nodeFor(long guildId) {
        LavalinkNode current;
        synchronized (this) {
            CompletableFuture<LavalinkNode> moving = moves.get(guildId);
            if (moving != null) {
                return moving.copy();
            }
            current = assignments.get(guildId);
            if (current != null && current.state() == NodeState.CONNECTED) {
                return CompletableFuture.completedFuture(current);
            }
            if (current == null) {
                Entry best = leastLoaded(null);
                if (best == null) {
                    return CompletableFuture.failedFuture(noNode());
                }
                assign(guildId, best);
                return CompletableFuture.completedFuture(best.node);
            }
        }
        return move(guildId, current, false);
    }

    /** Destroys the guild's player on its node and forgets the guild. */
    public CompletableFuture<Void> destroyPlayer(long guildId) {
        LavalinkNode node;
        synchronized (this) {
            node = assignments.remove(guildId);
        }
        return node == null ? CompletableFuture.completedFuture(null) : node.destroyPlayer(guildId);
    }

    /** Forgets the guild (its player already destroyed, or the bot left voice). */
    public synchronized void release(long guildId) {
        assignments.remove(guildId);
    }

    /**
     * How loaded a node is; the lowest wins. With {@code P} players, {@code Q} of them playing,
     * Lavalink's own CPU share {@code c} (0–1) and, from the WebSocket's frame stats, {@code d}
     * frames short and {@code n} frames nulled per player-minute (of 3,000):
     *
     * <pre>
     *   Q + (P − Q) / 4                       each playing player counts 1, an idle one a quarter
     * + 10 · 1.05^(100·c) − 10                CPU: about 6 at 10 %, 24 at 25 %, 105 at 50 %
     * + 600 · 1.03^(500·max(d,0)/3000) − 600  missing frames: a node that stutters is avoided
     * + 300 · 1.03^(500·max(n,0)/3000) − 300  nulled frames, likewise at half the weight
     * </pre>
     *
     * The CPU and frame terms are those of Lavalink's own Java client (with its system load
     * replaced by Lavalink's share, which other containers on the host do not inflate). On top of
     * this, each guild the cluster assigned to the node since its last stats counts as one playing
     * player, so that a burst of new guilds is spread before the next stats arrive.
     */
    public static double penalty(Stats stats) {
        double players = stats.playingPlayers() + Math.max(0, stats.players() - stats.playingPlayers()) / 4.0;
        double cpu = Math.pow(1.05, 100 * stats.cpu().lavalinkLoad()) * 10 - 10;
        double frames = 0;
        if (stats.frameStats() != null) {
            frames += Math.pow(1.03, 500.0 * Math.max(0, stats.frameStats().deficit()) / 3000) * 600 - 600;
            frames += Math.pow(1.03, 500.0 * Math.max(0, stats.frameStats().nulled()) / 3000) * 300 - 300;
        }
        return players + cpu + frames;
    }

    // ---- Choosing and moving ----------------------------------------------------------------

    /** Under the lock. */
    private Entry leastLoaded(LavalinkNode excluded) {
        Entry best = null;
        double bestPenalty = Double.MAX_VALUE;
        for (Entry entry : entries.values()) {
            if (entry.node == excluded || entry.node.state() != NodeState.CONNECTED) {
                continue;
            }
            double penalty = entry.node.lastStats().map(LavalinkCluster::penalty).orElse(0.0) + entry.assignedSinceStats;
            if (penalty < bestPenalty) {
                best = entry;
                bestPenalty = penalty;
            }
        }
        return best;
    }

    /** Under the lock. */
    private void assign(long guildId, Entry entry) {
        assignments.put(guildId, entry.node);
        entry.assignedSinceStats++;
    }

    private NodeUnavailableException noNode() {
        return new NodeUnavailableException("no Lavalink node is connected (" + nodes().stream()
                .map(n -> n.name() + ": " + n.state()).toList() + ")");
    }

    /** Re-creates the guild's player away from {@code from} (or on it again, when {@code mayStay}). */
    private CompletableFuture<LavalinkNode> move(long guildId, LavalinkNode from, boolean mayStay) {
        Entry target;
        CompletableFuture<LavalinkNode> moved = new CompletableFuture<>();
        synchronized (this) {
            CompletableFuture<LavalinkNode> moving = moves.get(guildId);
            if (moving != null) {
                return moving.copy();
            }
            if (assignments.get(guildId) != from) {
                // Moved or released meanwhile.
                LavalinkNode now = assignments.get(guildId);
                return now == null ? CompletableFuture.failedFuture(noNode()) : CompletableFuture.completedFuture(now);
            }
            target = leastLoaded(mayStay ? null : from);
            if (target == null) {
                return CompletableFuture.failedFuture(noNode());
            }
            // Assigned before the player exists there, so that its first events are passed on.
            assign(guildId, target);
            moves.put(guildId, moved);
        }
        LavalinkNode to = target.node;
        Optional<PlayerSnapshot> snapshot;
        try {
            snapshot = players.playerState(guildId);
        } catch (RuntimeException e) {
            finishMove(guildId, from, to, moved, e);
            return moved.copy();
        }
        if (snapshot.isEmpty()) {
            // Nothing to re-create: the guild simply lives on the new node from now on.
            synchronized (this) {
                moves.remove(guildId);
            }
            moved.complete(to);
            return moved.copy();
        }
        to.updatePlayer(guildId, snapshot.get().toUpdate()).whenComplete((player, failure) ->
                finishMove(guildId, from, to, moved, failure));
        return moved.copy();
    }

    private void finishMove(long guildId, LavalinkNode from, LavalinkNode to, CompletableFuture<LavalinkNode> moved,
                            Throwable failure) {
        synchronized (this) {
            moves.remove(guildId);
            if (failure != null) {
                assignments.remove(guildId, to);
            }
        }
        if (failure != null) {
            log.error("Could not move the player of guild {} from Lavalink node '{}' to '{}'", guildId, from.name(), to.name(), failure);
            notifyListener(() -> listener.onPlayerLost(guildId, from, failure));
            moved.completeExceptionally(failure);
        } else {
            log.info("Moved the player of guild {} from Lavalink node '{}' to '{}'", guildId, from.name(), to.name());
            notifyListener(() -> listener.onPlayerMoved(guildId, from, to));
            moved.complete(to);
        }
    }

    /** Moves every guild whose node has been away longer than the failover delay. */
    private void reconcile() {
        List<Map.Entry<Long, LavalinkNode>> stranded = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Map.Entry<Long, LavalinkNode> assignment : assignments.entrySet()) {
                Entry entry = entries.get(assignment.getValue().name());
                if (entry.downSinceNanos >= 0 && now - entry.downSinceNanos >= failoverDelay.toNanos()
                        && entry.node.state() != NodeState.CONNECTED && !moves.containsKey(assignment.getKey())) {
                    stranded.add(Map.entry(assignment.getKey(), assignment.getValue()));
                }
            }
        }
        for (Map.Entry<Long, LavalinkNode> guild : stranded) {
            move(guild.getKey(), guild.getValue(), false).exceptionally(failure -> null);
        }
    }

    private void reconcileLater(Duration delay) {
        try {
            timer.schedule(this::reconcile, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed.
        }
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("The Lavalink cluster's listener failed", e);
        }
    }

    // ---- What the nodes say -----------------------------------------------------------------

    private final class NodeEvents implements NodeListener {
        @Override
        public void onStateChanged(LavalinkNode node, NodeState previous, NodeState current) {
            synchronized (LavalinkCluster.this) {
                Entry entry = entries.get(node.name());
                if (current == NodeState.CONNECTED) {
                    entry.downSinceNanos = -1;
                } else if (entry.downSinceNanos < 0) {
                    entry.downSinceNanos = System.nanoTime();
                }
            }
            notifyListener(() -> listener.onNodeStateChanged(node, previous, current));
            // A node that comes up may take guilds stranded on dead ones; one that goes down loses its own later.
            reconcileLater(current == NodeState.CONNECTED ? Duration.ZERO : failoverDelay.plusMillis(1));
        }

        @Override
        public void onMessage(LavalinkNode node, Message message) {
            switch (message) {
                case StatsMessage stats -> {
                    synchronized (LavalinkCluster.this) {
                        entries.get(node.name()).assignedSinceStats = 0;
                    }
                }
                case ReadyMessage ready -> firstReadyOrStale(node, ready);
                case PlayerEvent event -> {
                    if (!serves(node, event.guildId())) {
                        return;
                    }
                }
                case PlayerUpdateMessage update -> {
                    if (!serves(node, update.guildId())) {
                        return;
                    }
                }
                default -> { }
            }
            notifyListener(() -> listener.onMessage(node, message));
        }

        @Override
        public void onSessionLost(LavalinkNode node, String lostSessionId) {
            List<Long> guilds;
            synchronized (LavalinkCluster.this) {
                guilds = assignments.entrySet().stream().filter(a -> a.getValue() == node).map(Map.Entry::getKey).toList();
            }
            for (long guildId : guilds) {
                move(guildId, node, true).exceptionally(failure -> null);
            }
        }
    }

    private synchronized boolean serves(LavalinkNode node, String guildId) {
        try {
            return assignments.get(Long.parseUnsignedLong(guildId)) == node;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The first ready of a node started to resume a session from before the owner's restart: the
     * players it kept are adopted (their guilds served by it again). Any later resume is of the
     * node's own dropped connection: players of guilds that moved away meanwhile are stale.
     */
    private void firstReadyOrStale(LavalinkNode node, ReadyMessage ready) {
        Entry entry;
        boolean adopt;
        synchronized (this) {
            entry = entries.get(node.name());
            adopt = entry.resumingAtStart && !entry.kept.isDone();
        }
        if (!adopt) {
            if (ready.resumed()) {
                destroyStalePlayers(node);
            }
            return;
        }
        if (!ready.resumed()) {
            entry.kept.complete(List.of());
            return;
        }
        node.getPlayers().whenComplete((held, failure) -> {
            if (failure != null) {
                log.warn("Could not list the players Lavalink node '{}' kept", node.name(), failure);
                entry.kept.complete(List.of());
                return;
            }
            synchronized (LavalinkCluster.this) {
                held.forEach(player -> assignments.putIfAbsent(Long.parseUnsignedLong(player.guildId()), node));
            }
            log.info("Lavalink node '{}' kept {} player(s) playing through the restart", node.name(), held.size());
            entry.kept.complete(List.copyOf(held));
        });
    }

    /** A resumed node still holds players for guilds that moved away while it was gone. */
    private void destroyStalePlayers(LavalinkNode node) {
        node.getPlayers().whenComplete((held, failure) -> {
            if (failure != null) {
                log.warn("Could not list the players of Lavalink node '{}' after it resumed", node.name(), failure);
                return;
            }
            for (Player player : held) {
                if (!serves(node, player.guildId())) {
                    long guildId = Long.parseUnsignedLong(player.guildId());
                    log.info("Destroying the stale player of guild {} on Lavalink node '{}'", guildId, node.name());
                    node.destroyPlayer(guildId).exceptionally(e -> null);
                }
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        nodes().forEach(LavalinkNode::close);
    }
}
