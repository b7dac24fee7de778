package dev.botty.voice.status;

import dev.botty.internal.NodeStatus;
import dev.botty.voice.api.StatusReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The node's state as Prometheus gauges, read from its status when scraped (at most once a
 * second however many gauges ask): guilds, voice connections, players by state, tracks queued,
 * gateway ping, and per Lavalink node (named in the configuration, so a bounded label) whether it
 * is up, its players, CPU, memory and last minute's frames.
 */
@Context
@Requires(beans = MeterRegistry.class)
final class NodeGauges {
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final StatusReport report;
    private NodeStatus latest;
    private long latestAt;

    NodeGauges(StatusReport report, MeterRegistry registry) {
        this.report = report;
        gauge(registry, "botty_voice_guilds", "Guilds this node's gateway shard holds", s -> s.gateway().guilds());
        gauge(registry, "botty_voice_connections", "Guilds where the bot sits in a voice channel", NodeStatus::voiceConnections);
        for (String state : new String[] {"playing", "paused", "idle"}) {
            Gauge.builder("botty_voice_players", this, gauges -> players(gauges.status(), state))
                    .description("Guild players by state").tag("state", state).register(registry);
        }
        gauge(registry, "botty_voice_tracks_queued", "Tracks waiting in all queues",
                s -> s.guilds().stream().mapToInt(NodeStatus.GuildPlayer::queueLength).sum());
        Gauge.builder("botty_gateway_ping_seconds", this, gauges -> Math.max(0, gauges.status().gateway().pingMs()) / 1000.0)
                .description("The gateway's last heartbeat round trip").register(registry);
        for (NodeStatus.LavalinkNode node : report.now().lavalink()) {
            String name = node.name();
            lavalink(registry, name, "botty_lavalink_node_up", "Whether the node is connected and usable", n -> n.usable() ? 1 : 0);
            lavalink(registry, name, "botty_lavalink_players", "Players on the node", NodeStatus.LavalinkNode::players);
            lavalink(registry, name, "botty_lavalink_playing_players", "Playing players on the node", NodeStatus.LavalinkNode::playingPlayers);
            lavalink(registry, name, "botty_lavalink_cpu_load", "Lavalink's own CPU share, 0-1", NodeStatus.LavalinkNode::cpuLoad);
            lavalink(registry, name, "botty_lavalink_memory_used_bytes", "The node's used heap", NodeStatus.LavalinkNode::memoryUsedBytes);
            lavalink(registry, name, "botty_lavalink_frames_sent", "Frames sent to Discord in the last minute", n -> n.frames() == null ? 0 : n.frames().sent());
            lavalink(registry, name, "botty_lavalink_frames_nulled", "Empty frames in the last minute", n -> n.frames() == null ? 0 : n.frames().nulled());
            lavalink(registry, name, "botty_lavalink_frames_deficit", "Frames missing in the last minute (stutter)",
                    n -> n.frames() == null ? 0 : n.frames().deficit());
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<NodeStatus> value) {
        Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.status())).description(description).register(registry);
    }

    private void lavalink(MeterRegistry registry, String node, String name, String description, ToDoubleFunction<NodeStatus.LavalinkNode> value) {
        Gauge.builder(name, this, gauges -> gauges.status().lavalink().stream().filter(n -> n.name().equals(node)).findFirst()
                        .map(value::applyAsDouble).orElse(0.0))
                .description(description).tag("node", node).register(registry);
    }

    private static double players(NodeStatus status, String state) {
        return status.guilds().stream().filter(guild -> state.equals(stateOf(guild))).count();
    }

    private static String stateOf(NodeStatus.GuildPlayer guild) {
        if (guild.nowPlaying() == null) {
            return "idle";
        }
        return guild.nowPlaying().paused() ? "paused" : "playing";
    }

    private synchronized NodeStatus status() {
        long now = System.nanoTime();
        if (latest == null || now - latestAt > FRESH.toNanos()) {
            latest = report.now();
            latestAt = now;
        }
        return latest;
    }
}
