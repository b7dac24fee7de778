package dev.botty.voice.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's voice news reach the music in order, including what came before the music started. */
class VoiceNewsTest {
    /** Records what it hears, in order. */
    static class Heard implements VoiceConnectionListener, VoiceEventListener {
        final List<Object> all = new ArrayList<>();

        @Override
        public void onVoiceConnectionUpdate(VoiceConnectionUpdate update) {
            all.add(update);
        }

        @Override
        public void onVoiceEvent(VoiceEvent event) {
            all.add(event);
        }
    }

    private static final VoiceConnectionUpdate SERVER = new VoiceConnectionUpdate(1, 2, "session", "token", "endpoint.discord.media");

    @Test
    void whatCameBeforeTheFirstSubscriberIsHandedToItInOrderThenEveryoneHearsAll() {
        VoiceNews news = new VoiceNews();
        news.onVoiceEvent(new VoiceEvent.BotJoined(1, 2));
        news.onVoiceConnectionUpdate(SERVER);
        news.onVoiceEvent(new VoiceEvent.AloneInChannel(1, 2));

        Heard music = new Heard();
        news.subscribe(music);
        assertEquals(List.of(new VoiceEvent.BotJoined(1, 2), SERVER, new VoiceEvent.AloneInChannel(1, 2)), music.all);

        Heard later = new Heard();
        news.subscribe(later);
        news.onVoiceEvent(new VoiceEvent.ListenerReturned(1, 2));
        assertEquals(new VoiceEvent.ListenerReturned(1, 2), music.all.getLast());
        assertEquals(List.of(new VoiceEvent.ListenerReturned(1, 2)), later.all, "the early news went to the music alone");
    }

    @Test
    void keepsAtMostTheLimitBeforeAnyoneListensDroppingTheOldest() {
        VoiceNews news = new VoiceNews();
        for (int i = 0; i < VoiceNews.EARLY_LIMIT + 5; i++) {
            news.onVoiceEvent(new VoiceEvent.BotJoined(i, 2));
        }
        Heard music = new Heard();
        news.subscribe(music);
        assertEquals(VoiceNews.EARLY_LIMIT, music.all.size());
        assertEquals(new VoiceEvent.BotJoined(5, 2), music.all.getFirst());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        VoiceNews news = new VoiceNews();
        Heard music = new Heard();
        news.subscribe(new Heard() {
            @Override
            public void onVoiceEvent(VoiceEvent event) {
                throw new IllegalStateException("a bug");
            }
        });
        news.subscribe(music);
        news.onVoiceEvent(new VoiceEvent.BotJoined(1, 2));
        assertEquals(List.of(new VoiceEvent.BotJoined(1, 2)), music.all);
    }
}
