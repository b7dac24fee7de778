package dev.botty.lavalink;

/** Where a {@link LavalinkNode} stands; exposed for the status page and metrics. */
public enum NodeState {
    /** Not started, or between reconnect attempts. */
    DISCONNECTED,
    /** Checking the server's version and opening the WebSocket. */
    CONNECTING,
    /** The WebSocket is open and a session is ready: REST calls on players can be made. */
    CONNECTED,
    /** The server is older than 4.2.0 and cannot join DAVE voice; it is checked again now and then. */
    UNSUPPORTED_VERSION,
    /** Closed for good. */
    CLOSED
}
