package dev.botty.lavalink.protocol.v4;

/** Lavalink sent something that is not the v4 protocol: malformed JSON, or a known shape with the wrong content. */
public final class LavalinkProtocolException extends RuntimeException {
    public LavalinkProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
