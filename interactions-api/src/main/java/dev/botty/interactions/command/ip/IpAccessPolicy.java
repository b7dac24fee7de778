package dev.botty.interactions.command.ip;

import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.config.BottyConfig.AccessConfig;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Who may see the host's public address: the owner ({@code OWNER_ID}) anywhere, and members
 * holding {@code ALLOWED_ROLE_ID} in a guild. Nothing configured means nobody: the address of a
 * homelab is not something to hand out by default.
 */
@Singleton
final class IpAccessPolicy {
    private final Optional<String> ownerId;
    private final Optional<String> allowedRoleId;

    IpAccessPolicy(AccessConfig access) {
        this.ownerId = access.ownerId();
        this.allowedRoleId = access.allowedRoleId();
    }

    /** Whether this invocation may see the address. */
    boolean allows(Invocation invocation) {
        return isOwner(invocation) || hasAllowedRole(invocation);
    }

    private boolean isOwner(Invocation invocation) {
        return ownerId.isPresent() && invocation.userId().equals(ownerId);
    }

    private boolean hasAllowedRole(Invocation invocation) {
        // Roles exist only in guilds; member data anywhere else is not something Discord sends,
        // so it is not trusted. Role ids are snowflakes, unique across guilds, so holding the role
        // also means being in the guild it belongs to.
        return allowedRoleId.isPresent()
                && invocation.guildId().isPresent()
                && invocation.memberRoles().contains(allowedRoleId.get());
    }
}
