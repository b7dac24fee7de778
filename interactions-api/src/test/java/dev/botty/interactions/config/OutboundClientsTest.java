package dev.botty.interactions.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.botty.interactions.ClosedPort;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.command.FixtureServer;
import dev.botty.interactions.command.FixtureServer.Answer;
import dev.botty.interactions.voice.VoiceNodeHttpTest;
import dev.botty.simulator.InteractionBuilder;
import io.micronaut.context.BeanRegistration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The outbound HTTP clients are built when something first calls out, and the voice nodes' client
 * never sets TLS up for plain-HTTP nodes: building a JDK client with the default TLS context loads
 * the TLS stack and the trust store, which a service answering PINGs and {@code /avatar} has no
 * use for (docs/benchmarks.md, "Costs found in the code").
 */
class OutboundClientsTest {
    /** The qualifiers of the outbound clients built so far. */
    private static Set<String> built(TestApp app) {
        Set<String> names = new TreeSet<>();
        for (BeanRegistration<HttpClient> registration : app.context().getActiveBeanRegistrations(HttpClient.class)) {
            names.add(registration.getBeanDefinition().getDeclaredQualifier().toString());
        }
        return names;
    }

    private static HttpResponse<String> get(TestApp app, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(app.managementUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void eachClientIsBuiltByItsFirstCallOut() throws Exception {
        try (ClosedPort voiceNode = new ClosedPort();
                FixtureServer jokeApi = FixtureServer.start();
                TestApp app = TestApp.start(Map.of("JOKE_API_URL", jokeApi.url(),
                        "VOICE_NODE_URLS", voiceNode.url(), "VOICE_NODE_SECRET", VoiceNodeHttpTest.SECRET))) {
            jokeApi.answer("/joke/Any", Answer.json("jokeapi/single.json"));

            assertEquals(1, app.post(InteractionBuilder.ping()).path("type").asInt());
            assertEquals(4, app.post(InteractionBuilder.command("avatar")).path("type").asInt());
            assertEquals(Set.of(), built(app), "answering PINGs and /avatar calls out to no one");

            assertEquals(200, get(app, "/api/status").statusCode());
            assertEquals(Set.of("@Named('voice')"), built(app), "the status page asks the voice nodes");

            app.post(InteractionBuilder.command("joke"));
            assertEquals(1, jokeApi.requests("/joke/Any").size());
            assertEquals(Set.of("@Named('internet')", "@Named('voice')"), built(app));
        }
    }

    @Test
    void theInternetClientHasTheJdksTls() throws Exception {
        try (HttpClient internet = new InteractionsBeans().internetClient(VoiceNodeHttpTest.config("http://node-0:8081"))) {
            assertSame(SSLContext.getDefault(), internet.sslContext());
            assertEquals(HttpClient.Redirect.NORMAL, internet.followRedirects());
        }
    }
}
