package dev.botty.voice.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botty.voice.command.MusicRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a forwarded interaction (Discord's own JSON, passed on unchanged) into a
 * {@link MusicRequest}. Only guild application commands (type 2) and their autocomplete (type 4)
 * are music; anything else is refused as a bad request.
 */
final class ForwardedInteraction {
    static final int APPLICATION_COMMAND = 2;
    static final int AUTOCOMPLETE = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForwardedInteraction() {}

    /** The request, or why the bytes are not one (for a 400). */
    sealed interface Parsed {
        record Request(MusicRequest request) implements Parsed {}

        record Refused(String reason) implements Parsed {}
    }

    static Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException malformed) {
            return new Parsed.Refused("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return new Parsed.Refused("the body is not an interaction object");
        }
        int type = root.path("type").asInt(-1);
        if (type != APPLICATION_COMMAND && type != AUTOCOMPLETE) {
            return new Parsed.Refused("only application commands and their autocomplete are forwarded (type " + type + ")");
        }
        Optional<Long> guild = snowflake(root.path("guild_id"));
        Optional<Long> user = snowflake(root.path("member").path("user").path("id"));
        Optional<Long> application = snowflake(root.path("application_id"));
        String token = root.path("token").asText("");
        String name = root.path("data").path("name").asText("");
        if (guild.isEmpty() || user.isEmpty()) {
            return new Parsed.Refused("music needs a guild interaction with a member");
        }
        if (application.isEmpty() || token.isEmpty() || name.isEmpty()) {
            return new Parsed.Refused("the interaction lacks its application id, token or command name");
        }
        Map<String, String> options = new LinkedHashMap<>();
        String focused = null;
        for (JsonNode option : root.path("data").path("options")) {
            String optionName = option.path("name").asText("");
            JsonNode value = option.path("value");
            if (optionName.isEmpty() || !value.isValueNode()) {
                continue;
            }
            options.put(optionName, value.asText());
            if (option.path("focused").asBoolean(false)) {
                focused = optionName;
            }
        }
        if (type == AUTOCOMPLETE && focused == null) {
            return new Parsed.Refused("an autocomplete interaction without a focused option");
        }
        return new Parsed.Request(new MusicRequest(application.get(), token, guild.get(), snowflake(root.path("channel_id")).orElse(0L),
                user.get(), name, options, type == AUTOCOMPLETE ? focused : null));
    }

    private static Optional<Long> snowflake(JsonNode node) {
        if (!node.isTextual() || !node.asText().matches("\\d{1,20}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseUnsignedLong(node.asText()));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
