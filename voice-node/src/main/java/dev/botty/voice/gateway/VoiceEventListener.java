package dev.botty.voice.gateway;

/** Receives {@link VoiceEvent}s, on the gateway's reading thread: keep it quick. */
@FunctionalInterface
public interface VoiceEventListener {
    void onVoiceEvent(VoiceEvent event);
}
