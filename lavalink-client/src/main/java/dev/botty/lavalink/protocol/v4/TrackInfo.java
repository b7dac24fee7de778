package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A track's metadata. {@code length} is {@link Long#MAX_VALUE} for a live stream; {@code uri},
 * {@code artworkUrl} and {@code isrc} may be null.
 */
public record TrackInfo(
        String identifier,
        @JsonProperty("isSeekable") boolean isSeekable,
        String author,
        long length,
        @JsonProperty("isStream") boolean isStream,
        long position,
        String title,
        @Nullable String uri,
        @Nullable String artworkUrl,
        @Nullable String isrc,
        String sourceName) {}
