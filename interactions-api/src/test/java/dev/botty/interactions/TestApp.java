package dev.botty.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botty.interactions.config.BottyConfig;
import dev.botty.service.settings.Environment;
import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.InteractionPoster;
import dev.botty.simulator.LoopbackPorts;
import dev.botty.simulator.SigningKey;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The interactions-api running for real on a loopback port, configured like production through
 * environment variables, with a fresh Ed25519 key, and Discord's REST API replaced by the
 * simulator's stand-in. Tests post signed interactions exactly as Discord would.
 */
public final class TestApp implements AutoCloseable {
    public static final String APPLICATION_ID = InteractionBuilder.LOCAL_APPLICATION_ID;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SigningKey key = SigningKey.generate();
    private final FakeDiscord discord;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final InteractionPoster poster;

    private TestApp(Map<String, String> env, Object... extraSingletons) throws IOException {
        discord = FakeDiscord.start(0);
        Map<String, String> variables = new HashMap<>();
        variables.put("DISCORD_PUBLIC_KEY", key.publicKeyHex());
        variables.put("DISCORD_APPLICATION_ID", APPLICATION_ID);
        variables.put("DISCORD_API_URL", discord.apiUrl());
        // Nothing outside loopback: every outside service points at a port nobody listens on
        // unless the test gives its own stand-in.
        variables.put("IP_LOOKUP_URLS", "http://127.0.0.1:9/ip");
        variables.put("IP6_LOOKUP_URLS", "http://127.0.0.1:9/ip6");
        variables.put("JOKE_API_URL", "http://127.0.0.1:9");
        variables.put("OPEN_METEO_GEOCODING_URL", "http://127.0.0.1:9");
        variables.put("OPEN_METEO_FORECAST_URL", "http://127.0.0.1:9");
        // Micronaut properties (dotted names) go to the context, the rest are environment variables.
        Map<String, Object> properties = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.contains(".")) {
                properties.put(name, value);
            } else {
                variables.put(name, value);
            }
        });
        properties.put("micronaut.server.port", -1);
        BottyConfig config = BottyConfig.load(new Environment(variables), BottyConfig.Mode.SERVE, null, null);
        Object[] singletons = new Object[extraSingletons.length + 1];
        singletons[0] = config;
        System.arraycopy(extraSingletons, 0, singletons, 1, extraSingletons.length);
        try {
            if (properties.containsKey("endpoints.all.port")) {
                context = start(singletons, properties);
            } else {
                // Both ports are ones found free a moment ago; another socket may take one before
                // the server binds it, and then the app starts again on others.
                context = LoopbackPorts.retryWhileTaken(() -> {
                    properties.put("endpoints.all.port", LoopbackPorts.free());
                    return start(singletons, properties);
                });
            }
        } catch (RuntimeException e) {
            discord.close();
            throw e;
        }
        server = context.getBean(EmbeddedServer.class);
        poster = new InteractionPoster(URI.create("http://127.0.0.1:" + server.getPort() + "/interactions"), key);
    }

    /** A started context whose server listens, or nothing left running. */
    private static ApplicationContext start(Object[] singletons, Map<String, Object> properties) {
        ApplicationContext started = ApplicationContext.builder()
                .singletons(singletons)
                .properties(properties)
                .start();
        try {
            started.getBean(EmbeddedServer.class).start();
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** Starts with these environment variables on top of the test defaults (dotted names: Micronaut properties). */
    public static TestApp start(Map<String, String> env, Object... extraSingletons) {
        try {
            return new TestApp(env, extraSingletons);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestApp start() {
        return start(Map.of());
    }

    /** Signs and posts; the answer must be 200 and JSON. */
    public JsonNode post(InteractionBuilder interaction) {
        InteractionPoster.Answer answer = postRaw(interaction.toJson());
        if (answer.status() != 200) {
            throw new AssertionError("expected 200, got " + answer.status() + ": " + answer.body());
        }
        return json(answer.body());
    }

    /** Signs and posts this exact JSON text, whatever the answer. */
    public InteractionPoster.Answer postRaw(String json) {
        try {
            return poster.post(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    public InteractionPoster poster() {
        return poster;
    }

    public SigningKey key() {
        return key;
    }

    public FakeDiscord discord() {
        return discord;
    }

    public ApplicationContext context() {
        return context;
    }

    /** The management port: health, metrics, status. */
    public URI managementUri() {
        return URI.create("http://127.0.0.1:" + context.getRequiredProperty("endpoints.all.port", Integer.class));
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    @Override
    public void close() {
        context.close();
        discord.close();
    }
}
