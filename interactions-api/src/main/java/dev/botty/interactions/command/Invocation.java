package dev.botty.interactions.command;

import dev.botty.interactions.discord.Interaction.Member;
import dev.botty.interactions.discord.Interaction.Option;
import dev.botty.interactions.discord.Interaction.User;
import dev.botty.interactions.discord.Interaction;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command invocation as a command sees it: who, where, and typed option values. Lenient on
 * option types (a number sent for a string option reads as its text), strict on nothing else:
 * a missing or mistyped option is simply absent.
 */
public final class Invocation {
    /** A user named by a USER option, with their guild member data when Discord resolved it. */
    public record ResolvedUser(User user, Optional<Member> member) {}

    private final Interaction interaction;
    private final List<Option> options;

    public Invocation(Interaction interaction) {
        this.interaction = interaction;
        List<Option> given = interaction.data() == null ? null : interaction.data().options();
        this.options = given == null ? List.of() : given.stream().filter(Objects::nonNull).toList();
    }

    public String commandName() {
        return interaction.data() == null ? "" : Objects.requireNonNullElse(interaction.data().name(), "");
    }

    /** The invoking user's id; an interaction without one cannot be attributed and is treated as nobody. */
    public Optional<String> userId() {
        return interaction.invoker().map(User::id);
    }

    public Optional<User> user() {
        return interaction.invoker();
    }

    /** The guild, when invoked in one (context 0). */
    public Optional<String> guildId() {
        return Optional.ofNullable(interaction.guildId());
    }

    /** The interaction's token (for editing its answer later). */
    public Optional<String> token() {
        return Optional.ofNullable(interaction.token());
    }

    /** For a click on a button, its custom id. */
    public Optional<String> customId() {
        return Optional.ofNullable(interaction.data()).map(Interaction.CommandData::customId);
    }

    /** The channel it was used in. */
    public Optional<String> channelId() {
        return Optional.ofNullable(interaction.channelId());
    }

    /** The user's Discord locale, like {@code en-US}. */
    public Optional<String> locale() {
        return Optional.ofNullable(interaction.locale());
    }

    /** The names of the options given, in order. */
    public List<String> optionNames() {
        return options.stream().map(Option::name).filter(Objects::nonNull).toList();
    }

    /** The invoking member's guild avatar hash, when they set one. */
    public Optional<String> memberAvatar() {
        return Optional.ofNullable(interaction.member()).map(Member::avatar);
    }

    /** Role ids of the invoking member; empty outside guilds. */
    public List<String> memberRoles() {
        Member member = interaction.member();
        return member == null || member.roles() == null ? List.of() : member.roles();
    }

    public Optional<String> string(String name) {
        return option(name).map(Option::value).map(v -> v instanceof String s ? s : String.valueOf(v));
    }

    public Optional<Boolean> bool(String name) {
        return option(name).map(Option::value).flatMap(v -> v instanceof Boolean b ? Optional.of(b) : Optional.empty());
    }

    public Optional<Long> integer(String name) {
        return option(name).map(Option::value).flatMap(v -> v instanceof Number n ? Optional.of(n.longValue()) : Optional.empty());
    }

    /** A USER option, resolved through {@code data.resolved}. */
    public Optional<ResolvedUser> resolvedUser(String name) {
        Optional<String> id = string(name);
        if (id.isEmpty() || interaction.data() == null || interaction.data().resolved() == null) {
            return Optional.empty();
        }
        Interaction.Resolved resolved = interaction.data().resolved();
        Map<String, User> users = resolved.users() == null ? Map.of() : resolved.users();
        Map<String, Member> members = resolved.members() == null ? Map.of() : resolved.members();
        return Optional.ofNullable(users.get(id.get()))
                .map(user -> new ResolvedUser(user, Optional.ofNullable(members.get(id.get()))));
    }

    /** The option being typed during autocomplete, and its partial value. */
    public Optional<Option> focused() {
        return options.stream().filter(o -> Boolean.TRUE.equals(o.focused())).findFirst();
    }

    public String focusedText() {
        return focused().map(Option::value).map(String::valueOf).orElse("");
    }

    private Optional<Option> option(String name) {
        return options.stream().filter(o -> name.equals(o.name()) && o.value() != null).findFirst();
    }
}
