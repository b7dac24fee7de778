package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The body of {@code PATCH /v4/sessions/{id}}; a null field is left out. {@code timeout} in seconds (Lavalink's default: 60). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionUpdate(@Nullable Boolean resuming, @Nullable Long timeout) {}
