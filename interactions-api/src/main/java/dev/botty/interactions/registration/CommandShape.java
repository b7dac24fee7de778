package dev.botty.interactions.registration;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command reduced to what its users see and Discord acts on, so that our definition and Discord's
 * copy are equal exactly when a bulk overwrite would change nothing. Both sides are read from their
 * JSON form: ours as we send it, Discord's as a GET answers it.
 *
 * <p>Discord's defaults are filled in where a field is left out (type 1, {@code required} and
 * {@code autocomplete} false, {@code nsfw} false, no {@code default_member_permissions},
 * {@code integration_types} [0]). What Discord assigns ({@code id}, {@code application_id},
 * {@code version}, {@code guild_id}), derives ({@code dm_permission}, deprecated, follows
 * {@code contexts}) or adds for the reader's locale ({@code name_localized}) is left out.
 *
 * <p>Two choices that matter:
 * <ul>
 *   <li>{@code contexts: null} is kept apart from an explicit list. Discord documents null as "all
 *       contexts" but serves such a command in guilds and the bot's DM only (discord-api-docs#6744,
 *       #7583); we always send the list, so a null on Discord's side means a write is due.</li>
 *   <li>For a guild scope, {@code integration_types} and {@code contexts} are not compared: they are
 *       global-only, and Discord leaves them out of guild commands.</li>
 * </ul>
 * The command list compares without order (keyed by type and name); options and choices in order,
 * since that is the order users see.
 */
record CommandShape(
        int type,
        String name,
        String description,
        List<OptionShape> options,
        boolean nsfw,
        @Nullable String defaultMemberPermissions,
        @Nullable List<Integer> integrationTypes,
        @Nullable List<Integer> contexts) {

    static final int CHAT_INPUT = 1;
    private static final int USER = 2;
    private static final int MESSAGE = 3;

    /** One option, nested options included. */
    record OptionShape(
            int type,
            String name,
            String description,
            boolean required,
            List<ChoiceShape> choices,
            boolean autocomplete,
            @Nullable BigDecimal minValue,
            @Nullable BigDecimal maxValue,
            @Nullable Integer minLength,
            @Nullable Integer maxLength,
            List<Integer> channelTypes,
            List<OptionShape> options) {

        static OptionShape of(Map<String, Object> json) {
            return new OptionShape(
                    integer(json.get("type"), 0),
                    text(json.get("name")),
                    text(json.get("description")),
                    Boolean.TRUE.equals(json.get("required")),
                    readChoices(json.get("choices")),
                    Boolean.TRUE.equals(json.get("autocomplete")),
                    number(json.get("min_value")),
                    number(json.get("max_value")),
                    json.get("min_length") instanceof Number n ? n.intValue() : null,
                    json.get("max_length") instanceof Number n ? n.intValue() : null,
                    sortedIntegers(json.get("channel_types"), List.of()),
                    readOptions(json.get("options")));
        }
    }

    /** A fixed choice; numbers compare by value ({@code 1} equals {@code 1.0}). */
    record ChoiceShape(String name, Object value) {}

    /** Reads a command as JSON (Discord's or ours) for a global scope or a guild scope. */
    static CommandShape of(Map<String, Object> json, boolean global) {
        return new CommandShape(
                integer(json.get("type"), CHAT_INPUT),
                text(json.get("name")),
                text(json.get("description")),
                readOptions(json.get("options")),
                Boolean.TRUE.equals(json.get("nsfw")),
                json.get("default_member_permissions") == null ? null : String.valueOf(json.get("default_member_permissions")),
                global ? sortedIntegers(json.get("integration_types"), List.of(0)) : null,
                global ? sortedIntegers(json.get("contexts"), null) : null);
    }

    /** How the command is named to the owner: {@code /name} for slash commands. */
    String label() {
        return switch (type) {
            case CHAT_INPUT -> "/" + name;
            case USER -> name + " (user command)";
            case MESSAGE -> name + " (message command)";
            default -> name + " (type " + type + ")";
        };
    }

    /** Commands are unique per type and name within a scope. */
    String key() {
        return type + "/" + name;
    }

    /** What differs from {@code other}, in the owner's words: field names, or {@code option x}. */
    List<String> differencesFrom(CommandShape other) {
        List<String> differences = new ArrayList<>();
        if (!description.equals(other.description)) {
            differences.add("description");
        }
        if (!options.equals(other.options)) {
            differences.addAll(optionDifferences(other.options));
        }
        if (nsfw != other.nsfw) {
            differences.add("nsfw");
        }
        if (!Objects.equals(defaultMemberPermissions, other.defaultMemberPermissions)) {
            differences.add("default_member_permissions");
        }
        if (!Objects.equals(integrationTypes, other.integrationTypes)) {
            differences.add("integration_types");
        }
        if (!Objects.equals(contexts, other.contexts)) {
            differences.add("contexts");
        }
        return differences;
    }

    private List<String> optionDifferences(List<OptionShape> others) {
        List<String> names = options.stream().map(OptionShape::name).toList();
        if (!names.equals(others.stream().map(OptionShape::name).toList())) {
            return List.of("options");
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (!options.get(i).equals(others.get(i))) {
                differences.add("option " + options.get(i).name());
            }
        }
        return differences;
    }

    @SuppressWarnings("unchecked")
    private static List<OptionShape> readOptions(Object json) {
        if (!(json instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(o -> OptionShape.of((Map<String, Object>) o)).toList();
    }

    private static List<ChoiceShape> readChoices(Object json) {
        if (!(json instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .map(c -> (Map<?, ?>) c)
                .map(c -> new ChoiceShape(text(c.get("name")), c.get("value") instanceof Number n ? number(n) : c.get("value")))
                .toList();
    }

    private static List<Integer> sortedIntegers(Object json, @Nullable List<Integer> whenAbsent) {
        if (!(json instanceof List<?> list)) {
            return whenAbsent;
        }
        return list.stream().map(v -> integer(v, -1)).distinct().sorted().toList();
    }

    private static int integer(Object json, int whenAbsent) {
        return json instanceof Number n ? n.intValue() : whenAbsent;
    }

    private static String text(Object json) {
        return json == null ? "" : json.toString();
    }

    private static BigDecimal number(Object json) {
        return json instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros() : null;
    }
}
