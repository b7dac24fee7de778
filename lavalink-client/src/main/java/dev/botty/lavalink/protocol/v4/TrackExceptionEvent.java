package dev.botty.lavalink.protocol.v4;

/** A track failed while playing; a {@link TrackEndEvent} follows. */
public record TrackExceptionEvent(String guildId, Track track, TrackException exception) implements PlayerEvent {
    @Override
    public String type() {
        return "TrackExceptionEvent";
    }
}
