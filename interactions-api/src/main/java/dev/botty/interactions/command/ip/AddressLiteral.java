package dev.botty.interactions.command.ip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what a "what is my IP" service answered as an address, or nothing. The answer is text
 * from the internet: only a bare IPv4 dotted quad or IPv6 literal is accepted, it is parsed as a
 * literal (never resolved, so no DNS look-up can be triggered by it), and addresses that cannot
 * be a public address (private, loopback, link-local, multicast, unspecified) are refused as a
 * misbehaving service.
 */
final class AddressLiteral {
    // inet_aton also accepts forms like "10.1" or octal parts; a service answers a plain dotted quad.
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    // Hex groups, colons and an optional embedded IPv4 tail: no brackets, zone ids or ports.
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private AddressLiteral() {}

    /** The answer as a public IPv4 address in dotted-quad form. */
    static Optional<String> ipv4(String answer) {
        String text = answer.strip();
        if (!DOTTED_QUAD.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return publicAddress(Inet4Address.ofLiteral(text)).map(a -> text);
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }

    /** The answer as a public IPv6 address, lower-cased as the service wrote it. */
    static Optional<String> ipv6(String answer) {
        String text = answer.strip();
        if (!IPV6_CHARACTERS.matcher(text).matches() || !text.contains(":")) {
            return Optional.empty();
        }
        try {
            InetAddress parsed = Inet6Address.ofLiteral(text);
            // An IPv4-mapped literal parses to an IPv4 address: not an IPv6 answer.
            if (!(parsed instanceof Inet6Address)) {
                return Optional.empty();
            }
            return publicAddress(parsed).map(a -> text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> publicAddress(InetAddress address) {
        boolean unusable = address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address) || isCarrierGradeNat(address);
        return unusable ? Optional.empty() : Optional.of(address);
    }

    /** fc00::/7, the IPv6 counterpart of private ranges (Java's isSiteLocalAddress covers only fec0::/10). */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10 (RFC 6598), shared by carrier-grade NAT: reachable from nowhere outside the carrier. */
    private static boolean isCarrierGradeNat(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
