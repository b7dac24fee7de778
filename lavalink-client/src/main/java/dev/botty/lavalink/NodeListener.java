package dev.botty.lavalink;

import dev.botty.lavalink.protocol.v4.Message;

/**
 * What a {@link LavalinkNode} tells its owner. Calls come one at a time, in order, on the node's
 * own thread: keep them short and never block on them waiting for another callback.
 */
public interface NodeListener {
    /** Every message the node understood, {@code ready} included. */
    default void onMessage(LavalinkNode node, Message message) {}

    default void onStateChanged(LavalinkNode node, NodeState previous, NodeState current) {}

    /**
     * The node is connected again, but with a new session: the players of {@code lostSessionId}
     * are gone (Lavalink restarted, or the resume timeout passed). Re-create them from the owner's
     * own state; the node is {@link NodeState#CONNECTED} when this is called.
     */
    default void onSessionLost(LavalinkNode node, String lostSessionId) {}
}
