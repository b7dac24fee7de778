package dev.botty.voice.gateway;

import dev.botty.voice.config.VoiceNodeConfig.GatewayConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.util.List;

/**
 * Starts the gateway with the application, handing its updates to every listener bean: the
 * Lavalink client takes {@link VoiceConnectionUpdate}s, the music logic {@link VoiceEvent}s.
 */
@Factory
final class GatewayBeans {
    @Context
    @Bean(preDestroy = "close")
    VoiceGateway voiceGateway(GatewayConfig config, VoiceNews news) {
        return VoiceGateway.connect(config, List.of(news), List.of(news));
    }
}
