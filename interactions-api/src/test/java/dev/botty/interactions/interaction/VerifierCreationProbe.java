package dev.botty.interactions.interaction;

import dev.botty.interactions.discord.InteractionVerifier;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/** Records whether the server was already taking requests when the verifier was built (PingTest). */
@Singleton
@Requires(property = "botty.test.verifier-probe", value = "true")
final class VerifierCreationProbe implements BeanCreatedEventListener<InteractionVerifier> {
    private final BeanProvider<EmbeddedServer> server;
    volatile Boolean serverRunningAtCreation;

    VerifierCreationProbe(BeanProvider<EmbeddedServer> server) {
        this.server = server;
    }

    @Override
    public InteractionVerifier onCreated(BeanCreatedEvent<InteractionVerifier> event) {
        serverRunningAtCreation = server.isPresent() && server.get().isRunning();
        return event.getBean();
    }
}
