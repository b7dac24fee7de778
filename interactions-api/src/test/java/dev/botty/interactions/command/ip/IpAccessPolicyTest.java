package dev.botty.interactions.command.ip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.config.BottyConfig.AccessConfig;
import dev.botty.interactions.discord.Interaction;
import dev.botty.interactions.discord.Interaction.Member;
import dev.botty.interactions.discord.Interaction.User;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code /ip} access rule on its own: owner anywhere, role in guilds only, nobody by default. */
class IpAccessPolicyTest {
    private static final String OWNER = "1200000000000000001";
    private static final String MEMBER = "1200000000000000002";
    private static final String GUILD = "1000000000000000001";
    private static final String ROLE = "1000000000000000050";

    private static final IpAccessPolicy BOTH = new IpAccessPolicy(new AccessConfig(Optional.of(OWNER), Optional.of(ROLE)));
    private static final IpAccessPolicy OWNER_ONLY = new IpAccessPolicy(new AccessConfig(Optional.of(OWNER), Optional.empty()));
    private static final IpAccessPolicy ROLE_ONLY = new IpAccessPolicy(new AccessConfig(Optional.empty(), Optional.of(ROLE)));
    private static final IpAccessPolicy NOBODY = new IpAccessPolicy(new AccessConfig(Optional.empty(), Optional.empty()));

    private static Invocation inGuild(String userId, String... roles) {
        User user = new User(userId, "someone", "0", null, null);
        return new Invocation(new Interaction("1", "2", 2, null, GUILD, "3", new Member(user, List.of(roles), null, null, "0"),
                null, "token", 1, "en-US", null, 0));
    }

    private static Invocation inDm(String userId, int context) {
        return new Invocation(new Interaction("1", "2", 2, null, null, "3", null,
                new User(userId, "someone", "0", null, null), "token", 1, "en-US", null, context));
    }

    @Test
    void allowsTheOwnerEverywhere() {
        for (IpAccessPolicy policy : List.of(BOTH, OWNER_ONLY)) {
            assertTrue(policy.allows(inGuild(OWNER)));
            assertTrue(policy.allows(inDm(OWNER, 1)));
            assertTrue(policy.allows(inDm(OWNER, 2)));
        }
    }

    @Test
    void allowsMembersWithTheRoleInAGuild() {
        assertTrue(BOTH.allows(inGuild(MEMBER, "1000000000000000099", ROLE)));
        assertTrue(ROLE_ONLY.allows(inGuild(MEMBER, ROLE)));
    }

    @Test
    void refusesMembersWithoutTheRole() {
        assertFalse(BOTH.allows(inGuild(MEMBER)));
        assertFalse(BOTH.allows(inGuild(MEMBER, "1000000000000000099")));
        assertFalse(OWNER_ONLY.allows(inGuild(MEMBER, ROLE)), "no role configured: holding some role means nothing");
    }

    @Test
    void refusesARoleOutsideAGuild() {
        User user = new User(MEMBER, "someone", "0", null, null);
        Invocation dmWithMember = new Invocation(new Interaction("1", "2", 2, null, null, "3",
                new Member(user, List.of(ROLE), null, null, "0"), user, "token", 1, "en-US", null, 1));
        assertFalse(BOTH.allows(dmWithMember));
        assertFalse(ROLE_ONLY.allows(dmWithMember));
    }

    @Test
    void refusesEveryoneWhenNothingIsConfigured() {
        assertFalse(NOBODY.allows(inGuild(OWNER, ROLE)));
        assertFalse(NOBODY.allows(inDm(OWNER, 1)));
        assertFalse(NOBODY.allows(inDm(MEMBER, 2)));
    }

    @Test
    void refusesAnInvocationWithoutAUser() {
        Invocation nobody = new Invocation(new Interaction("1", "2", 2, null, null, "3", null, null, "token", 1, null, null, 1));
        assertFalse(BOTH.allows(nobody));
    }
}
