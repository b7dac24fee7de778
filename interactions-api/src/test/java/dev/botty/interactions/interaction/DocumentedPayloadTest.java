package dev.botty.interactions.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.interactions.TestApp;
import dev.botty.simulator.InteractionPoster.Answer;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Discord's own example interaction, signed and posted, is understood. */
class DocumentedPayloadTest {
    private static ObjectNode docsExample() throws Exception {
        try (InputStream in = DocumentedPayloadTest.class.getResourceAsStream("/fixtures/discord/slash-command-interaction.json")) {
            return (ObjectNode) TestApp.json(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void parsesTheDocumentedExampleAndAnswersForItsUnknownCommand() throws Exception {
        try (TestApp app = TestApp.start()) {
            Answer answer = app.postRaw(docsExample().toString());
            assertEquals(200, answer.status(), answer.body());
            assertTrue(TestApp.json(answer.body()).path("data").path("content").asText().contains("/cardsearch"));
        }
    }

    @Test
    void readsTheDocumentedInvokerForAvatar() throws Exception {
        ObjectNode example = docsExample();
        ((ObjectNode) example.path("data")).put("name", "avatar").remove("options");
        try (TestApp app = TestApp.start()) {
            JsonNode answer = TestApp.json(app.postRaw(example.toString()).body());
            // Mason's hash starts with a_ (animated) and he has a legacy discriminator.
            assertEquals("https://cdn.discordapp.com/avatars/53908232506183680/a_d5efa99b3eeaa7dd43acca82f5692432.gif?size=4096",
                    answer.path("data").path("embeds").path(0).path("image").path("url").asText());
        }
    }
}
