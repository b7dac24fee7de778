package dev.botty.voice.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Exposes the parts of {@link VoiceNodeConfig} as beans, so each asks only for what it needs. */
@Factory
public final class VoiceNodeConfigBeans {
    @Singleton
    VoiceNodeConfig.GatewayConfig gateway(VoiceNodeConfig config) {
        return config.gateway();
    }

    @Singleton
    VoiceNodeConfig.MusicConfig music(VoiceNodeConfig config) {
        return config.music();
    }

    @Singleton
    VoiceNodeConfig.StoreConfig store(VoiceNodeConfig config) {
        return config.store();
    }
}
