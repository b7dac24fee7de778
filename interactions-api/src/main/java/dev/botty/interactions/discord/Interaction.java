package dev.botty.interactions.discord;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An interaction as Discord posts it (the fields botty reads; others are ignored). Snowflakes stay
 * strings, as on the wire.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Interaction(
        @Nullable String id,
        @Nullable String applicationId,
        int type,
        @Nullable CommandData data,
        @Nullable String guildId,
        @Nullable String channelId,
        @Nullable Member member,
        @Nullable User user,
        @Nullable String token,
        int version,
        @Nullable String locale,
        @Nullable Map<String, String> authorizingIntegrationOwners,
        @Nullable Integer context) {

    /** The invoking user: {@code member.user} in a guild, {@code user} elsewhere. */
    public Optional<User> invoker() {
        if (member != null && member.user() != null) {
            return Optional.of(member.user());
        }
        return Optional.ofNullable(user);
    }

    /** The command's name and options; for a click on a button, its {@code customId} and {@code componentType}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CommandData(
            @Nullable String id,
            @Nullable String name,
            @Nullable Integer type,
            @Nullable List<Option> options,
            @Nullable Resolved resolved,
            @Nullable String customId,
            @Nullable Integer componentType) {}

    /** One option value; {@code focused} marks the one being typed during autocomplete. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Option(
            @Nullable String name,
            int type,
            @Nullable Object value,
            @Nullable List<Option> options,
            @Nullable Boolean focused) {}

    /** Full objects for ids named in options; resolved members are partial (no {@code user}). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Resolved(@Nullable Map<String, User> users, @Nullable Map<String, Member> members) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record User(
            String id,
            @Nullable String username,
            @Nullable String discriminator,
            @Nullable String globalName,
            @Nullable String avatar) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Member(
            @Nullable User user,
            @Nullable List<String> roles,
            @Nullable String avatar,
            @Nullable String nick,
            @Nullable String permissions) {}
}
