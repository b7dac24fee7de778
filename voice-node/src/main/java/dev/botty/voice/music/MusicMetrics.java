package dev.botty.voice.music;

import dev.botty.lavalink.protocol.v4.TrackEndEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the player loop counts, where it happens: tracks started, tracks ended by Lavalink's end
 * reason (a bounded set), loads that failed. A no-op without a registry (metrics switched off).
 */
final class MusicMetrics {
    private final @Nullable MeterRegistry registry;

    MusicMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    void trackStarted() {
        if (registry != null) {
            Counter.builder("botty_voice_tracks_started").description("Tracks that started playing").register(registry).increment();
        }
    }

    void trackEnded(TrackEndEvent.Reason reason) {
        if (registry != null) {
            Counter.builder("botty_voice_tracks_ended").description("Tracks that ended, by Lavalink's end reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry).increment();
        }
    }

    void loadFailed() {
        if (registry != null) {
            Counter.builder("botty_voice_load_failures").description("/play loads that failed or found nothing playable")
                    .register(registry).increment();
        }
    }
}
