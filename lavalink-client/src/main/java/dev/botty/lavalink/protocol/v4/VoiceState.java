package dev.botty.lavalink.protocol.v4;

import org.jspecify.annotations.Nullable;

/**
 * What Lavalink needs to join a guild's voice channel: {@code token} and {@code endpoint} from
 * Discord's VOICE_SERVER_UPDATE, {@code sessionId} and {@code channelId} from the bot's
 * VOICE_STATE_UPDATE. Since 4.2 (DAVE) all four are required in a player update; a player read
 * back may show empty strings and a null {@code channelId} before it has voice.
 */
public record VoiceState(String token, String endpoint, String sessionId, @Nullable String channelId) {
    /** Without the token, which is a credential. */
    @Override
    public String toString() {
        return "VoiceState[token=" + (token == null ? "null" : "***") + ", endpoint=" + endpoint
                + ", sessionId=" + sessionId + ", channelId=" + channelId + "]";
    }
}
