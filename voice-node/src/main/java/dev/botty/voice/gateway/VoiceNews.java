package dev.botty.voice.gateway;

import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the gateway's voice news go: the bot's voice connection details and what happens in its
 * voice channels. The gateway starts before the music does (it logs in as the node starts), so
 * what arrives before the first subscriber is kept, in order, and handed to it when it subscribes;
 * after that every subscriber hears everything as it comes, on the gateway's reading thread. This
 * is how the music hears the gateway without the gateway knowing the music: it depends on the
 * gateway, never the other way round.
 */
@Singleton
public final class VoiceNews implements VoiceConnectionListener, VoiceEventListener {
    /** More than a shard's voice news before the music starts; past it the oldest are dropped (and said so). */
    static final int EARLY_LIMIT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(VoiceNews.class);

    private final Object lock = new Object();
    // Guarded by lock.
    private final Deque<Object> early = new ArrayDeque<>();
    private final List<VoiceConnectionListener> connections = new ArrayList<>();
    private final List<VoiceEventListener> events = new ArrayList<>();
    private long dropped;

    /** From now on {@code listener} hears the news; the first subscriber first hears what came before it. */
    public <L extends VoiceConnectionListener & VoiceEventListener> void subscribe(L listener) {
        synchronized (lock) {
            if (connections.isEmpty()) {
                if (dropped > 0) {
                    LOG.warn("{} voice updates arrived before the music started and were dropped", dropped);
                }
                for (Object news : early) {
                    deliver(listener, listener, news);
                }
                early.clear();
            }
            connections.add(listener);
            events.add(listener);
        }
    }

    @Override
    public void onVoiceConnectionUpdate(VoiceConnectionUpdate update) {
        arrived(update);
    }

    @Override
    public void onVoiceEvent(VoiceEvent event) {
        arrived(event);
    }

    private void arrived(Object news) {
        synchronized (lock) {
            if (connections.isEmpty()) {
                if (early.size() == EARLY_LIMIT) {
                    early.removeFirst();
                    dropped++;
                }
                early.addLast(news);
                return;
            }
            for (int i = 0; i < connections.size(); i++) {
                deliver(connections.get(i), events.get(i), news);
            }
        }
    }

    private static void deliver(VoiceConnectionListener connection, VoiceEventListener event, Object news) {
        try {
            switch (news) {
                case VoiceConnectionUpdate update -> connection.onVoiceConnectionUpdate(update);
                case VoiceEvent voiceEvent -> event.onVoiceEvent(voiceEvent);
                default -> throw new IllegalStateException("not voice news: " + news);
            }
        } catch (RuntimeException e) {
            LOG.error("a voice listener failed on {}", news, e);
        }
    }
}
