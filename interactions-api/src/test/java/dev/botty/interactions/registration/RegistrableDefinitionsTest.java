package dev.botty.interactions.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.command.CommandCatalog;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.config.BottyConfig;
import dev.botty.internal.CommandDefinition.ChoiceDefinition;
import dev.botty.internal.CommandDefinition.OptionDefinition;
import dev.botty.internal.CommandDefinition;
import dev.botty.service.settings.Environment;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every command botty defines is one Discord accepts, so a bad new command fails the build
 * instead of the owner's next {@code register}. The limits are those of
 * {@code developers/interactions/application-commands.mdx} ("Application Command Naming", the
 * command and option structures, "Registering a Command").
 */
class RegistrableDefinitionsTest {
    // Discord's pattern also admits apostrophes and some Indic marks; botty keeps to the plain subset.
    private static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");
    private static final int MAX_GLOBAL_CHAT_INPUT = 100;
    private static final int MAX_OPTIONS = 25;
    private static final int MAX_CHOICES = 25;
    private static final int MAX_TEXT_PER_COMMAND = 8000;
    private static final Set<Integer> CHOICE_TYPES = Set.of(OptionDefinition.STRING, OptionDefinition.INTEGER, 10);
    private static final Set<Integer> OPTION_TYPES = Set.of(3, 4, 5, 6, 7, 8, 9, 10, 11);

