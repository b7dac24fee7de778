package dev.botty.lavalink;

/** A call that needs a Lavalink session was made while there is none: the node is not connected, or no node is. */
public final class NodeUnavailableException extends RuntimeException {
    public NodeUnavailableException(String message) {
        super(message, null, false, false);
    }
}
