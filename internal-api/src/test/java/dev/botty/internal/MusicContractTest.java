package dev.botty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MusicContractTest {
    private final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void aRequestSurvivesTheWireWithItsSnowflakesExact() throws IOException {
        MusicRequest original = new MusicRequest(1_234_567_890_123_456_789L, 987_654_321_098_765_432L, 41_771_983_423_143_937L, "en-GB", "play",
                Map.of("query", "never gonna"), "query");
        String text = json.writeValueAsString(original);
        assertTrue(text.contains("\"guildId\":1234567890123456789"), text);
        MusicRequest read = json.readValue(text, MusicRequest.class);
        assertEquals(original, read);
        assertTrue(read.autocomplete());
        assertNull(read.problem());
    }

    @Test
    void aReplyAndSuggestionsSurviveTheWire() throws IOException {
        MusicReply reply = MusicReply.ok(new MusicReply.Card("Queue", "https://example.com/q", "1. Song", null,
                List.of(new MusicReply.Card.Field("Loop", "off", true)), "page 1 of 1"));
        assertEquals(reply, json.readValue(json.writeValueAsString(reply), MusicReply.class));
        MusicReply refused = MusicReply.refused("📭 The queue is empty.");
        String text = json.writeValueAsString(refused);
        assertTrue(text.contains("\"outcome\":\"REFUSED\""), text);
        assertEquals(refused, json.readValue(text, MusicReply.class));
        MusicSuggestions suggestions = new MusicSuggestions(List.of(new MusicSuggestions.Choice("Song · 3:00", "https://example.com/s")));
        assertEquals(suggestions, json.readValue(json.writeValueAsString(suggestions), MusicSuggestions.class));
    }

    @Test
    void aClickUpdatesTheMessageWithItsButtonsAndOlderButtonsAreKnownButNotRead() throws IOException {
        MusicReply update = MusicReply.update(new MusicReply.Card("🎶 Song", null, "by Band", null, List.of(), null),
                List.of(new MusicReply.Control(MusicControls.customId(MusicControls.Action.PAUSE), "⏸️", "Pause", false, false)));
        MusicReply read = json.readValue(json.writeValueAsString(update), MusicReply.class);
        assertEquals(update, read);
        assertTrue(read.update());
        assertEquals(List.of(), json.readValue("{\"content\":\"hi\",\"outcome\":\"OK\"}", MusicReply.class).controls(), "an older node's reply");

        assertEquals("botty:music:v1:pause", MusicControls.customId(MusicControls.Action.PAUSE));
        assertEquals(java.util.Optional.of(MusicControls.Action.LOOP), MusicControls.action("botty:music:v1:loop"));
        assertTrue(MusicControls.isMusic("botty:music:v0:pause"));
        assertEquals(java.util.Optional.empty(), MusicControls.action("botty:music:v0:pause"), "another version is not read as this one");
        assertEquals(java.util.Optional.empty(), MusicControls.action("botty:music:v1:dance"));
        assertTrue(MusicCommands.named(MusicControls.COMMAND).isEmpty(), "never registered as a slash command");
    }

    @Test
    void whatCannotBeRunSaysWhy() throws IOException {
        assertEquals("music needs a guild and a user",
                json.readValue("{\"userId\":5,\"locale\":\"en-US\",\"command\":\"skip\",\"options\":{}}", MusicRequest.class).problem());
        assertEquals("the request names no command",
                new MusicRequest(1, 2, 3, "en-US", "", Map.of(), null).problem());
        assertEquals("the focused option query has no value",
                new MusicRequest(1, 2, 3, "en-US", "play", Map.of(), "query").problem());
        assertThrows(IOException.class, () -> json.readValue("{\"guildId\":\"not a number\"}", MusicRequest.class));
        // A Discord interaction response is not a node's answer: the interactions-api must not read one as a reply.
        assertThrows(IOException.class, () -> json.readValue("{\"type\":4,\"data\":{\"content\":\"hi\"}}", MusicReply.class));
    }

    @Test
    void theCallersRolesTravelAndAnOlderSenderMeansNone() throws IOException {
        MusicRequest dj = new MusicRequest(1, 2, 3, "en-US", "skip", Map.of(), null, List.of(41771983423143938L));
        MusicRequest read = json.readValue(json.writeValueAsString(dj), MusicRequest.class);
        assertEquals(dj, read);
        assertTrue(read.hasRole(41771983423143938L));
        MusicRequest older = json.readValue("{\"guildId\":1,\"channelId\":2,\"userId\":3,\"locale\":\"en-US\",\"command\":\"skip\",\"options\":{}}",
                MusicRequest.class);
        assertEquals(List.of(), older.roles());
    }

    @Test
    void theTokenNeverTravels() throws IOException {
        String text = json.writeValueAsString(new MusicRequest(1, 2, 3, "en-US", "skip", Map.of(), null));
        assertFalse(text.contains("token"), text);
    }

    @Test
    void everyMusicCommandIsListedOnceAndGuildOnly() {
        Set<String> names = new HashSet<>();
        for (CommandDefinition definition : MusicCommands.ALL) {
            assertTrue(names.add(definition.name()), "listed twice: " + definition.name());
            assertEquals(List.of(CommandDefinition.CONTEXT_GUILD), definition.contexts(), definition.name());
            assertEquals(List.of(CommandDefinition.GUILD_INSTALL), definition.integrationTypes(), definition.name());
            assertEquals(definition, MusicCommands.named(definition.name()).orElseThrow());
        }
        assertEquals(19, names.size());
        assertTrue(MusicCommands.named("joke").isEmpty());
    }
}
