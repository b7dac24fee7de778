package dev.botty.interactions.command.avatar;

import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.discord.Embed;
import dev.botty.interactions.discord.Interaction.User;
import dev.botty.internal.CommandDefinition.OptionDefinition;
import dev.botty.internal.CommandDefinition;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /avatar [user] [server]}: a user's avatar at full size, computed from the interaction's
 * resolved data alone (no API call), with links to the other formats.
 */
@Singleton
public final class AvatarCommand implements SlashCommand {
    private static final CommandDefinition DEFINITION = CommandDefinition.slash("avatar", "Show a user's avatar at full size")
            .with(OptionDefinition.user("user", "Whose avatar (you, if left out)"))
            .with(OptionDefinition.bool("server", "Show their server avatar, if they set one here"));
    private static final int BLURPLE = 0x5865F2;

    @Override
    public CommandDefinition definition() {
        return DEFINITION;
    }

    @Override
    public CompletionStage<Reply> run(Invocation invocation) {
        return CompletableFuture.completedFuture(answer(invocation));
    }

    private Reply answer(Invocation invocation) {
        Optional<Invocation.ResolvedUser> named = invocation.resolvedUser("user");
        Optional<User> target = named.map(Invocation.ResolvedUser::user).or(invocation::user);
        if (target.isEmpty()) {
            return Reply.failure("I couldn't tell whose avatar to show. Try picking a user from the list.");
        }
        User user = target.get();
        Optional<String> memberAvatar = named.isPresent()
                ? named.get().member().map(m -> m.avatar())
                : invocation.memberAvatar();
        boolean wantServer = invocation.bool("server").orElse(false);
        String name = displayName(user);

        Avatar avatar;
        String note = null;
        if (wantServer && invocation.guildId().isPresent() && memberAvatar.isPresent()) {
            avatar = Avatar.guildMember(invocation.guildId().get(), user.id(), memberAvatar.get());
        } else {
            avatar = Avatar.ofUser(user.id(), user.avatar(), user.discriminator());
            if (wantServer) {
                note = invocation.guildId().isEmpty()
                        ? "Server avatars exist only in servers; this is their main avatar."
                        : name + " has no server avatar here; this is their main avatar.";
            }
        }
        String description = "Open as " + avatar.formatLinks();
        if (note != null) {
            description = note + "\n" + description;
        }
        Embed embed = new Embed(name + "'s " + avatar.kind(), description, avatar.url(), BLURPLE, null, null, null, null)
                .withImage(avatar.url());
        return Reply.embed(embed);
    }

    private static String displayName(User user) {
        if (user.globalName() != null && !user.globalName().isBlank()) {
            return user.globalName();
        }
        return user.username() == null ? "User " + user.id() : user.username();
    }
}
