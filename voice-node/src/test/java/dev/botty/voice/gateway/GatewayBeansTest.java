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
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application context starts the gateway and hands its output to every listener bean. */
class GatewayBeansTest {
    @Test
    void startsWithTheApplicationAndFeedsListenerBeans(@TempDir Path data) throws Exception {
        try (SimulatedDiscord discord = SimulatedDiscord.start();
                ApplicationContext context = ApplicationContext.builder()
                        .singletons(new VoiceNodeConfig(discord.config(TOKEN), new VoiceNodeConfig.StoreConfig(data)))
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
        try (SimulatedDiscord discord = SimulatedDiscord.start()) {
            RuntimeException failure = assertThrows(RuntimeException.class, () -> ApplicationContext.builder()
                    .singletons(new VoiceNodeConfig(discord.config("not-the-token"), new VoiceNodeConfig.StoreConfig(data)))
                    .start());
            Throwable cause = failure;
            while (cause != null && !(cause instanceof GatewayLoginException)) {
                cause = cause.getCause();
            }
            assertTrue(cause != null && cause.getMessage().startsWith("Discord refused DISCORD_BOT_TOKEN"), failure.toString());
        }
    }
}
