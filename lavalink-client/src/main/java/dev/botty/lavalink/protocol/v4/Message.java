package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A message Lavalink sends over the WebSocket, by its {@code op}. The client sends none: v4 takes
 * every command over REST. the node's decoder skips ops and event types it does not
 * know, which plugins may add.
 */
public sealed interface Message permits ReadyMessage, PlayerUpdateMessage, StatsMessage, PlayerEvent {
    /** The {@code op} on the wire. */
    @JsonIgnore
    String op();
}
