package dev.botty.lavalink.protocol.v4;

/**
 * Lavalink's voice WebSocket to Discord closed: {@code code} is Discord's voice close code (4xxx
 * are usually bad, 4006 an invalid session, 4014 disconnected from the channel).
 */
public record WebSocketClosedEvent(String guildId, int code, String reason, boolean byRemote) implements PlayerEvent {
    @Override
    public String type() {
        return "WebSocketClosedEvent";
    }
}
