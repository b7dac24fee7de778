package dev.botty.lavalink.protocol.v4;

/** A track started playing. */
public record TrackStartEvent(String guildId, Track track) implements PlayerEvent {
    @Override
    public String type() {
        return "TrackStartEvent";
    }
}
