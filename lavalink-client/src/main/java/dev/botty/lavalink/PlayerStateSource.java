package dev.botty.lavalink;

import java.util.Optional;

/**
 * The owner's own record of its players, which the cluster re-creates a player from on another
 * node. Called from the cluster's and the nodes' threads, possibly at once for different guilds:
 * it must be thread-safe, quick, and must not wait for the cluster.
 */
@FunctionalInterface
public interface PlayerStateSource {
    /** The guild's player as the owner knows it now, or empty when the guild has no player any more. */
    Optional<PlayerSnapshot> playerState(long guildId);
}
