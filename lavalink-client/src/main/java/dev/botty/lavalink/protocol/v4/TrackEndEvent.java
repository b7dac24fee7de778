package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A track ended; whether the next one should start depends on {@link Reason#mayStartNext()}. */
public record TrackEndEvent(String guildId, Track track, Reason reason) implements PlayerEvent {
    @Override
    public String type() {
        return "TrackEndEvent";
    }

    public enum Reason {
        /** It played to its end (or its end time), or ended by an exception after some audio. */
        @JsonProperty("finished") FINISHED(true),
        /** It failed before any audio was played. */
        @JsonProperty("loadFailed") LOAD_FAILED(true),
        /** The player was told to stop (or destroyed). */
        @JsonProperty("stopped") STOPPED(false),
        /** Another track was started in its place. */
        @JsonProperty("replaced") REPLACED(false),
        /** Lavaplayer cleaned up a player nobody was pulling audio from. */
        @JsonProperty("cleanup") CLEANUP(false);

        private final boolean mayStartNext;

        Reason(boolean mayStartNext) {
            this.mayStartNext = mayStartNext;
        }

        /** True only for {@link #FINISHED} and {@link #LOAD_FAILED}: otherwise something else already decided what plays. */
        public boolean mayStartNext() {
            return mayStartNext;
        }
    }
}
