package dev.botty.interactions.interaction;

import dev.botty.interactions.discord.Interaction;
import dev.botty.interactions.discord.InteractionResponse;
import dev.botty.interactions.discord.InteractionVerifier;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, once the port is open, what the first interaction would otherwise build on its way:
 * the endpoint and everything behind it (the dispatcher, the commands), the JSON mapping of an
 * interaction and of an answer. In the background, so that Discord's first PING is not kept
 * waiting for it either. (The public key's signature tables are not among them:
 * {@link InteractionVerifier} builds them before the port opens. Nor are the outbound HTTP
 * clients: they are built by the first call out, see {@code InteractionsBeans}.)
 */
@Singleton
final class StartupWarmup implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmup.class);
    private static final byte[] SAMPLE = """
            {"id":"1","application_id":"1","type":2,"token":"t","version":1,"guild_id":"1","channel_id":"1",
             "member":{"user":{"id":"1","username":"warmup"},"roles":[]},"data":{"id":"1","name":"warmup","type":1}}"""
            .getBytes(StandardCharsets.UTF_8);

    private final BeanProvider<InteractionEndpoint> endpoint;
    private final ObjectMapper json;
    StartupWarmup(BeanProvider<InteractionEndpoint> endpoint, ObjectMapper json) {
        this.endpoint = endpoint;
        this.json = json;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread.ofVirtual().name("startup-warmup").start(() -> {
            long started = System.nanoTime();
            try {
                endpoint.get();
                json.readValue(SAMPLE, Interaction.class);
                json.writeValueAsBytes(InteractionResponse.ephemeralMessage("warm-up", java.util.List.of()));
                LOG.info("ready for the first interaction (warmed up in {} ms)", (System.nanoTime() - started) / 1_000_000);
            } catch (Exception e) {
                // Only an optimisation: the first interaction builds whatever is missing.
                LOG.debug("warm-up incomplete: {}", e.toString());
            }
        });
    }
}
