package dev.botty.lavalink;

import dev.botty.lavalink.protocol.v4.ErrorResponse;
import org.jspecify.annotations.Nullable;

/**
 * Lavalink refused a REST call: its status and, when it sent one, its error body, whose message
 * says why in Lavalink's words ("Session not found", "token, endpoint, sessionId and channelId
 * must be provided in voice state"). A 401 or 403 has no body: the password is missing or wrong.
 */
public final class LavalinkRestException extends RuntimeException {
    private final String node;
    private final String method;
    private final String path;
    private final int status;
    private final @Nullable ErrorResponse error;

    LavalinkRestException(String node, String method, String path, int status, @Nullable ErrorResponse error, @Nullable String body) {
        super(describe(node, method, path, status, error, body), null, false, false);
        this.node = node;
        this.method = method;
        this.path = path;
        this.status = status;
        this.error = error;
    }

    private static String describe(String node, String method, String path, int status, @Nullable ErrorResponse error,
                                   @Nullable String body) {
        String why;
        if (error != null && error.message() != null) {
            why = error.message();
        } else if (status == 401) {
            why = "the request carried no password";
        } else if (status == 403) {
            why = "the password was refused";
        } else if (body != null && !body.isBlank()) {
            why = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        } else {
            why = "no explanation given";
        }
        String reason = error != null && error.error() != null ? " " + error.error() : "";
        return "Lavalink node '" + node + "' answered " + status + reason + " to " + method + " " + path + ": " + why;
    }

    public String node() {
        return node;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public int status() {
        return status;
    }

    /** Lavalink's error body, absent for a 401/403 or a body that was not Lavalink's. */
    public java.util.Optional<ErrorResponse> error() {
        return java.util.Optional.ofNullable(error);
    }

    /** Lavalink's own message, if it sent one. */
    public java.util.Optional<String> lavalinkMessage() {
        return error().map(ErrorResponse::message);
    }
}
