package dev.botty.interactions.config;

import dev.botty.interactions.discord.DiscordRest;
import dev.botty.interactions.discord.InteractionVerifier;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;

/** Exposes the parts of {@link BottyConfig} and the objects built from them as beans. */
@Factory
public final class InteractionsBeans {
    /** The qualifier of the outbound client for Discord and the outside services. */
    public static final String INTERNET = "internet";

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

    /**
     * The client for Discord's REST API and the outside services (HTTPS with the JDK's trust
     * store). Every user takes it through a {@code Provider}, so it is built at the first call out:
     * building a {@link HttpClient} sets up the JDK's TLS stack and reads its trust store at once,
     * some 630 classes and 4–5 MB of resident memory that a service answering PINGs and
     * {@code /avatar} never needs (docs/benchmarks.md, "Costs found in the code"). The voice nodes
     * have a client of their own ({@code VoiceNodeHttp}).
     */
    @Singleton
    @Named(INTERNET)
    HttpClient internetClient(BottyConfig config) {
        return outbound(config).build();
    }

    /**
     * What every outbound client shares: HTTP/1.1 keeps loopback stand-ins and proxies simple;
     * redirects are followed, except HTTPS to HTTP.
     */
    public static HttpClient.Builder outbound(BottyConfig config) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.outboundTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
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
    DiscordRest discordRest(@Named(INTERNET) Provider<HttpClient> http, JsonMapper json, BottyConfig config) {
        return new DiscordRest(http, json, config.discord().apiUrl(), config.discord().applicationId(), config.discord().botToken());
    }
}
