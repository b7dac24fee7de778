package dev.botty.voice.gateway;

/**
 * What happened to the bot's place in voice, as the music logic needs to know it. While the bot
 * is in voice in a guild, {@link AloneInChannel} and {@link ListenerReturned} alternate, starting
 * with {@code AloneInChannel} if it arrives (or is moved) where nobody is; {@link BotDisconnected}
 * ends the sequence. Only humans count as company: other bots do not.
 */
public sealed interface VoiceEvent {
    long guildId();

    /** The bot entered a voice channel. */
    record BotJoined(long guildId, long channelId) implements VoiceEvent {}

    /** The bot now sits in another channel: it asked to move, or someone dragged it. */
    record BotMoved(long guildId, long fromChannelId, long toChannelId) implements VoiceEvent {}

    /** The bot is no longer in voice: it left, or was disconnected by someone else. */
    record BotDisconnected(long guildId, long channelId) implements VoiceEvent {}

    /** Nobody but the bot (and other bots) is left in its channel, or it arrived in an empty one. */
    record AloneInChannel(long guildId, long channelId) implements VoiceEvent {}

    /** Someone came back to the channel the bot had been alone in. */
    record ListenerReturned(long guildId, long channelId) implements VoiceEvent {}
}
