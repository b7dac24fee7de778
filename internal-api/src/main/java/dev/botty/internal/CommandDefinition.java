package dev.botty.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat-input command as Discord registers it (the body of the bulk-overwrite request). The
 * same object drives registration and dispatch, so the two cannot drift apart; it lives in the
 * contract because the music commands' definitions ({@link MusicCommands}) are read by both
 * services: the interactions-api registers and forwards them, the voice node runs them.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandDefinition(
        String name,
        int type,
        String description,
        List<OptionDefinition> options,
        List<Integer> integrationTypes,
        List<Integer> contexts) {

    public static final int CHAT_INPUT = 1;
    /** Installed to a guild. */
    public static final int GUILD_INSTALL = 0;
    /** Installed to a user: the command follows them into DMs and other guilds. */
    public static final int USER_INSTALL = 1;
    public static final int CONTEXT_GUILD = 0;
    public static final int CONTEXT_BOT_DM = 1;
    public static final int CONTEXT_PRIVATE_CHANNEL = 2;

    public CommandDefinition {
        options = List.copyOf(options);
        integrationTypes = List.copyOf(integrationTypes);
        contexts = List.copyOf(contexts);
    }

    /** A guild-installed command usable in guilds and the bot's DM. */
    public static CommandDefinition slash(String name, String description) {
        return new CommandDefinition(name, CHAT_INPUT, description, List.of(),
                List.of(GUILD_INSTALL, USER_INSTALL), List.of(CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE_CHANNEL));
    }

    public CommandDefinition with(OptionDefinition option) {
        List<OptionDefinition> more = new ArrayList<>(options);
        more.add(option);
        return new CommandDefinition(name, type, description, more, integrationTypes, contexts);
    }

    /** Restricts where the command can be used (for example guild-only music commands). */
    public CommandDefinition onlyIn(List<Integer> installTypes, List<Integer> usableContexts) {
        return new CommandDefinition(name, type, description, options, installTypes, usableContexts);
    }

    /** One option of a command. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionDefinition(
            int type,
            String name,
            String description,
            @Nullable Boolean required,
            @Nullable List<ChoiceDefinition> choices,
            @Nullable Boolean autocomplete,
            @Nullable Long minValue,
            @Nullable Long maxValue,
            @Nullable Integer minLength,
            @Nullable Integer maxLength) {

        public static final int STRING = 3;
        public static final int INTEGER = 4;
        public static final int BOOLEAN = 5;
        public static final int USER = 6;

        public static OptionDefinition string(String name, String description, boolean required) {
            return new OptionDefinition(STRING, name, description, required ? true : null, null, null, null, null, null, null);
        }

        public static OptionDefinition integer(String name, String description, boolean required, long min, long max) {
            return new OptionDefinition(INTEGER, name, description, required ? true : null, null, null, min, max, null, null);
        }

        public static OptionDefinition bool(String name, String description) {
            return new OptionDefinition(BOOLEAN, name, description, null, null, null, null, null, null, null);
        }

        public static OptionDefinition user(String name, String description) {
            return new OptionDefinition(USER, name, description, null, null, null, null, null, null, null);
        }

        public OptionDefinition withChoices(List<ChoiceDefinition> fixed) {
            return new OptionDefinition(type, name, description, required, List.copyOf(fixed), null, minValue, maxValue, minLength, maxLength);
        }

        public OptionDefinition withAutocomplete() {
            return new OptionDefinition(type, name, description, required, null, true, minValue, maxValue, minLength, maxLength);
        }

        public OptionDefinition withLength(int min, int max) {
            return new OptionDefinition(type, name, description, required, choices, autocomplete, minValue, maxValue, min, max);
        }
    }

    /** A fixed choice of an option. */
    @Serdeable
    public record ChoiceDefinition(String name, Object value) {}
}
