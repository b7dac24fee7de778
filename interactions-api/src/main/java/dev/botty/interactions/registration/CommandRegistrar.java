package dev.botty.interactions.registration;

import dev.botty.interactions.command.CommandCatalog;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.discord.DiscordRest;
import dev.botty.internal.CommandDefinition;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Brings Discord's commands for a scope in line with our definitions: reads what Discord has,
 * and bulk-overwrites only when that differs, so running it again changes nothing and spends no
 * command-create quota (Discord allows 200 creates a day per guild).
 */
@Singleton
public final class CommandRegistrar {
    /**
     * What registration did.
     *
     * @param scope             {@code global} or {@code guild <id>}
     * @param commands          how many commands we define
     * @param changes           how Discord's commands differed from ours before
     * @param written           whether the overwrite was sent
     * @param storedDifferently commands Discord kept differently from what was sent (the next run
     *                          will write them again); empty when all is well
     */
    public record Result(String scope, int commands, CommandChanges changes, boolean written, List<String> storedDifferently) {
        public Result {
            storedDifferently = List.copyOf(storedDifferently);
        }

        /** For the owner: one line, then what was added, changed or removed, by name. */
        public String describe() {
            if (!written) {
                return "no change: Discord already has these " + commands + " commands (" + scope + ")";
            }
            List<String> lines = new ArrayList<>();
            lines.add("registered " + commands + " commands (" + scope + ")");
            line(lines, "added", changes.added());
            line(lines, "changed", changes.changed());
            line(lines, "removed", changes.removed());
            if (!storedDifferently.isEmpty()) {
                lines.add("  warning: Discord stored these differently from what was sent, so the next run will write again: "
                        + String.join(", ", storedDifferently));
            }
            return String.join("\n", lines);
        }

        private static void line(List<String> lines, String what, List<String> names) {
            if (!names.isEmpty()) {
                lines.add("  " + what + ": " + String.join(", ", names));
            }
        }
    }

    private static final Argument<List<Map<String, Object>>> JSON_LIST = Argument.listOf(Argument.mapOf(String.class, Object.class));

    private final List<SlashCommand> commands;
    private final DiscordRest discord;
    private final JsonMapper json;

    public CommandRegistrar(CommandCatalog commands, DiscordRest discord, JsonMapper json) {
        this.commands = commands.all();
        this.discord = discord;
        this.json = json;
    }

    /**
     * Registers our commands globally, or in one guild (guild commands update instantly). Throws
     * {@link DiscordRest.DiscordException} when Discord refuses, {@link UncheckedIOException} when
     * it cannot be reached.
     */
    public Result register(Optional<String> guildId) {
        boolean global = guildId.isEmpty();
        String scope = guildId.map(g -> "guild " + g).orElse("global");
        List<CommandDefinition> definitions = commands.stream().map(SlashCommand::definition)
                .sorted(Comparator.comparing(CommandDefinition::name)).toList();
        // Ours are compared in the form they are sent, so the comparison sees what Discord will.
        List<CommandShape> ours = shapes(asJson(definitions), global);
        List<CommandShape> existing = shapes(await(discord.commands(guildId)), global);
        CommandChanges changes = CommandChanges.between(existing, ours);
        if (changes.none()) {
            return new Result(scope, definitions.size(), changes, false, List.of());
        }
        List<CommandShape> stored = shapes(await(discord.overwriteCommands(guildId, definitions)), global);
        CommandChanges leftOver = CommandChanges.between(stored, ours);
        List<String> storedDifferently = new ArrayList<>(leftOver.changed());
        leftOver.added().forEach(name -> storedDifferently.add(name + " (missing)"));
        leftOver.removed().forEach(name -> storedDifferently.add(name + " (unexpected)"));
        return new Result(scope, definitions.size(), changes, true, storedDifferently);
    }

    private static List<CommandShape> shapes(List<Map<String, Object>> commands, boolean global) {
        return commands.stream().map(c -> CommandShape.of(c, global)).toList();
    }

    private List<Map<String, Object>> asJson(List<CommandDefinition> definitions) {
        try {
            return json.readValue(json.writeValueAsBytes(definitions), JSON_LIST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case RuntimeException cause -> throw cause;
                case IOException cause -> throw new UncheckedIOException(cause);
                case null, default -> throw e;
            }
        }
    }
}
