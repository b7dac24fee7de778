package dev.botty.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in keeps application commands the way Discord's docs say Discord does. */
class FakeDiscordCommandsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String APP = InteractionBuilder.LOCAL_APPLICATION_ID;
    private static final String TOKEN = "test-bot-token";

    /** The "Example Slash Command" request body of application-commands.mdx, made user-installable. */
    private static final String DOCS_BLEP_REQUEST = """
            {
              "name": "blep",
              "type": 1,
              "description": "Send a random adorable animal photo",
              "integration_types": [0, 1],
              "contexts": [0, 1, 2],
              "options": [
                {
                  "name": "animal",
                  "description": "The type of animal",
                  "type": 3,
                  "required": true,
                  "choices": [
                    {"name": "Dog", "value": "animal_dog"},
                    {"name": "Cat", "value": "animal_cat"},
                    {"name": "Penguin", "value": "animal_penguin"}
                  ]
                },
                {
                  "name": "only_smol",
                  "description": "Whether to show only baby animals",
                  "type": 5,
                  "required": false
                }
              ]
            }""";

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeDiscord discord;

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start(0).requireBotToken(TOKEN);
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(discord.apiUrl() + path))
                .header("Authorization", "Bot " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode put(String path, String body) throws Exception {
        HttpResponse<String> response = call("PUT", path, body);
        assertEquals(200, response.statusCode(), response.body());
        return MAPPER.readTree(response.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = call("GET", path, null);
        assertEquals(200, response.statusCode(), response.body());
        return MAPPER.readTree(response.body());
    }

    static ArrayNode globalCommandsFixture() throws Exception {
        try (InputStream in = FakeDiscordCommandsTest.class.getResourceAsStream("/fixtures/discord/global-commands.json")) {
            return (ArrayNode) MAPPER.readTree(in);
        }
    }

    private static ObjectNode withoutAssignedIds(JsonNode command) {
        ObjectNode copy = command.deepCopy();
        copy.remove(List.of("id", "version", "application_id"));
        return copy;
    }

    @Test
    void listsTheDocsExampleTheWayTheFixtureShowsDiscordListingIt() throws Exception {
        put("/applications/" + APP + "/commands", "[" + DOCS_BLEP_REQUEST + "]");
        JsonNode listed = get("/applications/" + APP + "/commands").get(0);
        assertEquals(withoutAssignedIds(globalCommandsFixture().get(0)), withoutAssignedIds(listed));
    }

    @Test
    void fillsInDiscordsDefaultsForAGlobalCommand() throws Exception {
        JsonNode stored = put("/applications/" + APP + "/commands",
                "[{\"name\":\"ping\",\"description\":\"Ping\",\"options\":[]}]").get(0);
        assertEquals(1, stored.path("type").asInt());
        assertEquals(APP, stored.path("application_id").asText());
        assertTrue(stored.path("default_member_permissions").isNull());
        assertFalse(stored.path("nsfw").asBoolean(true));
        assertEquals("[0]", stored.path("integration_types").toString());
        assertTrue(stored.has("contexts") && stored.get("contexts").isNull(), "contexts left out become null");
        assertTrue(stored.path("dm_permission").asBoolean(false));
        assertFalse(stored.has("options"), "an empty options list is left out");
        assertTrue(stored.has("name_localizations"), "the PUT answer carries the localization fields");
        assertFalse(get("/applications/" + APP + "/commands").get(0).has("name_localizations"), "a plain GET does not");
    }

    @Test
    void leavesGlobalOnlyFieldsOutOfGuildCommands() throws Exception {
        JsonNode stored = put("/applications/" + APP + "/guilds/290926798626357999/commands", "[" + DOCS_BLEP_REQUEST + "]").get(0);
        assertEquals("290926798626357999", stored.path("guild_id").asText());
        for (String globalOnly : List.of("integration_types", "contexts", "dm_permission")) {
            assertFalse(stored.has(globalOnly), globalOnly);
        }
        assertEquals(0, get("/applications/" + APP + "/commands").size(), "the global scope is separate");
    }

    @Test
    void keepsIdsAndVersionsWhenTheSameCommandsAreWrittenAgain() throws Exception {
        JsonNode first = put("/applications/" + APP + "/commands", "[" + DOCS_BLEP_REQUEST + "]").get(0);
        JsonNode again = put("/applications/" + APP + "/commands", "[" + DOCS_BLEP_REQUEST + "]").get(0);
        assertEquals(first.path("id"), again.path("id"));
        assertEquals(first.path("version"), again.path("version"));
        JsonNode changed = put("/applications/" + APP + "/commands",
                "[" + DOCS_BLEP_REQUEST.replace("adorable", "cute") + "]").get(0);
        assertEquals(first.path("id"), changed.path("id"));
        assertNotEquals(first.path("version"), changed.path("version"));
    }

    @Test
    void refusesWhatDiscordRefusesWithItsNestedFormErrors() throws Exception {
        String tooLong = "x".repeat(101);
        HttpResponse<String> response = call("PUT", "/applications/" + APP + "/commands", """
                [{"name":"Blep","description":"ok"},
                 {"name":"later","description":"%s","options":[
                   {"type":3,"name":"a","description":"optional"},
                   {"type":3,"name":"b","description":"required after optional","required":true}]}]""".formatted(tooLong));
        assertEquals(400, response.statusCode());
        JsonNode error = MAPPER.readTree(response.body());
        assertEquals(50035, error.path("code").asInt());
        assertEquals("Invalid Form Body", error.path("message").asText());
        assertEquals("APPLICATION_COMMAND_INVALID_NAME", error.at("/errors/0/name/_errors/0/code").asText(), "names must be lowercase");
        assertEquals("BASE_TYPE_BAD_LENGTH", error.at("/errors/1/description/_errors/0/code").asText());
        assertEquals("APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", error.at("/errors/1/options/1/required/_errors/0/code").asText());
        assertEquals(0, get("/applications/" + APP + "/commands").size(), "nothing of a refused overwrite is kept");
    }

    @Test
    void answers401ToAWrongBotToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(discord.apiUrl() + "/applications/" + APP + "/commands"))
                .header("Authorization", "Bot not-the-token").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals("401: Unauthorized", MAPPER.readTree(response.body()).path("message").asText());
    }
}
