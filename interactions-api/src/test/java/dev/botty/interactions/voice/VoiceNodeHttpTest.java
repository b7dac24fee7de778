package dev.botty.interactions.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.botty.interactions.TestApp;
import dev.botty.interactions.command.FixtureServer;
import dev.botty.interactions.command.FixtureServer.Answer;
import dev.botty.interactions.config.BottyConfig;
import dev.botty.service.settings.Environment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The voice nodes' client speaks plain HTTP without setting TLS up, unless a node is behind HTTPS. */
public class VoiceNodeHttpTest {
    public static final String SECRET = "a-voice-node-secret-of-at-least-32-characters";

    /** A configuration with these voice nodes (comma-separated URLs). */
    public static BottyConfig config(String voiceNodes) {
        Map<String, String> variables = new HashMap<>();
        variables.put("DISCORD_PUBLIC_KEY", "d".repeat(64));
        variables.put("DISCORD_APPLICATION_ID", TestApp.APPLICATION_ID);
        variables.put("VOICE_NODE_URLS", voiceNodes);
        variables.put("VOICE_NODE_SECRET", SECRET);
        return BottyConfig.load(new Environment(variables), BottyConfig.Mode.SERVE, null, null);
    }

    @Test
    void plainHttpNodesAreReachedWithoutSettingTlsUp() throws Exception {
        try (FixtureServer node = FixtureServer.start();
                HttpClient voice = new VoiceNodeHttp().voiceClient(config(node.url()))) {
            node.answer("/v1/status", Answer.text("up"));
            assertEquals("up", voice.send(HttpRequest.newBuilder(URI.create(node.url() + "/v1/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(HttpClient.Redirect.NEVER, voice.followRedirects(), "the internal API never redirects");
            assertNotSame(SSLContext.getDefault(), voice.sslContext());
            // Never initialised: had the client asked it for anything, building it would have failed.
            assertThrows(IllegalStateException.class, () -> voice.sslContext().getDefaultSSLParameters());
        }
    }

    @Test
    void aNodeBehindHttpsGetsTheJdksTls() throws Exception {
        try (HttpClient voice = new VoiceNodeHttp().voiceClient(config("http://node-0:8081,https://node-1.example:8443"))) {
            assertSame(SSLContext.getDefault(), voice.sslContext());
            assertEquals(HttpClient.Redirect.NEVER, voice.followRedirects());
        }
    }
}
