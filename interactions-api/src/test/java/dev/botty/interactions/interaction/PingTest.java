package dev.botty.interactions.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.discord.InteractionVerifier;
import dev.botty.simulator.InteractionBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PingTest {
    @Test
    void answersPingWithPong() {
        try (TestApp app = TestApp.start()) {
            JsonNode answer = app.post(InteractionBuilder.ping());
            assertEquals(1, answer.path("type").asInt());
            assertEquals(1, answer.size(), "a PONG carries nothing but its type: " + answer);
        }
    }

    @Test
    void verifiesTheFirstRequestWithTheKeysTables() throws Exception {
        try (TestApp app = TestApp.start(java.util.Map.of("botty.test.verifier-probe", "true"))) {
            // Built as the context started, before the port opened: no request ever meets another verifier.
            assertEquals(Boolean.FALSE, app.context().getBean(VerifierCreationProbe.class).serverRunningAtCreation);
            assertTrue(app.context().getBean(InteractionVerifier.class).isTabulated());
            assertEquals(1, app.post(InteractionBuilder.ping()).path("type").asInt());
            byte[] body = InteractionBuilder.ping().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            String byAnotherKey = dev.botty.simulator.SigningKey.generate().sign(timestamp, body);
            assertEquals(401, app.poster().postRaw(body, byAnotherKey, timestamp).status(), "another key's signature, refused on the tables too");
        }
    }
}
