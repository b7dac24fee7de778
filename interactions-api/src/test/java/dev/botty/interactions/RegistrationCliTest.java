package dev.botty.interactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.botty.service.settings.Environment;
import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.FakeDiscord.Call;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code register [--guild [ID]]} as the owner runs it, against the Discord stand-in over loopback HTTP. */
class RegistrationCliTest {
    private record Run(int exit, String out, String err) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.test.bot-token";
    private static final String APP = TestApp.APPLICATION_ID;
    private static final String GLOBAL = "/api/v10/applications/" + APP + "/commands";
    private static final String GUILD = "290926798626357999";
    private static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");
    private static final Set<String> MUSIC = Set.of("join", "play", "queue", "nowplaying", "skip", "stop", "leave",
            "jump", "remove", "pause", "resume", "seek", "volume", "shuffle", "loop");
    private static final Set<Integer> OPTION_TYPES = Set.of(3, 4, 5, 6, 7, 8, 9, 10, 11);

    private FakeDiscord discord;

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start(0).requireBotToken(TOKEN);
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_APPLICATION_ID", APP);
        env.put("DISCORD_BOT_TOKEN", TOKEN);
        env.put("DISCORD_API_URL", discord.apiUrl());
        return env;
    }

    private static Run register(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Application.register(List.of(args), new Environment(env),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run register(String... args) {
        Run run = register(env(), args);
        assertEquals(0, run.exit(), run.err());
        return run;
    }

    private List<String> calls() {
        return discord.calls().stream().map(c -> c.method() + " " + c.path() + (c.isRateLimited() ? " 429" : "")).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @Test
    void firstRunWritesEveryDefinitionWithTheRightInstallTypesAndContexts() {
        Run run = register();
        assertEquals(List.of("GET " + GLOBAL, "PUT " + GLOBAL), calls());
        List<JsonNode> sent = list(discord.calls().get(1).json());
        assertTrue(run.out().startsWith("registered " + sent.size() + " commands (global)\n  added: /"), run.out());
        assertTrue(run.out().contains("/avatar") && run.out().contains("/play"), run.out());

        for (JsonNode command : sent) {
            String name = command.path("name").asText();
            assertTrue(NAME.matcher(name).matches() && name.equals(name.toLowerCase()), "name " + name);
            int description = command.path("description").asText().length();
            assertTrue(description >= 1 && description <= 100, name + " description length " + description);
            assertEquals(1, command.path("type").asInt(), name);
            for (JsonNode option : command.path("options")) {
                assertTrue(OPTION_TYPES.contains(option.path("type").asInt()), name + " option type " + option);
                assertTrue(NAME.matcher(option.path("name").asText()).matches(), name + " option " + option);
                int optionDescription = option.path("description").asText().length();
                assertTrue(optionDescription >= 1 && optionDescription <= 100, name + " option description " + option);
            }
            if (MUSIC.contains(name)) {
                assertEquals("[0]", command.path("integration_types").toString(), name + " is installed to guilds only");
                assertEquals("[0]", command.path("contexts").toString(), name + " is used in guilds only");
            } else if (name.equals("ip") || name.equals("avatar")) {
                assertEquals("[0,1]", command.path("integration_types").toString(), name + " is user-installable");
                assertEquals("[0,1,2]", command.path("contexts").toString(), name + " works in DMs and group DMs");
            }
        }
        assertTrue(sent.stream().map(c -> c.path("name").asText()).toList().containsAll(MUSIC));

        JsonNode play = sent.stream().filter(c -> c.path("name").asText().equals("play")).findFirst().orElseThrow();
        JsonNode query = play.path("options").get(0);
        assertEquals(3, query.path("type").asInt());
        assertTrue(query.path("required").asBoolean() && query.path("autocomplete").asBoolean(), query.toString());
        JsonNode avatar = sent.stream().filter(c -> c.path("name").asText().equals("avatar")).findFirst().orElseThrow();
        assertEquals("[6, 5]", list(avatar.path("options")).stream().map(o -> o.path("type").asInt()).toList().toString());
    }

    @Test
    void secondRunOnlyReadsWhenDiscordAlreadyHasTheCommands() {
        register();
        int before = discord.calls().size();
        Run again = register();
        assertEquals(List.of("GET " + GLOBAL), calls().subList(before, calls().size()));
        assertTrue(again.out().startsWith("no change: Discord already has these "), again.out());
        assertTrue(again.out().strip().endsWith("commands (global)"), again.out());
    }

    @Test
    void writesAgainAndNamesWhatChangedWhenDiscordsCopyDiffers() {
        register();
        ArrayNode onDiscord = discord.registeredCommands("global");
        ArrayNode drifted = MAPPER.createArrayNode();
        for (JsonNode command : onDiscord) {
            ObjectNode copy = command.deepCopy();
            switch (copy.path("name").asText()) {
                case "skip" -> { continue; }
                case "play" -> copy.put("description", "Play a song (an older wording)");
                case "volume" -> ((ObjectNode) copy.path("options").get(0)).put("max_value", 150);
                default -> { }
            }
            drifted.add(copy);
        }
        drifted.add(MAPPER.createObjectNode().put("id", "1").put("application_id", APP).put("version", "1")
                .put("type", 1).put("name", "oldcommand").put("description", "Gone from the code").put("nsfw", false));
        discord.seedCommands("global", drifted);
        int before = discord.calls().size();

        Run run = register();
        assertEquals(List.of("GET " + GLOBAL, "PUT " + GLOBAL), calls().subList(before, calls().size()));
        assertTrue(run.out().contains("\n  added: /skip\n"), run.out());
        assertTrue(run.out().contains("\n  changed: /play (description), /volume (option level)\n"), run.out());
        assertTrue(run.out().strip().endsWith("  removed: /oldcommand"), run.out());
        assertFalse(run.out().contains("warning"), run.out());
    }

    @Test
    void replacesTheDocumentedCommandsDiscordHadWithOurs() throws Exception {
        try (InputStream in = RegistrationCliTest.class.getResourceAsStream("/fixtures/discord/global-commands.json")) {
            discord.seedCommands("global", (ArrayNode) MAPPER.readTree(in));
        }
        Run run = register();
        assertTrue(run.out().strip().endsWith("  removed: /birthday, /blep, High Five (user command), /permissions_test"), run.out());
        assertTrue(register().out().startsWith("no change"), "the overwrite left exactly our commands");
    }

    @Test
    void guildOptionUsesTheGuildRouteAndSkipsTheSecondTime() {
        Run first = register("--guild", GUILD);
        assertTrue(first.out().startsWith("registered "), first.out());
        assertTrue(first.out().contains(" commands (guild " + GUILD + ")"), first.out());
        String route = "/api/v10/applications/" + APP + "/guilds/" + GUILD + "/commands";
        assertEquals(List.of("GET " + route, "PUT " + route), calls());
        assertEquals(0, discord.registeredCommands("global").size(), "global commands are untouched");

        // Discord leaves integration_types and contexts out of guild commands; that is no change.
        Run second = register("--guild", GUILD);
        assertTrue(second.out().startsWith("no change"), second.out());
        assertEquals(3, discord.calls().size());
    }

    @Test
    void guildOptionWithoutAnIdUsesTheDevelopmentGuild() {
        Map<String, String> env = env();
        env.put("DISCORD_DEV_GUILD_ID", GUILD);
        assertEquals(0, register(env, "--guild").exit());
        assertEquals("GET /api/v10/applications/" + APP + "/guilds/" + GUILD + "/commands", calls().getFirst());
    }

    @Test
    void refusesToStartWithoutABotTokenInOneClearLine() {
        Map<String, String> env = env();
        env.remove("DISCORD_BOT_TOKEN");
        Run run = register(env);
        assertEquals(2, run.exit());
        assertEquals("botty: DISCORD_BOT_TOKEN is required to register commands\n", run.err());
        assertEquals(List.of(), discord.calls(), "nothing is sent without a token");
    }

    @Test
    void explainsAWrongBotTokenInOneLineWithoutWritingAnything() {
        Map<String, String> env = env();
        env.put("DISCORD_BOT_TOKEN", "not-the-token");
        Run run = register(env);
        assertEquals(1, run.exit());
        assertEquals("botty: registration failed: Discord refused the bot token (401 Unauthorized); check DISCORD_BOT_TOKEN\n", run.err());
        assertEquals(List.of("GET " + GLOBAL), calls(), "a 401 is not retried: Discord bans IPs that keep sending them");
        assertFalse(run.err().contains("not-the-token"));
    }

    @Test
    void explainsThatDiscordCannotBeReached() {
        Map<String, String> env = env();
        env.put("DISCORD_API_URL", "http://127.0.0.1:9/api/v10");
        Run run = register(env);
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("botty: registration failed: cannot reach Discord at http://127.0.0.1:9/api/v10 ("), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void waitsOutARateLimitedOverwriteAndSucceeds() {
        discord.rateLimitNext("PUT", 1, Duration.ofMillis(400));
        Run run = register();
        assertTrue(run.out().startsWith("registered "), run.out());
        assertEquals(List.of("GET " + GLOBAL, "PUT " + GLOBAL + " 429", "PUT " + GLOBAL), calls());
        List<Call> puts = discord.calls().subList(1, 3);
        Duration waited = Duration.between(puts.get(0).at(), puts.get(1).at());
        assertTrue(waited.toMillis() >= 400, "waited " + waited + " for a retry_after of 0.4 s");
        assertTrue(discord.registeredCommands("global").size() > 0);
    }
}
