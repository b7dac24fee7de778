package dev.botty.internal;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Creator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A music command, or its autocomplete, as the interactions-api forwards it to the guild's voice
 * node: the parsed invocation, reduced to what the music needs. The interaction's token stays with
 * the interactions-api, which alone answers Discord. Where the caller sits in voice is not part of
 * an interaction; the node knows it from its gateway.
 *
 * @param guildId   where it was used
 * @param channelId the text (or voice-text) channel it was used in
 * @param userId    who used it
 * @param locale    the user's Discord locale, like {@code en-US}
 * @param command   the command's name, one of {@link MusicCommands#ALL}
 * @param options   the options given, by name, as text (numbers in decimal)
 * @param focused   for autocomplete, the option being typed; null for a command
 * @param roles     the caller's role ids in the guild (for the DJ role)
 */
@Serdeable
public record MusicRequest(long guildId, long channelId, long userId, String locale, String command,
                           Map<String, String> options, @Nullable String focused, List<Long> roles) {
    @Creator
    public MusicRequest {
        options = options == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(options));
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A request from someone with no roles. */
    public MusicRequest(long guildId, long channelId, long userId, String locale, String command, Map<String, String> options,
                        @Nullable String focused) {
        this(guildId, channelId, userId, locale, command, options, focused, List.of());
    }

    /** Whether the caller has the role {@code roleId}. */
    public boolean hasRole(long roleId) {
        return roles.contains(roleId);
    }

    /** Why this request cannot be run (for a 400), or null when it can. */
    public @Nullable String problem() {
        if (guildId <= 0 || userId <= 0) {
            return "music needs a guild and a user";
        }
        if (command == null || command.isEmpty()) {
            return "the request names no command";
        }
        if (focused != null && !options.containsKey(focused)) {
            return "the focused option " + focused + " has no value";
        }
        return null;
    }

    public boolean autocomplete() {
        return focused != null;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** An integer option; empty when absent or not a whole number. */
    public OptionalLong integer(String name) {
        String value = options.get(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        return "MusicRequest[/" + command + " guild=" + guildId + " user=" + userId + " options=" + options
                + (focused == null ? "" : " focused=" + focused) + "]";
    }
}
