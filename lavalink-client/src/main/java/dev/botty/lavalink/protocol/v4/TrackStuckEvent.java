package dev.botty.lavalink.protocol.v4;

/** A track gave no audio for longer than {@code thresholdMs}; it is not stopped. */
public record TrackStuckEvent(String guildId, Track track, long thresholdMs) implements PlayerEvent {
    @Override
    public String type() {
        return "TrackStuckEvent";
    }
}