    /** Every rule Discord would refuse these definitions for, one sentence each, naming the command. */
    static List<String> violations(List<CommandDefinition> definitions) {
        List<String> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CommandDefinition command : definitions) {
            String at = "/" + command.name();
            if (!names.add(command.type() + "/" + command.name())) {
                found.add(at + ": two commands have this name");
            }
            checkName(command.name(), at, found);
            checkLength(command.description(), 1, 100, at + " description", found);
            if (command.integrationTypes().isEmpty() || !Set.of(0, 1).containsAll(command.integrationTypes())) {
                found.add(at + ": integration_types must be some of 0 (guild) and 1 (user), got " + command.integrationTypes());
            }
            if (command.contexts().isEmpty() || !Set.of(0, 1, 2).containsAll(command.contexts())) {
                found.add(at + ": contexts must be some of 0, 1 and 2, got " + command.contexts());
            }
            checkOptions(command.options(), at, found);
            int text = command.name().length() + command.description().length() + command.options().stream()
                    .mapToInt(o -> o.name().length() + o.description().length() + (o.choices() == null ? 0 : o.choices().stream()
                            .mapToInt(c -> c.name().length() + String.valueOf(c.value()).length()).sum()))
                    .sum();
            if (text > MAX_TEXT_PER_COMMAND) {
                found.add(at + ": names, descriptions and choices add up to " + text + " characters, over " + MAX_TEXT_PER_COMMAND);
            }
        }
        long chatInput = definitions.stream().filter(d -> d.type() == CommandDefinition.CHAT_INPUT).count();
        if (chatInput > MAX_GLOBAL_CHAT_INPUT) {
            found.add(chatInput + " slash commands, over Discord's " + MAX_GLOBAL_CHAT_INPUT);
        }
        return found;
    }

    private static void checkOptions(List<OptionDefinition> options, String command, List<String> found) {
        if (options.size() > MAX_OPTIONS) {
            found.add(command + ": " + options.size() + " options, over " + MAX_OPTIONS);
        }
        Set<String> names = new HashSet<>();
        boolean optionalSeen = false;
        for (OptionDefinition option : options) {
            String at = command + " option " + option.name();
            if (!names.add(option.name())) {
                found.add(at + ": two options have this name");
            }
            checkName(option.name(), at, found);
            checkLength(option.description(), 1, 100, at + " description", found);
            if (!OPTION_TYPES.contains(option.type())) {
                found.add(at + ": type " + option.type() + " is not a value option type");
            }
            boolean required = Boolean.TRUE.equals(option.required());
            if (required && optionalSeen) {
                found.add(at + ": required, but listed after an optional option");
            }
            optionalSeen |= !required;
            boolean autocomplete = Boolean.TRUE.equals(option.autocomplete());
            List<ChoiceDefinition> choices = option.choices() == null ? List.of() : option.choices();
            if (autocomplete && !choices.isEmpty()) {
                found.add(at + ": has both choices and autocomplete");
            }
            if ((autocomplete || !choices.isEmpty()) && !CHOICE_TYPES.contains(option.type())) {
                found.add(at + ": choices and autocomplete are only for string, integer and number options");
            }
            if (choices.size() > MAX_CHOICES) {
                found.add(at + ": " + choices.size() + " choices, over " + MAX_CHOICES);
            }
            for (ChoiceDefinition choice : choices) {
                checkLength(choice.name(), 1, 100, at + " choice " + choice.name(), found);
                boolean fits = option.type() == OptionDefinition.STRING ? choice.value() instanceof String s && s.length() <= 100
                        : option.type() == OptionDefinition.INTEGER ? choice.value() instanceof Integer || choice.value() instanceof Long
                        : choice.value() instanceof Number;
                if (!fits) {
                    found.add(at + " choice " + choice.name() + ": value " + choice.value() + " does not fit the option's type");
                }
            }
            if (option.minValue() != null && option.maxValue() != null && option.minValue() > option.maxValue()) {
                found.add(at + ": min_value is above max_value");
            }
            if (option.minLength() != null && (option.minLength() < 0 || option.minLength() > 6000)
                    || option.maxLength() != null && (option.maxLength() < 1 || option.maxLength() > 6000)
                    || option.minLength() != null && option.maxLength() != null && option.minLength() > option.maxLength()) {
                found.add(at + ": lengths must be 0 ≤ min_length ≤ max_length ≤ 6000 with max_length ≥ 1");
            }
        }
    }

    private static void checkName(String name, String at, List<String> found) {
        if (!NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            found.add(at + ": name '" + name + "' must be 1–32 lowercase letters, digits, '-' or '_'");
        }
    }

    private static void checkLength(String text, int min, int max, String at, List<String> found) {
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        if (length < min || length > max) {
            found.add(at + ": " + length + " characters, must be " + min + "–" + max);
        }
    }

    private static List<CommandDefinition> everyCommandBottyDefines() {
        BottyConfig config = BottyConfig.load(new Environment(Map.of(
                "DISCORD_APPLICATION_ID", "1100000000000000001", "DISCORD_BOT_TOKEN", "unused")), BottyConfig.Mode.REGISTER, null, null);
        try (ApplicationContext context = ApplicationContext.builder().singletons(config).start()) {
            return context.getBean(CommandCatalog.class).all().stream().map(SlashCommand::definition).toList();
        }
    }

    @Test
    void everyCommandBottyDefinesIsOneDiscordAccepts() {
        List<CommandDefinition> definitions = everyCommandBottyDefines();
        assertTrue(definitions.size() >= 16, "found the commands: " + definitions.stream().map(CommandDefinition::name).toList());
        List<String> problems = violations(definitions);
        assertTrue(problems.isEmpty(), "Discord would refuse these definitions:\n  " + String.join("\n  ", problems));
    }

    // The rules above must catch what they claim to, or the test above proves nothing.

    private static OptionDefinition option(String name, boolean required) {
        return OptionDefinition.string(name, "An option", required);
    }

    private static void assertRefused(String expected, CommandDefinition... definitions) {
        List<String> problems = violations(List.of(definitions));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected '" + expected + "' in " + problems);
    }

    @Test
    void refusesNamesDiscordRefuses() {
        assertRefused("name 'Play' must be", CommandDefinition.slash("Play", "Capitalised"));
        assertRefused("name 'now playing' must be", CommandDefinition.slash("now playing", "A space"));
        assertRefused("must be 1–32", CommandDefinition.slash("x".repeat(33), "Too long"));
        assertRefused("/ping: two commands have this name", CommandDefinition.slash("ping", "One"), CommandDefinition.slash("ping", "Two"));
        assertRefused("option Query: name", CommandDefinition.slash("play", "Play").with(option("Query", true)));
        assertRefused("two options have this name", CommandDefinition.slash("play", "Play").with(option("q", true)).with(option("q", false)));
    }

    @Test
    void refusesDescriptionsOutsideOneToAHundredCharacters() {
        assertRefused("/ping description: 0 characters", CommandDefinition.slash("ping", ""));
        assertRefused("/ping description: 101 characters", CommandDefinition.slash("ping", "x".repeat(101)));
        assertFalse(violations(List.of(CommandDefinition.slash("ping", "x".repeat(100)))).stream().anyMatch(p -> p.contains("description")));
    }

    @Test
    void refusesARequiredOptionAfterAnOptionalOne() {
        assertRefused("option b: required, but listed after an optional option",
                CommandDefinition.slash("cmd", "Cmd").with(option("a", false)).with(option("b", true)));
    }

    @Test
    void refusesMoreThanTwentyFiveOptionsOrChoices() {
        CommandDefinition many = CommandDefinition.slash("cmd", "Cmd");
        for (int i = 0; i < 26; i++) {
            many = many.with(option("o" + i, false));
        }
        assertRefused("26 options, over 25", many);
        List<ChoiceDefinition> choices = IntStream.range(0, 26).mapToObj(i -> new ChoiceDefinition("c" + i, "v" + i)).toList();
        assertRefused("26 choices, over 25", CommandDefinition.slash("cmd", "Cmd").with(option("pick", true).withChoices(choices)));
    }

    @Test
    void refusesChoicesTogetherWithAutocomplete() {
        OptionDefinition both = new OptionDefinition(OptionDefinition.STRING, "q", "Query", true,
                List.of(new ChoiceDefinition("A", "a")), true, null, null, null, null);
        assertRefused("has both choices and autocomplete", CommandDefinition.slash("cmd", "Cmd").with(both));
        assertRefused("only for string, integer and number options",
                CommandDefinition.slash("cmd", "Cmd").with(OptionDefinition.bool("flag", "A flag").withAutocomplete()));
    }

    @Test
    void refusesChoiceValuesOfTheWrongType() {
        OptionDefinition level = OptionDefinition.integer("level", "Level", true, 0, 10).withChoices(List.of(new ChoiceDefinition("High", "10")));
        assertRefused("value 10 does not fit the option's type", CommandDefinition.slash("cmd", "Cmd").with(level));
    }

    @Test
    void refusesUnknownInstallTypesAndContexts() {
        assertRefused("integration_types must be", CommandDefinition.slash("cmd", "Cmd").onlyIn(List.of(), List.of(0)));
        assertRefused("contexts must be", CommandDefinition.slash("cmd", "Cmd").onlyIn(List.of(0), List.of(3)));
    }

    @Test
    void acceptsTheDocumentedExampleCommand() {
        CommandDefinition blep = CommandDefinition.slash("blep", "Send a random adorable animal photo")
                .with(OptionDefinition.string("animal", "The type of animal", true).withChoices(List.of(
                        new ChoiceDefinition("Dog", "animal_dog"), new ChoiceDefinition("Cat", "animal_cat"),
                        new ChoiceDefinition("Penguin", "animal_penguin"))))
                .with(OptionDefinition.bool("only_smol", "Whether to show only baby animals"));
        assertEquals(List.of(), violations(List.of(blep)));
    }
}
