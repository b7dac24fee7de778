package dev.botty.voice.music;

import dev.botty.internal.NodeStatus;
import dev.botty.lavalink.ClusterListener;
import dev.botty.lavalink.LavalinkCluster;
import dev.botty.lavalink.LavalinkNode;
import dev.botty.lavalink.NodeConfig;
import dev.botty.lavalink.NodeState;
import dev.botty.lavalink.PlayerSnapshot;
import dev.botty.lavalink.protocol.v4.Message;
import dev.botty.lavalink.protocol.v4.Player;
import dev.botty.lavalink.protocol.v4.PlayerUpdateMessage;
import dev.botty.lavalink.protocol.v4.Stats;
import dev.botty.lavalink.protocol.v4.Track;
import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import dev.botty.lavalink.protocol.v4.TrackExceptionEvent;
import dev.botty.lavalink.protocol.v4.TrackStartEvent;
import dev.botty.lavalink.protocol.v4.TrackStuckEvent;
import dev.botty.lavalink.protocol.v4.WebSocketClosedEvent;
import dev.botty.voice.config.VoiceNodeConfig.MusicConfig;
import dev.botty.voice.gateway.JoinOutcome;
import dev.botty.voice.gateway.VoiceConnectionListener;
import dev.botty.voice.gateway.VoiceConnectionUpdate;
import dev.botty.voice.gateway.VoiceEvent;
import dev.botty.voice.gateway.VoiceEventListener;
import dev.botty.voice.gateway.VoiceGateway;
import dev.botty.voice.music.MusicOverview;
import dev.botty.voice.queue.FilterPreset;
import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.QueuedTrack;
import dev.botty.voice.store.MusicStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every guild's music on this node, and the one place the outside world reaches it: Discord's
 * voice updates and events, Lavalink's messages and node changes, the restart, and the idle rule.
 *
 * <p>The idle rule is one mechanism: each guild keeps when it went quiet and when it was left
 * alone; a single {@link #sweep()} every few seconds asks each guild whether it is overdue and
 * makes it leave. No per-guild timers exist to be forgotten or raced.
 */
public final class Jukebox implements VoiceConnectionListener, VoiceEventListener, MusicOverview, AutoCloseable {
    /** How often the idle rule is checked. */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);
    /** How long a guild may wait after a restart for Discord to hand back its voice connection. */
    static final Duration REJOIN_PATIENCE = Duration.ofSeconds(60);
    private static final int SUGGESTION_CACHE = 256;
    private static final Logger LOG = LoggerFactory.getLogger(Jukebox.class);

    private final Map<Long, GuildMusic> guilds = new ConcurrentHashMap<>();
    private final Map<String, List<Track>> suggestionCache = new ConcurrentHashMap<>();
    private final MusicServices services;
    private final TrackLoader loader;
    private final LavalinkCluster cluster;
    private final StoreWriter store;
    private final ScheduledExecutorService sweeper =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("music-sweeper").daemon().factory());

    /**
     * @param config  the Lavalink servers, search sources and the leave rules
     * @param userId  the bot's user id (Lavalink's {@code User-Id})
     * @param errors  where trouble worth showing on the status page goes
     */
    public Jukebox(MusicConfig config, long userId, VoiceGateway gateway, MusicStore musicStore, InstantSource clock, MusicMetrics metrics,
                   Consumer<String> errors) {
        this.loader = new TrackLoader(config.searchSources());
        this.store = new StoreWriter(musicStore, errors);
        List<NodeConfig> nodes = config.lavalinkUrls().stream()
                .map(url -> NodeConfig.of(url.getHost() + ":" + (url.getPort() == -1 ? defaultPort(url) : url.getPort()), url,
                        config.lavalinkPassword(), userId))
                .toList();
        this.cluster = new LavalinkCluster(nodes, this::playerState, new LavalinkEvents());
        this.services = new MusicServices(cluster, gateway, store, clock, metrics, errors, config.idleTimeout(), config.aloneTimeout(),
                new Autoplay(cluster, loader), config.djRoleId());
    }

    /** Connects to Lavalink and starts the idle rule. */
    public void start() {
        // The sessions the last process left resumable: Lavalink kept their players playing meanwhile.
        cluster.start(store.store().lavalinkSessions());
        long period = SWEEP_INTERVAL.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Picks up the guilds that were playing before a restart: each gets its queue back and, if the
     * bot was in voice, rejoins that channel; the current track resumes where it was once Discord
     * has handed over the voice connection.
     */
    public void restore() {
        VoiceGateway gateway = services.gateway();
        List<GuildSnapshot> active = store.store().loadActive();
        LOG.info("picking up {} guild(s) with music from before the restart", active.size());
        // Players Lavalink kept through the restart go on as they are; the others are given their track again.
        Map<Long, Player> kept = cluster.kept().completeOnTimeout(Map.of(), KEPT_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        java.util.Set<Long> restored = active.stream().map(GuildSnapshot::guildId).collect(java.util.stream.Collectors.toSet());
        kept.keySet().stream().filter(guildId -> !restored.contains(guildId)).forEach(guildId ->
                cluster.destroyPlayer(guildId).exceptionally(failure -> null)); // kept, but nothing of the guild's music is left
        for (GuildSnapshot snapshot : active) {
            GuildMusic music = new GuildMusic(snapshot, store.store().history(snapshot.guildId()), services);
            guilds.put(snapshot.guildId(), music);
            Player player = kept.get(snapshot.guildId());
            if (player != null) {
                music.adopt(player);
            }
            long channel = snapshot.voiceChannelId();
            if (channel == 0) {
                continue;
            }
            music.rejoining();
            JoinOutcome outcome = gateway.join(snapshot.guildId(), channel);
            switch (outcome) {
                case REQUESTED -> LOG.info("guild {}: rejoining its voice channel after a restart", snapshot.guildId());
                case ALREADY_THERE -> {
                    // Discord still shows the bot there from the last run: ask for a fresh voice connection.
                    LOG.info("guild {}: reconnecting to its voice channel after a restart", snapshot.guildId());
                    gateway.reconnect(snapshot.guildId(), channel);
                }
                default -> {
                    LOG.info("guild {}: cannot rejoin its voice channel after a restart ({}); its queue waits", snapshot.guildId(), outcome);
                    music.leftVoice();
                }
            }
        }
    }

    /** How long a restart waits for the Lavalink sessions it resumes to say which players they kept. */
    private static final Duration KEPT_WAIT = Duration.ofSeconds(5);

    /** The guild's music, loaded from the store the first time it is asked for. */
    GuildMusic guild(long guildId) {
        return guilds.computeIfAbsent(guildId, id -> new GuildMusic(store.store().load(id).orElseGet(() -> GuildSnapshot.fresh(id)),
                store.store().history(id), services));
    }

    Optional<GuildMusic> existing(long guildId) {
        return Optional.ofNullable(guilds.get(guildId));
    }

    MusicServices services() {
        return services;
    }

    /** Loads what {@code /play} was given, on the guild's Lavalink node. */
    CompletableFuture<TrackLoader.Loaded> load(long guildId, String query, long requesterId) {
        return cluster.nodeFor(guildId).thenCompose(node -> loader.load(node, query, requesterId));
    }

    /** Search results for {@code /play}'s autocomplete (cached briefly: people type the same prefixes). */
    CompletableFuture<List<Track>> suggestions(long guildId, String words) {
        String key = words.strip().toLowerCase(java.util.Locale.ROOT);
        List<Track> cached = suggestionCache.get(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return cluster.nodeFor(guildId).thenCompose(node -> loader.suggestions(node, key)).thenApply(tracks -> {
            if (suggestionCache.size() >= SUGGESTION_CACHE) {
                suggestionCache.clear();
            }
            suggestionCache.put(key, tracks);
            return tracks;
        });
    }

    /** Applies the idle rule once: every overdue guild leaves. */
    public void sweep() {
        Instant now = services.clock().instant();
        for (GuildMusic music : guilds.values()) {
            if (music.rejoinExpired(now, REJOIN_PATIENCE)) {
                LOG.info("guild {}: Discord did not hand back the voice connection; its queue waits", music.guildId());
                music.leftVoice();
            }
            music.overdue(now).ifPresent(why -> {
                LOG.info("guild {}: leaving, {}", music.guildId(), why);
                music.leave(why);
            });
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("idle sweep failed", e);
        }
    }

    /** Waits until every change so far is in the store. */
    public void flush() throws InterruptedException {
        store.flush();
    }

    private Optional<PlayerSnapshot> playerState(long guildId) {
        GuildMusic music = guilds.get(guildId);
        return music == null ? Optional.empty() : music.playerSnapshot();
    }

    private static int defaultPort(URI url) {
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    // ---- Discord ---------------------------------------------------------------------------------

    @Override
    public void onVoiceConnectionUpdate(VoiceConnectionUpdate update) {
        guild(update.guildId()).onVoice(update);
    }

    @Override
    public void onVoiceEvent(VoiceEvent event) {
        GuildMusic music = guilds.get(event.guildId());
        if (music == null) {
            return;
        }
        switch (event) {
            case VoiceEvent.BotJoined joined -> { }
            case VoiceEvent.BotMoved moved -> music.onBotMoved(moved.toChannelId());
            case VoiceEvent.BotDisconnected disconnected -> {
                // A reconnect after a restart disconnects first: not a reason to give up the queue.
                if (music.voiceChannelId() != 0 && !music.isRejoining()) {
                    music.leave("I was disconnected from the channel");
                }
            }
            case VoiceEvent.AloneInChannel alone -> music.onAlone(true);
            case VoiceEvent.ListenerReturned back -> music.onAlone(false);
        }
    }

    // ---- Lavalink --------------------------------------------------------------------------------

    private final class LavalinkEvents implements ClusterListener {
        @Override
        public void onMessage(LavalinkNode node, Message message) {
            switch (message) {
                case TrackStartEvent start -> on(start.guildId(), music -> music.onTrackStart(start.track().encoded()));
                case TrackEndEvent end -> on(end.guildId(), music -> music.onTrackEnd(end.track().encoded(), end.reason()));
                case TrackExceptionEvent failed -> on(failed.guildId(),
                        music -> music.onTrackException(failed.track().encoded(), failed.exception().message()));
                case TrackStuckEvent stuck -> on(stuck.guildId(), music -> music.onTrackStuck(stuck.track().encoded()));
                case WebSocketClosedEvent closed -> LOG.info("guild {}: Discord closed Lavalink's voice connection: {} {} (by remote: {})",
                        closed.guildId(), closed.code(), closed.reason(), closed.byRemote());
                case PlayerUpdateMessage update -> on(update.guildId(), music -> music.onPlayerUpdate(update.state()));
                default -> { }
            }
        }

        @Override
        public void onNodeStateChanged(LavalinkNode node, NodeState previous, NodeState current) {
            LOG.info("Lavalink {}: {} → {}", node.name(), previous, current);
            if (current == NodeState.UNSUPPORTED_VERSION) {
                services.errors().accept("Lavalink " + node.name() + " is older than 4.2 and cannot join Discord's encrypted voice; not used");
            } else if (current == NodeState.CONNECTED) {
                guilds.values().forEach(GuildMusic::replay);
            } else if (previous == NodeState.CONNECTED && current != NodeState.CLOSED) {
                services.errors().accept("lost the connection to Lavalink " + node.name());
            }
        }

        @Override
        public void onPlayerLost(long guildId, LavalinkNode from, Throwable cause) {
            on(Long.toString(guildId), GuildMusic::onPlayerLost);
        }

        private void on(String guildId, Consumer<GuildMusic> action) {
            GuildMusic music;
            try {
                music = guilds.get(Long.parseLong(guildId));
            } catch (NumberFormatException e) {
                return;
            }
            if (music != null) {
                action.accept(music);
            }
        }
    }

    // ---- Status ----------------------------------------------------------------------------------

    @Override
    public List<NodeStatus.GuildPlayer> guilds() {
        VoiceGateway gateway = services.gateway();
        List<NodeStatus.GuildPlayer> players = new ArrayList<>();
        for (GuildMusic music : guilds.values()) {
            GuildSnapshot snapshot = music.snapshot();
            if (!snapshot.active()) {
                continue;
            }
            QueuedTrack current = snapshot.current();
            players.add(new NodeStatus.GuildPlayer(
                    Long.toString(snapshot.guildId()),
                    gateway.guildName(snapshot.guildId()).orElse("(unknown guild)"),
                    snapshot.voiceChannelId() == 0 ? null : gateway.channelName(snapshot.guildId(), snapshot.voiceChannelId()).orElse("(unknown channel)"),
                    current == null ? null : new NodeStatus.NowPlaying(current.title(), current.author(), current.uri(),
                            snapshot.positionMs(), current.lengthMs(), snapshot.paused()),
                    snapshot.queue().size(), snapshot.loop().key(), snapshot.volume(),
                    snapshot.filter() == FilterPreset.OFF ? null : snapshot.filter().key(), snapshot.autoplay()));
        }
        players.sort(Comparator.comparing(NodeStatus.GuildPlayer::guildName));
        return players;
    }

    @Override
    public int voiceConnections() {
        return (int) guilds.values().stream().filter(music -> music.voiceChannelId() != 0).count();
    }

    @Override
    public List<NodeStatus.LavalinkNode> lavalinkNodes() {
        return cluster.nodes().stream().map(Jukebox::nodeStatus).toList();
    }

    private static NodeStatus.LavalinkNode nodeStatus(LavalinkNode node) {
        Stats stats = node.lastStats().orElse(null);
        String state = switch (node.state()) {
            case UNSUPPORTED_VERSION -> "REFUSED";
            default -> node.state().name();
        };
        NodeStatus.Frames frames = stats == null || stats.frameStats() == null ? null
                : new NodeStatus.Frames(stats.frameStats().sent(), stats.frameStats().nulled(), stats.frameStats().deficit());
        return new NodeStatus.LavalinkNode(node.name(), state, node.serverInfo().map(info -> info.version().semver()).orElse(null),
                stats == null ? 0 : stats.players(), stats == null ? 0 : stats.playingPlayers(),
                stats == null ? 0 : stats.cpu().lavalinkLoad(), stats == null ? 0 : stats.memory().used(), frames);
    }

    @Override
    public void close() throws InterruptedException {
        sweeper.shutdownNow();
        // Positions are otherwise written every few seconds: a planned restart resumes exactly.
        guilds.values().forEach(music -> store.save(music.snapshot()));
        // The sessions stay resumable (Lavalink keeps them for the resume timeout, their players
        // playing): the next process resumes them and its players go on without a gap.
        java.util.Map<String, String> sessions = new java.util.LinkedHashMap<>();
        for (LavalinkNode node : cluster.nodes()) {
            node.sessionId().ifPresent(id -> sessions.put(node.name(), id));
        }
        try {
            store.store().saveLavalinkSessions(sessions);
        } catch (RuntimeException e) {
            LOG.warn("the Lavalink sessions were not kept for the next start: {}", e.toString());
        }
        cluster.close();
        store.close();
    }
}
