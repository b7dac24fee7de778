package dev.botty.voice.gateway;

/** Discord refused the bot's token or could not be reached at start; the message is one line, safe to print. */
public final class GatewayLoginException extends RuntimeException {
    public GatewayLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
