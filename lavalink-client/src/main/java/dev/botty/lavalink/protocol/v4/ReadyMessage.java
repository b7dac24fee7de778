package dev.botty.lavalink.protocol.v4;

/** {@code ready}: the session is open; {@code resumed} when it is the one named in the handshake's {@code Session-Id}. */
public record ReadyMessage(boolean resumed, String sessionId) implements Message {
    @Override
    public String op() {
        return "ready";
    }
}
