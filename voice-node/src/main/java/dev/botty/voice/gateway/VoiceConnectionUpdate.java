package dev.botty.voice.gateway;

/**
 * Everything Lavalink needs to join the bot's voice connection in a guild: Discord's
 * VOICE_STATE_UPDATE (channel, session) and VOICE_SERVER_UPDATE (token, endpoint) taken together.
 * Lavalink 4.2+ refuses a voice update that lacks any of the four (DAVE needs the channel id).
 * The token is never part of {@link #toString()}.
 */
public record VoiceConnectionUpdate(long guildId, long channelId, String sessionId, String token, String endpoint) {
    @Override
    public String toString() {
        return "VoiceConnectionUpdate[guildId=" + guildId + ", channelId=" + channelId + ", sessionId=" + sessionId
                + ", endpoint=" + endpoint + ", token=(hidden)]";
    }
}
