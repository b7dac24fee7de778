package dev.botty.lavalink.protocol.v4;

import org.jspecify.annotations.Nullable;

/**
 * A node's load: from {@code GET /v4/stats} ({@code frameStats} always null there) or the {@code stats}
 * op, whose {@code frameStats} is null while the session has no playing player. Frame counts are
 * per player over the last minute, where 3,000 (one per 20 ms) is a full minute of audio.
 */
public record Stats(int players, int playingPlayers, long uptime, Memory memory, Cpu cpu, @Nullable FrameStats frameStats) {
    /** Bytes. */
    public record Memory(long free, long used, long allocated, long reservable) {}

    /** Loads from 0 to 1: the whole system's and Lavalink's own share. */
    public record Cpu(int cores, double systemLoad, double lavalinkLoad) {}

    /** {@code deficit}: frames short of 3,000 per player-minute (negative: too many sent). */
    public record FrameStats(int sent, int nulled, int deficit) {}
}
