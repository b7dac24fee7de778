package dev.botty.voice.music;

import dev.botty.voice.gateway.VoiceGateway;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Once the gateway has the shard's guilds, picks up the music that was playing before the restart. */
@Singleton
final class MusicStartup implements ApplicationEventListener<StartupEvent> {
    private static final Duration READY_WAIT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(MusicStartup.class);

    private final VoiceGateway gateway;
    private final Jukebox jukebox;

    MusicStartup(VoiceGateway gateway, Jukebox jukebox) {
        this.gateway = gateway;
        this.jukebox = jukebox;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Thread.ofVirtual().name("music-restore").start(() -> {
            try {
                if (gateway.awaitReady(READY_WAIT)) {
                    jukebox.restore();
                } else {
                    LOG.warn("gateway not ready after {}; music from before the restart not picked up", READY_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("picking up music after the restart failed", e);
            }
        });
    }
}
