package dev.botty.lavalink;

import dev.botty.lavalink.protocol.v4.Message;

/**
 * What a {@link LavalinkCluster} tells its owner. Messages and node states come on each node's own
 * thread, in order per node; moves are reported from the thread that finished them.
 */
public interface ClusterListener {
    /**
     * A node's message. Player events and updates are passed on only from the node that serves the
     * guild, so a stale player left on a node the guild moved away from is never heard.
     */
    default void onMessage(LavalinkNode node, Message message) {}

    default void onNodeStateChanged(LavalinkNode node, NodeState previous, NodeState current) {}

    /** The guild's player was re-created on {@code to} from the owner's state; {@code from} may be the same node after it lost its session. */
    default void onPlayerMoved(long guildId, LavalinkNode from, LavalinkNode to) {}

    /** The guild's player could not be re-created anywhere; the guild is no longer assigned to a node. */
    default void onPlayerLost(long guildId, LavalinkNode from, Throwable cause) {}
}
