package dev.botty.voice.gateway;

import static dev.botty.voice.gateway.SimulatedDiscord.GUILD;
import static dev.botty.voice.gateway.SimulatedDiscord.MUSIC;
import static dev.botty.voice.gateway.SimulatedDiscord.TIMEOUT;
import static dev.botty.voice.gateway.SimulatedDiscord.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.voice.config.VoiceNodeConfig;
import io.micronaut.context.ApplicationContext;
import dev.botty.simulator.FakeLavalink;
import java.time.Duration;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application context starts the gateway and hands its output to every listener bean. */
class GatewayBeansTest {
    @Test
    void startsWithTheApplicationAndFeedsListenerBeans(@TempDir Path data) throws Exception {
        try (SimulatedDiscord discord = SimulatedDiscord.start();
                FakeLavalink lavalink = FakeLavalink.start();
                ApplicationContext context = ApplicationContext.builder()
                        .singletons(new VoiceNodeConfig(discord.config(TOKEN), SimulatedDiscord.music(lavalink, Duration.ofMinutes(10), Duration.ofSeconds(30)), new VoiceNodeConfig.StoreConfig(data), new VoiceNodeConfig.ApiConfig("a shared secret of more than thirty-two characters")))
                        .start()) {
            VoiceGateway voice = context.getBean(VoiceGateway.class);
            assertTrue(voice.awaitReady(TIMEOUT));
            RecordingListener listener = context.getBean(RecordingListener.class);

            assertEquals(JoinOutcome.REQUESTED, voice.join(GUILD, MUSIC));

            assertEquals(MUSIC, listener.updates.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).channelId());
            assertEquals(new VoiceEvent.BotJoined(GUILD, MUSIC), listener.events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aRefusedTokenStopsTheStart(@TempDir Path data) throws Exception {
        try (SimulatedDiscord discord = SimulatedDiscord.start(); FakeLavalink lavalink = FakeLavalink.start()) {
            RuntimeException failure = assertThrows(RuntimeException.class, () -> ApplicationContext.builder()
                    .singletons(new VoiceNodeConfig(discord.config("MTEwMDAwMDAwMDAwMDAwMDAwMQ.not-the.token"), SimulatedDiscord.music(lavalink, Duration.ofMinutes(10), Duration.ofSeconds(30)), new VoiceNodeConfig.StoreConfig(data), new VoiceNodeConfig.ApiConfig("a shared secret of more than thirty-two characters")))
                    .start());
            Throwable cause = failure;
            while (cause != null && !(cause instanceof GatewayLoginException)) {
                cause = cause.getCause();
            }
            assertTrue(cause != null && cause.getMessage().startsWith("Discord refused DISCORD_BOT_TOKEN"), failure.toString());
        }
    }
}
