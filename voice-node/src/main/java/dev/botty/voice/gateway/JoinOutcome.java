package dev.botty.voice.gateway;

/** The answer to asking the bot into a voice channel; only {@link #REQUESTED} sends anything to Discord. */
public enum JoinOutcome {
    /** Asked Discord; a {@link VoiceConnectionUpdate} follows once it answers. */
    REQUESTED,
    /** The bot already sits in that channel. */
    ALREADY_THERE,
    /** This node's shard does not hold the guild (or it is not ready yet). */
    UNKNOWN_GUILD,
    /** No voice or stage channel of that id in the guild. */
    NOT_A_VOICE_CHANNEL,
    /** The bot may not see or connect to the channel; Discord would silently ignore the request. */
    NO_PERMISSION,
    /** The channel is at its user limit and the bot may not move members; Discord would not answer. */
    CHANNEL_FULL
}
