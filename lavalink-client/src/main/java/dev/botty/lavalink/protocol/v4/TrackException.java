package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Lavalink's Exception object, from a failed load or a {@link TrackExceptionEvent} (a value, not
 * a {@link Throwable}). {@code message} may be null; {@code causeStackTrace} exists since 4.1.
 */
public record TrackException(@Nullable String message, Severity severity, String cause, @Nullable String causeStackTrace) {
    public enum Severity {
        /** The cause is known and expected: nothing is wrong with Lavalink (a blocked or removed video). */
        @JsonProperty("common") COMMON,
        /** Probably an outside service answering in an unexpected way. */
        @JsonProperty("suspicious") SUSPICIOUS,
        /** Unknown cause or a fault in Lavaplayer; also what an unknown severity reads as. */
        @JsonProperty("fault") @JsonEnumDefaultValue FAULT
    }
}
