package dev.botty.voice.gateway;

/**
 * Receives the bot's voice connection details whenever Discord assigns a voice server: on
 * joining, on being moved, and when Discord fails the guild over to another server. Called on
 * the gateway's reading thread, so anything slow (a call to Lavalink) must be handed off.
 */
@FunctionalInterface
public interface VoiceConnectionListener {
    void onVoiceConnectionUpdate(VoiceConnectionUpdate update);
}
