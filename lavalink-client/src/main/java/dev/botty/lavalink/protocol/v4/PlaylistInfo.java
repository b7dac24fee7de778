package dev.botty.lavalink.protocol.v4;

/** A playlist's name and the index of the track its link pointed at, {@code -1} for none. */
public record PlaylistInfo(String name, int selectedTrack) {}
