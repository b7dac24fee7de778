package dev.botty.voice.music;

import dev.botty.lavalink.LavalinkCluster;
import dev.botty.voice.gateway.ChannelNotices;
import dev.botty.voice.gateway.VoiceGateway;
import java.time.Duration;
import java.time.InstantSource;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What every guild's music shares: Lavalink, the gateway (reached lazily: it is built after the
 * music, which listens to it), the store, the clock, counters, the error log and the timeouts.
 */
record MusicServices(LavalinkCluster cluster, VoiceGateway gateway, StoreWriter store, InstantSource clock,
                     MusicMetrics metrics, Consumer<String> errors, Duration idleTimeout, Duration aloneTimeout, Autoplay autoplay,
                     OptionalLong djRoleId) {

    ChannelNotices notices() {
        return gateway().notices();
    }
}
