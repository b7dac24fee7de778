package dev.botty.interactions.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bulk overwrite would do to one scope: the commands it would add, change (with what
 * changed) and remove, each named as the owner knows it ({@code /play}).
 */
public record CommandChanges(List<String> added, List<String> changed, List<String> removed) {
    public CommandChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** Compares Discord's commands with ours; the order of either list does not matter. */
    static CommandChanges between(List<CommandShape> discord, List<CommandShape> ours) {
        Map<String, CommandShape> theirs = byKey(discord);
        Map<String, CommandShape> wanted = byKey(ours);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (CommandShape command : sorted(wanted)) {
            CommandShape existing = theirs.get(command.key());
            if (existing == null) {
                added.add(command.label());
            } else if (!existing.equals(command)) {
                changed.add(command.label() + " (" + String.join(", ", command.differencesFrom(existing)) + ")");
            }
        }
        for (CommandShape command : sorted(theirs)) {
            if (!wanted.containsKey(command.key())) {
                removed.add(command.label());
            }
        }
        return new CommandChanges(added, changed, removed);
    }

    /** Discord already has exactly these commands. */
    public boolean none() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    private static Map<String, CommandShape> byKey(List<CommandShape> commands) {
        Map<String, CommandShape> byKey = new LinkedHashMap<>();
        for (CommandShape command : commands) {
            if (byKey.put(command.key(), command) != null) {
                // Discord would refuse the whole overwrite; say which name before it does.
                throw new IllegalStateException("two commands are both named " + command.label());
            }
        }
        return byKey;
    }

    private static List<CommandShape> sorted(Map<String, CommandShape> commands) {
        return commands.values().stream().sorted(Comparator.comparing(CommandShape::name, String.CASE_INSENSITIVE_ORDER).thenComparing(CommandShape::type)).toList();
    }
}
