package dev.botty.voice.music;

import dev.botty.voice.config.VoiceNodeConfig.GatewayConfig;
import dev.botty.voice.config.VoiceNodeConfig.MusicConfig;
import dev.botty.voice.gateway.VoiceGateway;
import dev.botty.voice.gateway.VoiceNews;
import dev.botty.voice.store.MusicStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The music beans: the jukebox (which listens to the gateway and Lavalink) and one bean per command. */
@Factory
final class MusicBeans {
    private static final Logger LOG = LoggerFactory.getLogger(MusicBeans.class);

    /** The clock the idle rule and positions run on; tests supply their own. */
    @Singleton
    @Requires(missingBeans = InstantSource.class)
    InstantSource clock() {
        return InstantSource.system();
    }

    @Singleton
    @Bean(preDestroy = "close")
    Jukebox jukebox(MusicConfig config, GatewayConfig gateway, VoiceGateway voice, VoiceNews news, MusicStore store,
                    InstantSource clock, BeanProvider<MeterRegistry> registry, BeanProvider<MusicTrouble> trouble) {
        Jukebox jukebox = new Jukebox(config, gateway.botUserId(), voice, store, clock, new MusicMetrics(registry.find(null).orElse(null)),
                message -> {
                    LOG.warn("{}", message);
                    trouble.ifPresent(sink -> sink.report(message));
                });
        jukebox.start();
        news.subscribe(jukebox);
        return jukebox;
    }

}
