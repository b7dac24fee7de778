package dev.botty.interactions.command;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every command botty answers: each {@link SlashCommand} bean and each {@link CommandSet}'s
 * commands, by name. Registration and dispatch both read this one list, so what Discord shows and
 * what botty answers cannot drift apart; two commands of one name stop the start.
 */
@Singleton
public final class CommandCatalog {
    private final Map<String, SlashCommand> byName;

    public CommandCatalog(List<SlashCommand> singles, List<CommandSet> sets) {
        List<SlashCommand> all = new ArrayList<>(singles);
        sets.forEach(set -> all.addAll(set.commands()));
        Map<String, SlashCommand> named = new LinkedHashMap<>();
        for (SlashCommand command : all) {
            if (named.put(command.definition().name(), command) != null) {
                throw new IllegalStateException("two commands are named /" + command.definition().name());
            }
        }
        this.byName = java.util.Collections.unmodifiableMap(named);
    }

    public List<SlashCommand> all() {
        return List.copyOf(byName.values());
    }

    public Optional<SlashCommand> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
