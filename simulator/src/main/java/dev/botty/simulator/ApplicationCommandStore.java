package dev.botty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Discord's side of application commands, per scope ({@code "global"} or a guild id): what a bulk
 * overwrite is checked against, what it stores and what a GET answers. The stored shape follows
 * Discord's documentation ({@code developers/interactions/application-commands.mdx}, "Application
 * Command Structure" and the endpoints) and what Discord is seen to return:
 * <ul>
 *   <li>every command gains {@code id}, {@code application_id}, {@code version}, {@code type}
 *       (default 1), {@code default_member_permissions} (default null) and {@code nsfw} (default
 *       false); a command whose name already existed keeps its id, and its version changes only
 *       when the command did;</li>
 *   <li>global commands carry {@code integration_types} (default {@code [0]}), {@code contexts}
 *       (null when not given, discord-api-docs#6744) and the deprecated {@code dm_permission};
 *       guild commands carry {@code guild_id} and none of those three (they are global-only,
 *       discord-api-types#1776);</li>
 *   <li>an empty {@code options} list and {@code "required": false} are left out;</li>
 *   <li>the PUT answer has {@code name_localizations}/{@code description_localizations} as null,
 *       the GET answer leaves them out (no {@code with_localizations}).</li>
 * </ul>
 * A request breaking one of Discord's documented limits is refused with 400 and code 50035, as
 * Discord does, so a test passing here does not fail against the real thing for that reason.
 */
final class ApplicationCommandStore {
    /** A refused bulk overwrite: Discord's "Invalid Form Body" with its nested {@code errors}. */
    record Refusal(ObjectNode body) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // The docs' regex also admits apostrophes and Devanagari/Thai marks; botty needs none of them.
    private static final Pattern CHAT_INPUT_NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$");
    private static final int CHAT_INPUT = 1;
    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;
    private static final int MAX_OPTIONS = 25;
    private static final int MAX_CHOICES = 25;
    private static final Set<Integer> AUTOCOMPLETE_TYPES = Set.of(3, 4, 10);
    private static final Set<String> SERVER_FIELDS = Set.of("id", "application_id", "version", "guild_id");

    private final Map<String, ArrayNode> commandsByScope = new ConcurrentHashMap<>();
    private final AtomicLong nextSnowflake;

    ApplicationCommandStore(AtomicLong nextSnowflake) {
        this.nextSnowflake = nextSnowflake;
    }

    /** What {@code GET .../commands} answers for the scope. */
    ArrayNode list(String scope) {
        ArrayNode listed = stored(scope);
        for (JsonNode command : listed) {
            ((ObjectNode) command).remove(List.of("name_localizations", "description_localizations"));
        }
        return listed;
    }

    /** Everything stored for the scope, as a PUT answered it. */
    ArrayNode stored(String scope) {
        return commandsByScope.getOrDefault(scope, MAPPER.createArrayNode()).deepCopy();
    }

    /** Replaces the scope's commands with these objects as they are, as if Discord had them already. */
    void seed(String scope, ArrayNode commands) {
        commandsByScope.put(scope, commands.deepCopy());
    }

    /** A bulk overwrite: the stored commands, or the refusal Discord would answer. */
    synchronized Object overwrite(String applicationId, Optional<String> guildId, JsonNode sent) {
        return overwrite(applicationId, guildId, sent, List.of());
    }

    /**
     * Like {@link #overwrite(String, Optional, JsonNode)}, also refusing for {@code schemaViolations}
     * (Discord's published schema) where the rules Discord documents in prose found nothing at the
     * same field: those say it in Discord's own codes.
     */
    synchronized Object overwrite(String applicationId, Optional<String> guildId, JsonNode sent, List<DiscordSpec.Violation> schemaViolations) {
        if (!(sent instanceof ArrayNode array)) {
            return refusal(Map.of("", "BASE_TYPE_ARRAY_REQUIRED: Must be an array."));
        }
        Map<String, String> errors = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode command = array.get(i);
            if (!(command instanceof ObjectNode)) {
                errors.put(i + "", "DICT_TYPE_CONVERT: Only dictionaries may be used in a DictType");
                continue;
            }
            checkCommand(command, Integer.toString(i), errors);
            if (!seen.add(command.path("type").asInt(CHAT_INPUT) + "/" + command.path("name").asText())) {
                errors.put(i + ".name", "APPLICATION_COMMANDS_DUPLICATE_NAME: Application command names must be unique");
            }
        }
        for (DiscordSpec.Violation violation : schemaViolations) {
            errors.putIfAbsent(String.join(".", violation.path()), violation.code() + ": " + violation.message());
        }
        if (!errors.isEmpty()) {
            return refusal(errors);
        }
        String scope = guildId.orElse("global");
        Map<String, ObjectNode> previous = new HashMap<>();
        for (JsonNode old : commandsByScope.getOrDefault(scope, MAPPER.createArrayNode())) {
            previous.put(old.path("type").asInt(CHAT_INPUT) + "/" + old.path("name").asText(), (ObjectNode) old);
        }
        ArrayNode stored = MAPPER.createArrayNode();
        for (JsonNode command : array) {
            ObjectNode before = previous.get(command.path("type").asInt(CHAT_INPUT) + "/" + command.path("name").asText());
            stored.add(store((ObjectNode) command, applicationId, guildId, before));
        }
        commandsByScope.put(scope, stored);
        return stored.deepCopy();
    }

    private ObjectNode store(ObjectNode sent, String applicationId, Optional<String> guildId, ObjectNode before) {
        ObjectNode command = MAPPER.createObjectNode();
        command.put("id", before != null ? before.path("id").asText() : newSnowflake());
        command.put("application_id", applicationId);
        command.put("version", "");
        command.set("default_member_permissions", sent.has("default_member_permissions")
                ? sent.get("default_member_permissions") : NullNode.getInstance());
        command.put("type", sent.path("type").asInt(CHAT_INPUT));
        command.set("name", sent.get("name"));
        command.set("name_localizations", sent.has("name_localizations") ? sent.get("name_localizations") : NullNode.getInstance());
        command.put("description", sent.path("description").asText(""));
        command.set("description_localizations", sent.has("description_localizations")
                ? sent.get("description_localizations") : NullNode.getInstance());
        if (guildId.isPresent()) {
            command.put("guild_id", guildId.get());
        } else {
            JsonNode contexts = sent.has("contexts") ? sent.get("contexts") : NullNode.getInstance();
            boolean inDms = sent.has("dm_permission") ? sent.get("dm_permission").asBoolean(true)
                    : contexts.isNull() || contains(contexts, 1);
            command.put("dm_permission", inDms);
            command.set("contexts", contexts);
            command.set("integration_types", sent.has("integration_types")
                    ? sent.get("integration_types") : MAPPER.createArrayNode().add(0));
        }
        ArrayNode options = normalizedOptions(sent.path("options"));
        if (!options.isEmpty()) {
            command.set("options", options);
        }
        command.put("nsfw", sent.path("nsfw").asBoolean(false));
        // The version moves only when the command itself changed, not on every overwrite.
        boolean same = before != null && withoutServerFields(before).equals(withoutServerFields(command));
        command.put("version", same ? before.path("version").asText() : newSnowflake());
        return command;
    }

    private static ArrayNode normalizedOptions(JsonNode options) {
        ArrayNode normalized = MAPPER.createArrayNode();
        for (JsonNode option : options) {
            ObjectNode copy = ((ObjectNode) option).deepCopy();
            if (!copy.path("required").asBoolean(false)) {
                copy.remove("required");
            }
            if (!copy.path("autocomplete").asBoolean(false)) {
                copy.remove("autocomplete");
            }
            copy.remove("options");
            ArrayNode nested = normalizedOptions(option.path("options"));
            if (!nested.isEmpty()) {
                copy.set("options", nested);
            }
            normalized.add(copy);
        }
        return normalized;
    }

    private static void checkCommand(JsonNode command, String at, Map<String, String> errors) {
        int type = command.path("type").asInt(CHAT_INPUT);
        String name = command.path("name").asText("");
        if (type == CHAT_INPUT) {
            checkName(name, at + ".name", errors);
            checkLength(command.path("description").asText(""), 1, 100, at + ".description", errors);
            checkOptions(command.path("options"), at + ".options", errors);
        } else if (name.isEmpty() || name.length() > 32) {
            errors.put(at + ".name", "BASE_TYPE_BAD_LENGTH: Must be between 1 and 32 in length.");
        }
        for (String list : List.of("integration_types", "contexts")) {
            JsonNode values = command.path(list);
            if (values.isArray() && values.isEmpty()) {
                errors.put(at + "." + list, "BASE_TYPE_BAD_LENGTH: Must be between 1 and 3 in length.");
            }
        }
    }

    private static void checkOptions(JsonNode options, String at, Map<String, String> errors) {
        if (options.size() > MAX_OPTIONS) {
            errors.put(at, "BASE_TYPE_MAX_LENGTH: Must be " + MAX_OPTIONS + " or fewer in length.");
        }
        boolean optionalSeen = false;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String here = at + "." + i;
            int type = option.path("type").asInt(0);
            checkName(option.path("name").asText(""), here + ".name", errors);
            if (!names.add(option.path("name").asText(""))) {
                errors.put(here + ".name", "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS: Option names must be unique");
            }
            checkLength(option.path("description").asText(""), 1, 100, here + ".description", errors);
            boolean required = option.path("required").asBoolean(false);
            if (type != SUB_COMMAND && type != SUB_COMMAND_GROUP) {
                if (required && optionalSeen) {
                    errors.put(here + ".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID: Required options must be placed before non-required options");
                }
                optionalSeen |= !required;
            }
            JsonNode choices = option.path("choices");
            if (choices.size() > MAX_CHOICES) {
                errors.put(here + ".choices", "BASE_TYPE_MAX_LENGTH: Must be " + MAX_CHOICES + " or fewer in length.");
            }
            if (!choices.isEmpty() && option.path("autocomplete").asBoolean(false)) {
                errors.put(here + ".autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID: Autocomplete cannot be set on options with choices");
            }
            if (option.path("autocomplete").asBoolean(false) && !AUTOCOMPLETE_TYPES.contains(type)) {
                errors.put(here + ".autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID: Autocomplete is only for string, integer and number options");
            }
            for (int c = 0; c < choices.size(); c++) {
                checkLength(choices.get(c).path("name").asText(""), 1, 100, here + ".choices." + c + ".name", errors);
            }
            if (option.has("min_length") && (option.get("min_length").asInt() < 0 || option.get("min_length").asInt() > 6000)) {
                errors.put(here + ".min_length", "NUMBER_TYPE_MAX: int value should be between 0 and 6000.");
            }
            if (option.has("max_length") && (option.get("max_length").asInt() < 1 || option.get("max_length").asInt() > 6000)) {
                errors.put(here + ".max_length", "NUMBER_TYPE_MAX: int value should be between 1 and 6000.");
            }
            checkOptions(option.path("options"), here + ".options", errors);
        }
    }

    private static void checkName(String name, String at, Map<String, String> errors) {
        if (!CHAT_INPUT_NAME.matcher(name).matches() || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            errors.put(at, "APPLICATION_COMMAND_INVALID_NAME: Command name is invalid");
        }
    }

    private static void checkLength(String value, int min, int max, String at, Map<String, String> errors) {
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            errors.put(at, "BASE_TYPE_BAD_LENGTH: Must be between " + min + " and " + max + " in length.");
        }
    }

    /** Discord's error body: {@code errors} nests by path down to {@code _errors: [{code, message}]}. */
    private static Refusal refusal(Map<String, String> errors) {
        ObjectNode body = MAPPER.createObjectNode().put("code", 50035).put("message", "Invalid Form Body");
        ObjectNode tree = body.putObject("errors");
        errors.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(error -> {
            ObjectNode node = tree;
            for (String part : error.getKey().split("\\.")) {
                if (!part.isEmpty()) {
                    node = node.has(part) ? (ObjectNode) node.get(part) : node.putObject(part);
                }
            }
            String[] codeAndMessage = error.getValue().split(": ", 2);
            ArrayNode list = node.has("_errors") ? (ArrayNode) node.get("_errors") : node.putArray("_errors");
            list.addObject().put("code", codeAndMessage[0]).put("message", codeAndMessage[1]);
        });
        return new Refusal(body);
    }

    private static boolean contains(JsonNode values, int value) {
        for (JsonNode v : values) {
            if (v.asInt(-1) == value) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode withoutServerFields(ObjectNode command) {
        ObjectNode copy = command.deepCopy();
        copy.remove(new ArrayList<>(SERVER_FIELDS));
        return copy;
    }

    private String newSnowflake() {
        return Long.toString(nextSnowflake.incrementAndGet());
    }
}
