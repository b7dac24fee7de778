package dev.botty.interactions.voice;

import dev.botty.interactions.config.BottyConfig;
import dev.botty.interactions.config.InteractionsBeans;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** The HTTP client the voice nodes are reached with. */
@Factory
public final class VoiceNodeHttp {
    /** Its qualifier. */
    public static final String CLIENT = "voice";

    /**
     * Built at its first call, like {@code InteractionsBeans.internetClient}: its users take it
     * through a {@code Provider}. Voice nodes are reached over the internal network in plain HTTP,
     * and the status page asks them every time it is read (Homepage polls it), so this client
     * does not set TLS up: its {@link SSLContext} is never initialised, and the explicit (empty)
     * parameters keep the builder from asking that context for its defaults. A node given with an
     * {@code https} URL gets a client with the JDK's TLS instead. The internal API never
     * redirects, so a redirect is answered as what it is (an unexpected status), not followed.
     */
    @Singleton
    @Named(CLIENT)
    HttpClient voiceClient(BottyConfig config) {
        HttpClient.Builder builder = InteractionsBeans.outbound(config).followRedirects(HttpClient.Redirect.NEVER);
        if (config.voice().nodes().stream().noneMatch(node -> "https".equalsIgnoreCase(node.getScheme()))) {
            try {
                builder.sslContext(SSLContext.getInstance("TLS")).sslParameters(new SSLParameters());
            } catch (NoSuchAlgorithmException cannotHappen) {
                throw new IllegalStateException("every JDK has TLS", cannotHappen);
            }
        }
        return builder.build();
    }
}
