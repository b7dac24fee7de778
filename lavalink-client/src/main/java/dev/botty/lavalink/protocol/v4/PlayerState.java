package dev.botty.lavalink.protocol.v4;

/**
 * A player's state at {@code time} (Unix ms on Lavalink's clock): the track position in ms,
 * whether Lavalink's voice connection is up, and its ping to Discord's voice server ({@code -1}
 * when not connected).
 */
public record PlayerState(long time, long position, boolean connected, long ping) {}
