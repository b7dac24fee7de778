package dev.botty.interactions.registration;

import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.discord.DiscordRest;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Writes the command definitions to Discord by bulk overwrite. (Diff/skip: see issue work in progress.) */
@Singleton
public final class CommandRegistrar {
    /** What registration did. */
    public record Result(String scope, int commands, boolean changed) {
        public String describe() {
            return changed
                    ? "registered " + commands + " commands (" + scope + ")"
                    : "no change: Discord already has these " + commands + " commands (" + scope + ")";
        }
    }

    private final List<SlashCommand> commands;
    private final DiscordRest discord;

    public CommandRegistrar(List<SlashCommand> commands, DiscordRest discord) {
        this.commands = commands;
        this.discord = discord;
    }

    public Result register(Optional<String> guildId) {
        var definitions = commands.stream().map(SlashCommand::definition)
                .sorted(Comparator.comparing(d -> d.name())).toList();
        discord.overwriteCommands(guildId, definitions).join();
        return new Result(guildId.map(g -> "guild " + g).orElse("global"), definitions.size(), true);
    }
}
