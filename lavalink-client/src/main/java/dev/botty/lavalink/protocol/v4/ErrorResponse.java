package dev.botty.lavalink.protocol.v4;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Lavalink's error body: {@code timestamp} in Unix ms, the HTTP {@code status} and its reason
 * ({@code error}), Lavalink's {@code message}, the request {@code path}, and a {@code trace} only
 * when asked for with {@code trace=true}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(long timestamp, int status, String error, @Nullable String trace, String message, String path) {}
