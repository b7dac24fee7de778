package dev.botty.voice.gateway;

import jakarta.inject.Singleton;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A listener bean, as the Lavalink client and the music logic will be: collected by injection. */
@Singleton
final class RecordingListener implements VoiceConnectionListener, VoiceEventListener {
    final BlockingQueue<VoiceConnectionUpdate> updates = new LinkedBlockingQueue<>();
    final BlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();

    RecordingListener(VoiceNews news) {
        news.subscribe(this);
    }

    @Override
    public void onVoiceConnectionUpdate(VoiceConnectionUpdate update) {
        updates.add(update);
    }

    @Override
    public void onVoiceEvent(VoiceEvent event) {
        events.add(event);
    }
}
