package dev.botty.interactions.command.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What counts as an address in a look-up service's answer. */
class AddressLiteralTest {
    @Test
    void readsADottedQuadWithOrWithoutATrailingNewline() {
        assertEquals(Optional.of("203.0.113.7"), AddressLiteral.ipv4("203.0.113.7"));
        assertEquals(Optional.of("198.51.100.23"), AddressLiteral.ipv4("198.51.100.23\n"));
        assertEquals(Optional.of("8.8.8.8"), AddressLiteral.ipv4("  8.8.8.8\r\n"));
    }

    @Test
    void refusesAnythingButADottedQuadAsIpv4() {
        for (String garbage : new String[] {"", "localhost", "example.com", "203.0.113", "203.0.113.256", "203.0.113.07",
                "0x7f.0.0.1", "3405803783", "203.0.113.7 extra", "<html>203.0.113.7</html>", "203.0.113.7:80",
                "2001:db8::1", "{\"ip\":\"203.0.113.7\"}"}) {
            assertEquals(Optional.empty(), AddressLiteral.ipv4(garbage), garbage);
        }
    }

    @Test
    void refusesAddressesThatCannotBePublic() {
        for (String inside : new String[] {"10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "0.0.0.0", "169.254.1.1",
                "100.64.0.1", "224.0.0.1"}) {
            assertEquals(Optional.empty(), AddressLiteral.ipv4(inside), inside);
        }
        for (String inside : new String[] {"::1", "::", "fe80::1", "fd12:3456::1", "ff02::1"}) {
            assertEquals(Optional.empty(), AddressLiteral.ipv6(inside), inside);
        }
    }

    @Test
    void readsIpv6LiteralsInTheirUsualForms() {
        assertEquals(Optional.of("2001:db8:85a3::8a2e:370:7334"), AddressLiteral.ipv6("2001:db8:85a3::8a2e:370:7334"));
        assertEquals(Optional.of("2001:db8::7"), AddressLiteral.ipv6("2001:DB8::7\n"));
        assertEquals(Optional.of("2001:db8:0:0:0:0:0:7"), AddressLiteral.ipv6("2001:db8:0:0:0:0:0:7"));
    }

    @Test
    void refusesAnythingButAnIpv6Literal() {
        for (String garbage : new String[] {"", "203.0.113.7", "::ffff:203.0.113.7", "[2001:db8::7]", "2001:db8::7%eth0",
                "2001:db8:::7", "2001:db8::g", "example.com", "gggg::1", "2001:db8::7 2001:db8::8"}) {
            assertEquals(Optional.empty(), AddressLiteral.ipv6(garbage), garbage);
        }
    }

    @Test
    void neverResolvesNames() {
        // A name that resolves would come back as an address if the parser looked it up.
        assertTrue(AddressLiteral.ipv4("localhost").isEmpty());
        assertTrue(AddressLiteral.ipv6("localhost").isEmpty());
    }
}
