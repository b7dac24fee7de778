package dev.botty.voice.api;

import dev.botty.internal.NodeStatus;
import dev.botty.service.ProcessStart;
import dev.botty.service.status.RecentErrors;
import dev.botty.voice.gateway.VoiceGateway;
import dev.botty.voice.music.MusicOverview;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Puts the node's status together from the gateway, the music, the counters and the errors. */
public final class StatusReport {
    private final String version;
    private final Instant startedAt;
    private final int shardId;
    private final int shardCount;
    private final VoiceGateway gateway;
    private final MusicOverview music;
    private final CommandStats commands;
    private final RecentErrors errors;
    private final InstantSource clock;

    StatusReport(String version, int shardId, int shardCount, VoiceGateway gateway, MusicOverview music, CommandStats commands,
                 RecentErrors errors, InstantSource clock) {
        this.version = version;
        this.shardId = shardId;
        this.shardCount = shardCount;
        this.gateway = gateway;
        this.music = music;
        this.commands = commands;
        this.errors = errors;
        this.clock = clock;
        // The process, not this bean, which may be built at the first status request.
        this.startedAt = ProcessStart.instant();
    }

    public NodeStatus now() {
        Instant now = clock.instant();
        return new NodeStatus(version, startedAt, Math.max(0, Duration.between(startedAt, now).toSeconds()), shardId, shardCount,
                new NodeStatus.Gateway(gateway.state(), gateway.pingMillis(), gateway.guildCount()),
                music.voiceConnections(), music.guilds(), music.lavalinkNodes(), commands.snapshot(), errors.list());
    }
}
