package dev.botty.interactions.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.discord.InteractionVerifier;
import dev.botty.simulator.InteractionBuilder;
import java.time.Duration;
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
    void tabulatesThePublicKeyAfterStartAndStillAnswers() throws Exception {
        try (TestApp app = TestApp.start()) {
            InteractionVerifier verifier = app.context().getBean(InteractionVerifier.class);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (!verifier.isTabulated() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertTrue(verifier.isTabulated(), "the start-up warm-up builds the signature tables");
            assertEquals(1, app.post(InteractionBuilder.ping()).path("type").asInt());
            byte[] body = InteractionBuilder.ping().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            String byAnotherKey = dev.botty.simulator.SigningKey.generate().sign(timestamp, body);
            assertEquals(401, app.poster().postRaw(body, byAnotherKey, timestamp).status(), "another key's signature, refused on the tables too");
        }
    }
}
