package dev.botty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {
    private final RequestSignature signature = new RequestSignature("key");
    private final byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesTheWellKnownHmacSha256Vector() {
        // HMAC_SHA256("key", "The quick brown fox jumps over the lazy dog"): timestamp "" + body.
        assertEquals("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", signature.sign("", body));
    }

    @Test
    void verifiesItsOwnSignature() {
        assertTrue(signature.verifies("1700000000", body, signature.sign("1700000000", body)));
    }

    @Test
    void refusesAnotherTimestampBodyOrSecret() {
        String signed = signature.sign("1700000000", body);
        assertFalse(signature.verifies("1700000001", body, signed));
        assertFalse(signature.verifies("1700000000", "tampered".getBytes(StandardCharsets.UTF_8), signed));
        assertFalse(new RequestSignature("other").verifies("1700000000", body, signed));
    }

    @Test
    void refusesMalformedHeaders() {
        assertFalse(signature.verifies("1700000000", body, null));
        assertFalse(signature.verifies(null, body, "sha256=00"));
        assertFalse(signature.verifies("1700000000", body, "md5=00"));
        assertFalse(signature.verifies("1700000000", body, "sha256=zz"));
    }
}
