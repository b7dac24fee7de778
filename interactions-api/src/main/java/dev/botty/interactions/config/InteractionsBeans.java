package dev.botty.interactions.config;

import dev.botty.interactions.discord.DiscordRest;
import dev.botty.interactions.discord.InteractionVerifier;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;

/** Exposes the parts of {@link BottyConfig} and the objects built from them as beans. */
@Factory
public final class InteractionsBeans {
    @Singleton
    BottyConfig.DiscordConfig discord(BottyConfig config) {
        return config.discord();
    }

    @Singleton
    BottyConfig.AccessConfig access(BottyConfig config) {
        return config.access();
    }

    @Singleton
    BottyConfig.IpConfig ip(BottyConfig config) {
        return config.ip();
    }

    @Singleton
    BottyConfig.JokeConfig joke(BottyConfig config) {
        return config.joke();
    }

    @Singleton
    BottyConfig.WeatherConfig weather(BottyConfig config) {
        return config.weather();
    }

    @Singleton
    BottyConfig.LyricsConfig lyrics(BottyConfig config) {
        return config.lyrics();
    }

    @Singleton
    BottyConfig.VoiceConfig voice(BottyConfig config) {
        return config.voice();
    }

    /** The one outbound HTTP client: HTTP/1.1 keeps loopback stand-ins and proxies simple. */
    @Singleton
    HttpClient httpClient(BottyConfig config) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.outboundTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Built as the context starts, before the port opens: see {@link SignatureTablesAtStart}. */
    @Singleton
    InteractionVerifier verifier(BottyConfig config, Clock clock) {
        return new InteractionVerifier(config.publicKey(), clock, config.discord().replayWindow());
    }

    @Singleton
    DiscordRest discordRest(HttpClient http, JsonMapper json, BottyConfig config) {
        return new DiscordRest(http, json, config.discord().apiUrl(), config.discord().applicationId(), config.discord().botToken());
    }
}
