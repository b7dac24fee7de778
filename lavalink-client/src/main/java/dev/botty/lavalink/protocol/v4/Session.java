package dev.botty.lavalink.protocol.v4;

/** A session's resuming settings, as {@code PATCH /v4/sessions/{id}} answers them; {@code timeout} in seconds. */
public record Session(boolean resuming, long timeout) {}
