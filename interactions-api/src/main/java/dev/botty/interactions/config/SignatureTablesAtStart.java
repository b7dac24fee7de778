package dev.botty.interactions.config;

import dev.botty.interactions.discord.InteractionVerifier;
import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Builds the {@link InteractionVerifier}, and with it the public key's signature tables (tens of
 * milliseconds), when the context starts: before the server opens its port, so the first request
 * meets the same verifier as every later one. {@code register}, which has no public key and
 * verifies nothing, skips it.
 */
@Singleton
final class SignatureTablesAtStart implements ApplicationEventListener<StartupEvent> {
    private final BottyConfig config;
    private final BeanContext context;

    SignatureTablesAtStart(BottyConfig config, BeanContext context) {
        this.config = config;
        this.context = context;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!config.discord().publicKeyHex().isEmpty()) {
            context.getBean(InteractionVerifier.class);
        }
    }
}
