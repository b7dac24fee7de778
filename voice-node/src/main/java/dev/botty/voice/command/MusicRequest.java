package dev.botty.voice.command;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A music command (or its autocomplete) as forwarded by the interactions-api, reduced to what the
 * music logic needs.
 *
 * @param applicationId the application, for editing the original response
 * @param token         the interaction token (valid 15 minutes), for editing the original response
 * @param guildId       where it was used
 * @param channelId     the text (or voice-text) channel it was used in
 * @param userId        who used it
 * @param command       the command's name, e.g. {@code play}
 * @param options       the options given, by name, as text (numbers in decimal)
 * @param focused       for autocomplete, the option being typed; null for a command
 */
public record MusicRequest(long applicationId, String token, long guildId, long channelId, long userId, String command,
                           Map<String, String> options, @Nullable String focused) {
    public MusicRequest {
        options = Map.copyOf(options);
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
                + (focused == null ? "" : " focused=" + focused) + ", token=(hidden)]";
    }
}
