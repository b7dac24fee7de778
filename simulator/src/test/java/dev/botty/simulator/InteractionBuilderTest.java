package dev.botty.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** The simulator's payloads have the shape of Discord's documented example. */
class InteractionBuilderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode docsExample() throws Exception {
        try (InputStream in = InteractionBuilderTest.class.getResourceAsStream("/fixtures/discord/slash-command-interaction.json")) {
            return MAPPER.readTree(in);
        }
    }

    private static void assertHasEveryFieldOf(JsonNode documented, JsonNode built, String where) {
        for (Iterator<String> names = documented.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // "is_pending" is a leftover in the docs' example that Discord no longer sends.
            if (name.equals("is_pending") || name.equals("premium_since")) {
                continue;
            }
            assertTrue(built.has(name), where + " lacks '" + name + "': " + built);
            JsonNode expected = documented.get(name);
            JsonNode actual = built.get(name);
            if (!expected.isNull() && !actual.isNull()) {
                assertEquals(expected.getNodeType(), actual.getNodeType(), where + "." + name + " type");
            }
            if (expected.isObject() && (name.equals("user") || name.equals("member") || name.equals("data"))) {
                assertHasEveryFieldOf(expected, actual, where + "." + name);
            }
        }
    }

    @Test
    void guildCommandHasTheDocumentedShape() throws Exception {
        JsonNode built = InteractionBuilder.command("cardsearch").inGuild("290926798626357999", "539082325061836999")
                .option("cardname", InteractionBuilder.STRING, "The Gitrog Monster").toNode();
        assertHasEveryFieldOf(docsExample(), built, "interaction");
        assertEquals(docsExample().path("data").path("options"), built.path("data").path("options"));
    }

    @Test
    void dmCommandCarriesUserInsteadOfMember() {
        JsonNode built = InteractionBuilder.command("ip").inBotDm().toNode();
        assertFalse(built.has("member"));
        assertFalse(built.has("guild_id"));
        assertTrue(built.path("user").has("id"));
        assertEquals(1, built.path("context").asInt());
        assertTrue(built.path("authorizing_integration_owners").has("1"), "user-installed in DMs");
    }

    @Test
    void pingCarriesOnlyWhatDiscordSends() {
        JsonNode ping = InteractionBuilder.ping().toNode();
        assertEquals(1, ping.path("type").asInt());
        assertFalse(ping.has("data"));
        assertFalse(ping.has("member"));
    }

    @Test
    void everyInteractionHasItsOwnIdAndToken() {
        JsonNode a = InteractionBuilder.ping().toNode();
        JsonNode b = InteractionBuilder.ping().toNode();
        assertFalse(a.path("id").equals(b.path("id")));
        assertFalse(a.path("token").equals(b.path("token")));
    }

    @Test
    void signaturesVerifyUnderTheSeedsPublicKey() {
        SigningKey key = SigningKey.generate();
        SigningKey same = SigningKey.fromSeedHex(key.seedHex());
        assertEquals(key.publicKeyHex(), same.publicKeyHex());
        assertEquals(key.sign("1700000000", new byte[] {1, 2}), same.sign("1700000000", new byte[] {1, 2}), "Ed25519 is deterministic");
    }
}
