package dev.botty.voice.music;

import dev.botty.voice.command.MusicCommand;
import dev.botty.voice.config.VoiceNodeConfig.GatewayConfig;
import dev.botty.voice.config.VoiceNodeConfig.MusicConfig;
import dev.botty.voice.gateway.VoiceGateway;
import dev.botty.voice.store.MusicStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
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
    Jukebox jukebox(MusicConfig config, GatewayConfig gateway, BeanProvider<VoiceGateway> voice, MusicStore store,
                    InstantSource clock, BeanProvider<MeterRegistry> registry, BeanProvider<MusicTrouble> trouble) {
        Jukebox jukebox = new Jukebox(config.lavalinkUrls(), config.lavalinkPassword(), gateway.botUserId(), config.searchSources(),
                config.idleTimeout(), config.aloneTimeout(), voice::get, store, clock,
                new MusicMetrics(registry.find(null).orElse(null)),
                message -> {
                    LOG.warn("{}", message);
                    trouble.ifPresent(sink -> sink.report(message));
                });
        jukebox.start();
        return jukebox;
    }

    @Singleton
    MusicCommands commands(Jukebox jukebox) {
        return new MusicCommands(jukebox);
    }

    @Singleton @Named("join") MusicCommand join(MusicCommands commands) { return commands.named("join"); }
    @Singleton @Named("play") MusicCommand play(MusicCommands commands) { return commands.named("play"); }
    @Singleton @Named("queue") MusicCommand queue(MusicCommands commands) { return commands.named("queue"); }
    @Singleton @Named("nowplaying") MusicCommand nowPlaying(MusicCommands commands) { return commands.named("nowplaying"); }
    @Singleton @Named("skip") MusicCommand skip(MusicCommands commands) { return commands.named("skip"); }
    @Singleton @Named("stop") MusicCommand stop(MusicCommands commands) { return commands.named("stop"); }
    @Singleton @Named("leave") MusicCommand leave(MusicCommands commands) { return commands.named("leave"); }
    @Singleton @Named("jump") MusicCommand jump(MusicCommands commands) { return commands.named("jump"); }
    @Singleton @Named("remove") MusicCommand remove(MusicCommands commands) { return commands.named("remove"); }
    @Singleton @Named("pause") MusicCommand pause(MusicCommands commands) { return commands.named("pause"); }
    @Singleton @Named("resume") MusicCommand resume(MusicCommands commands) { return commands.named("resume"); }
    @Singleton @Named("seek") MusicCommand seek(MusicCommands commands) { return commands.named("seek"); }
    @Singleton @Named("volume") MusicCommand volume(MusicCommands commands) { return commands.named("volume"); }
    @Singleton @Named("shuffle") MusicCommand shuffle(MusicCommands commands) { return commands.named("shuffle"); }
    @Singleton @Named("loop") MusicCommand loop(MusicCommands commands) { return commands.named("loop"); }
}
