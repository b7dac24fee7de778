package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** {@code event}: something happened to a guild's player, told apart by {@code type}. */
public sealed interface PlayerEvent extends Message
        permits TrackStartEvent, TrackEndEvent, TrackExceptionEvent, TrackStuckEvent, WebSocketClosedEvent {
    String guildId();

    /** The event {@code type} on the wire, e.g. {@code TrackEndEvent}. */
    @JsonIgnore
    String type();

    @Override
    @JsonIgnore
    default String op() {
        return "event";
    }
}
