package dev.botty.interactions.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.internal.CommandDefinition.ChoiceDefinition;
import dev.botty.internal.CommandDefinition.OptionDefinition;
import dev.botty.internal.CommandDefinition;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our definitions against what Discord answers to a GET, in the shape of the docs' examples
 * ({@code /fixtures/discord/global-commands.json}): equal exactly when an overwrite would change
 * nothing.
 */
class RegistrationComparisonTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    /** The docs' "Example Slash Command", as we would define it. */
    private static final CommandDefinition BLEP = CommandDefinition.slash("blep", "Send a random adorable animal photo")
            .with(OptionDefinition.string("animal", "The type of animal", true).withChoices(List.of(
                    new ChoiceDefinition("Dog", "animal_dog"),
                    new ChoiceDefinition("Cat", "animal_cat"),
                    new ChoiceDefinition("Penguin", "animal_penguin"))))
            .with(OptionDefinition.bool("only_smol", "Whether to show only baby animals"));

    private static List<Map<String, Object>> discordFixture() {
        try (InputStream in = RegistrationComparisonTest.class.getResourceAsStream("/fixtures/discord/global-commands.json")) {
            return JSON.readValue(in.readAllBytes(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text.getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ours in the form the registrar sends them. */
    private static Map<String, Object> sent(CommandDefinition definition) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(definition), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CommandShape> global(List<Map<String, Object>> commands) {
        return commands.stream().map(c -> CommandShape.of(c, true)).toList();
    }

    private static Map<String, Object> fixtureCommand(String name) {
        return discordFixture().stream().filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void matchesDiscordsCopyOfTheDocumentedCommandDespiteTheFieldsDiscordFillsIn() {
        // Discord's copy has id, application_id, version, dm_permission, nsfw:false,
        // default_member_permissions:null and no "required" on the optional option; ours has none of those.
        assertEquals(CommandShape.of(fixtureCommand("blep"), true), CommandShape.of(sent(BLEP), true));
    }

    @Test
    void namesWhatAnOverwriteWouldAddChangeAndRemove() {
        CommandDefinition changedBlep = new CommandDefinition(BLEP.name(), BLEP.type(), "Send a random animal photo",
                BLEP.options(), BLEP.integrationTypes(), BLEP.contexts());
        CommandChanges changes = CommandChanges.between(global(discordFixture()),
                global(List.of(sent(changedBlep), sent(CommandDefinition.slash("avatar", "Show a user's avatar")))));
        assertEquals(List.of("/avatar"), changes.added());
        assertEquals(List.of("/blep (description)"), changes.changed());
        assertEquals(List.of("/birthday", "High Five (user command)", "/permissions_test"), changes.removed());
    }

    @Test
    void findsNoChangeWhenDiscordHasExactlyOurCommandsInAnotherOrder() {
        CommandDefinition ping = CommandDefinition.slash("ping", "Ping");
        List<Map<String, Object>> discord = new ArrayList<>(List.of(fixtureCommand("blep"), sent(ping)));
        assertTrue(CommandChanges.between(global(discord.reversed()), global(List.of(sent(BLEP), sent(ping)))).none());
    }

    @Test
    void treatsALeftOutFieldAsDiscordsDefault() {
        Map<String, Object> explicit = json("""
                {"name":"ping","type":1,"description":"Ping","nsfw":false,"default_member_permissions":null,
                 "integration_types":[0],"options":[{"type":3,"name":"to","description":"Whom","required":false,"autocomplete":false}]}""");
        Map<String, Object> leftOut = json("""
                {"name":"ping","description":"Ping","options":[{"type":3,"name":"to","description":"Whom"}]}""");
        assertEquals(CommandShape.of(leftOut, true), CommandShape.of(explicit, true));
    }

    @Test
    void seesPermissionsAndAgeRestrictionSetOnDiscordsSide() {
        Map<String, Object> ours = json("""
                {"name":"permissions_test","type":1,"description":"A test of default permissions","integration_types":[0]}""");
        CommandShape discord = CommandShape.of(fixtureCommand("permissions_test"), true);
        assertEquals(List.of("default_member_permissions"), CommandShape.of(ours, true).differencesFrom(discord));
        Map<String, Object> nsfw = new java.util.HashMap<>(fixtureCommand("permissions_test"));
        nsfw.put("default_member_permissions", null);
        nsfw.put("nsfw", true);
        assertEquals(List.of("nsfw"), CommandShape.of(ours, true).differencesFrom(CommandShape.of(nsfw, true)));
    }

    @Test
    void takesNullContextsAsDiscordsDefaultNotAsEverywhere() {
        // Discord serves a command with null contexts in guilds and the bot's DM only, not in
        // private channels, so a command we want everywhere must be written with its contexts.
        Map<String, Object> ours = json("""
                {"name":"birthday","description":"Wish a friend a happy birthday","integration_types":[0],"contexts":[0,1,2],
                 "options":[{"type":4,"name":"age","description":"Your friend's age"}]}""");
        assertEquals(List.of("contexts"), CommandShape.of(ours, true).differencesFrom(CommandShape.of(fixtureCommand("birthday"), true)));
    }

    @Test
    void comparesInstallTypesAndContextsAsSets() {
        Map<String, Object> ordered = json("{\"name\":\"a\",\"description\":\"A\",\"integration_types\":[0,1],\"contexts\":[0,1,2]}");
        Map<String, Object> shuffled = json("{\"name\":\"a\",\"description\":\"A\",\"integration_types\":[1,0],\"contexts\":[2,0,1]}");
        assertEquals(CommandShape.of(ordered, true), CommandShape.of(shuffled, true));
    }

    @Test
    void leavesGlobalOnlyFieldsOutOfTheGuildComparison() {
        // Discord drops integration_types, contexts and dm_permission from guild commands.
        Map<String, Object> discordGuildCopy = new java.util.HashMap<>(fixtureCommand("blep"));
        discordGuildCopy.keySet().removeAll(List.of("integration_types", "contexts", "dm_permission"));
        discordGuildCopy.put("guild_id", "290926798626357999");
        assertEquals(CommandShape.of(discordGuildCopy, false), CommandShape.of(sent(BLEP), false));
        assertNotEquals(CommandShape.of(discordGuildCopy, true), CommandShape.of(sent(BLEP), true));
    }

    @Test
    void keepsOptionAndChoiceOrderBecauseUsersSeeIt() {
        Map<String, Object> discord = fixtureCommand("blep");
        Map<String, Object> swappedOptions = sent(new CommandDefinition("blep", 1, BLEP.description(),
                BLEP.options().reversed(), BLEP.integrationTypes(), BLEP.contexts()));
        assertEquals(List.of("options"), CommandShape.of(swappedOptions, true).differencesFrom(CommandShape.of(discord, true)));

        OptionDefinition animal = BLEP.options().getFirst();
        OptionDefinition reordered = animal.withChoices(animal.choices().reversed());
        Map<String, Object> swappedChoices = sent(new CommandDefinition("blep", 1, BLEP.description(),
                List.of(reordered, BLEP.options().get(1)), BLEP.integrationTypes(), BLEP.contexts()));
        assertEquals(List.of("option animal"), CommandShape.of(swappedChoices, true).differencesFrom(CommandShape.of(discord, true)));
    }

    @Test
    void comparesRequiredLimitsAndAutocompleteOfEachOption() {
        CommandDefinition volume = CommandDefinition.slash("volume", "Set the volume")
                .with(OptionDefinition.integer("level", "Volume in percent", true, 0, 200));
        CommandShape ours = CommandShape.of(sent(volume), true);
        String discordJson = """
                {"id":"1","application_id":"2","version":"3","name":"volume","type":1,"description":"Set the volume",
                 "integration_types":[0,1],"contexts":[0,1,2],"default_member_permissions":null,"nsfw":false,
                 "options":[{"type":4,"name":"level","description":"Volume in percent","required":true,"min_value":0,"max_value":%s}]}""";
        assertEquals(ours, CommandShape.of(json(discordJson.formatted("200.0")), true), "200 and 200.0 are the same limit");
        assertEquals(List.of("option level"), ours.differencesFrom(CommandShape.of(json(discordJson.formatted("100")), true)));
        assertEquals(List.of("option level"), ours.differencesFrom(CommandShape.of(json(discordJson.formatted("200")
                .replace("\"required\":true", "\"required\":false")), true)));
        assertEquals(List.of("option level"), ours.differencesFrom(CommandShape.of(json(discordJson.formatted("200")
                .replace("\"required\":true", "\"required\":true,\"autocomplete\":true")), true)));
    }

    @Test
    void tellsApartCommandsOfDifferentTypesWithTheSameName() {
        Map<String, Object> userCommand = json("{\"name\":\"avatar\",\"type\":2,\"description\":\"\"}");
        CommandChanges changes = CommandChanges.between(global(List.of(userCommand)),
                global(List.of(sent(CommandDefinition.slash("avatar", "Show a user's avatar")))));
        assertEquals(List.of("/avatar"), changes.added());
        assertEquals(List.of("avatar (user command)"), changes.removed());
    }

    @Test
    void refusesTwoOfOurCommandsWithOneName() {
        Map<String, Object> ping = sent(CommandDefinition.slash("ping", "Ping"));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CommandChanges.between(List.of(), global(List.of(ping, ping))));
        assertEquals("two commands are both named /ping", error.getMessage());
    }
}
