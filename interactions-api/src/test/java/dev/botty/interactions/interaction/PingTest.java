package dev.botty.interactions.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.interactions.TestApp;
import dev.botty.simulator.InteractionBuilder;
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
}
