package dev.botty.interactions.command.ip;

import dev.botty.interactions.command.Invocation;
import dev.botty.interactions.command.Reply;
import dev.botty.interactions.command.SlashCommand;
import dev.botty.interactions.command.ip.PublicAddressLookup.PublicAddresses;
import dev.botty.internal.CommandDefinition;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /ip}: the host's public IPv4, and IPv6 when it has one, for the owner and members with
 * the allowed role (see {@link IpAccessPolicy}). User-installable, so the owner can ask from a DM.
 */
@Singleton
public final class IpCommand implements SlashCommand {
    private static final CommandDefinition DEFINITION =
            CommandDefinition.slash("ip", "Show the public IP address of the server botty runs on (restricted)");
    static final String REFUSAL = "🔒 Sorry, `/ip` is only for the bot's owner and members with the allowed role.";
    static final String NOTHING_FOUND = "I couldn't find the public address: none of the look-up services answered "
            + "with one. Please try again in a minute.";

    private final IpAccessPolicy policy;
    private final PublicAddressLookup lookup;

    IpCommand(IpAccessPolicy policy, PublicAddressLookup lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    @Override
    public CommandDefinition definition() {
        return DEFINITION;
    }

    @Override
    public CompletionStage<Reply> run(Invocation invocation) {
        if (!policy.allows(invocation)) {
            // Decided before any look-up: a refused caller causes no outside request at all.
            return CompletableFuture.completedFuture(Reply.refusal(REFUSAL));
        }
        return lookup.addresses().thenApply(this::answer);
    }

    private Reply answer(PublicAddresses addresses) {
        if (!addresses.found()) {
            return Reply.failure(NOTHING_FOUND);
        }
        List<String> lines = new ArrayList<>();
        lines.add("🌐 Public IPv4: " + addresses.ipv4().map(a -> "`" + a + "`").orElse("none found"));
        if (addresses.ipv6().isPresent() || lookup.looksForIpv6()) {
            lines.add("🌐 Public IPv6: " + addresses.ipv6().map(a -> "`" + a + "`").orElse("none found"));
        }
        return Reply.text(String.join("\n", lines));
    }
}
