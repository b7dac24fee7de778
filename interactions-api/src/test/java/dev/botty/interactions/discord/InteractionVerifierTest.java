package dev.botty.interactions.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.discord.InteractionVerifier.Verdict;
import dev.botty.simulator.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The request check as the service runs it: headers, replay window, and the key's {@link FixedKeyEd25519} tables. */
class InteractionVerifierTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());
    private static final byte[] BODY = "{\"type\":1,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"version\":1}"
            .getBytes(StandardCharsets.UTF_8);

    private final SigningKey key = SigningKey.generate();
    private final InteractionVerifier verifier = verifier(key.publicKeyHex());

    private static InteractionVerifier verifier(String publicKeyHex) {
        InteractionVerifier made = new InteractionVerifier(HEX.parseHex(publicKeyHex), CLOCK, Duration.ofMinutes(5));
        assertTrue(made.isTabulated(), "a real key's tables are built with the verifier");
        return made;
    }

    /** RFC 8032 §7.1, TESTs 1, 2 and 3: empty, one-byte and two-byte messages. */
    @ParameterizedTest(name = "RFC 8032 TEST {index}")
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, "
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    void acceptsRfc8032TestVectorsAndRejectsThemTampered(String secret, String publicKey, String message, String signature) {
        // The vector's secret key must derive its public key and sign to its signature: the
        // vectors are self-consistent, so a typo here cannot make the test pass by accident.
        SigningKey fromSeed = SigningKey.fromSeedHex(secret);
        assertEquals(publicKey, fromSeed.publicKeyHex());
        byte[] msg = HEX.parseHex(message);
        byte[] sig = HEX.parseHex(signature);
        InteractionVerifier rfc = verifier(publicKey);

        assertTrue(rfc.verifies(msg, sig));

        byte[] flippedSignature = sig.clone();
        flippedSignature[0] ^= 1;
        assertFalse(rfc.verifies(msg, flippedSignature));
        byte[] flippedS = sig.clone();
        flippedS[63] ^= 0x10;
        assertFalse(rfc.verifies(msg, flippedS));
        byte[] longer = new byte[msg.length + 1];
        System.arraycopy(msg, 0, longer, 0, msg.length);
        assertFalse(rfc.verifies(longer, sig));
    }

    @Test
    void acceptsDiscordsSignatureOverTimestampAndBody() {
        assertEquals(Verdict.VALID, verifier.verify(key.sign(TIMESTAMP, BODY), TIMESTAMP, BODY));
    }

    @Test
    void acceptsUppercaseHex() {
        assertEquals(Verdict.VALID, verifier.verify(key.sign(TIMESTAMP, BODY).toUpperCase(), TIMESTAMP, BODY));
    }

    @Test
    void refusesAChangedBody() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 2] = '2';
        assertEquals(Verdict.BAD_SIGNATURE, verifier.verify(key.sign(TIMESTAMP, BODY), TIMESTAMP, tampered));
    }

    @Test
    void refusesASignatureMovedToAnotherTimestamp() {
        String other = Long.toString(NOW.getEpochSecond() - 1);
        assertEquals(Verdict.BAD_SIGNATURE, verifier.verify(key.sign(TIMESTAMP, BODY), other, BODY));
    }

    @Test
    void refusesASignatureByAnotherKey() {
        assertEquals(Verdict.BAD_SIGNATURE, verifier.verify(SigningKey.generate().sign(TIMESTAMP, BODY), TIMESTAMP, BODY));
    }

    @Test
    void refusesWhitespaceAddedToTheJson() {
        byte[] reserialized = "{\"type\": 1, \"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"version\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Verdict.BAD_SIGNATURE, verifier.verify(key.sign(TIMESTAMP, BODY), TIMESTAMP, reserialized));
    }

    @Test
    void refusesMissingHeaders() {
        assertEquals(Verdict.MISSING_HEADER, verifier.verify(null, TIMESTAMP, BODY));
        assertEquals(Verdict.MISSING_HEADER, verifier.verify(key.sign(TIMESTAMP, BODY), null, BODY));
    }

    @ParameterizedTest
    @CsvSource({"''", "abc", "zz", "'not hex at all, but exactly one hundred and twenty-eight characters long..........................................'"})
    void refusesMalformedSignatures(String signature) {
        assertEquals(Verdict.MALFORMED_SIGNATURE, verifier.verify(signature, TIMESTAMP, BODY));
    }

    @Test
    void refusesNonAsciiHexDigitsInTheSignature() {
        String valid = key.sign(TIMESTAMP, BODY);
        // Fullwidth digits count as digits to Character.digit; they are not hex on the wire.
        String fullwidth = "\uFF10" + valid.substring(1);
        assertEquals(Verdict.MALFORMED_SIGNATURE, verifier.verify(fullwidth, TIMESTAMP, BODY));
    }

    @ParameterizedTest
    @CsvSource({"''", "-5", "+1763812800", "1763812800.5", "9999999999999999999999", "١٧٦٣٨١٢٨٠٠"})
    void refusesMalformedTimestamps(String timestamp) {
        assertEquals(Verdict.MALFORMED_TIMESTAMP, verifier.verify(key.sign(timestamp, BODY), timestamp, BODY));
    }

    @ParameterizedTest
    @CsvSource({"-301", "301", "-86400"})
    void refusesTimestampsOutsideTheReplayWindow(long offsetSeconds) {
        String stale = Long.toString(NOW.getEpochSecond() + offsetSeconds);
        assertEquals(Verdict.STALE_TIMESTAMP, verifier.verify(key.sign(stale, BODY), stale, BODY));
    }

    @ParameterizedTest
    @CsvSource({"-300", "300", "0"})
    void acceptsTimestampsAtTheEdgeOfTheWindow(long offsetSeconds) {
        String edge = Long.toString(NOW.getEpochSecond() + offsetSeconds);
        assertEquals(Verdict.VALID, verifier.verify(key.sign(edge, BODY), edge, BODY));
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new InteractionVerifier(new byte[31], CLOCK, Duration.ofMinutes(5)));
    }
}
