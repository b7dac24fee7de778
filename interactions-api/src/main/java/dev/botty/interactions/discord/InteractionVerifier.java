package dev.botty.interactions.discord;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks that a request comes from Discord: an Ed25519 signature by the application's public key
 * over {@code X-Signature-Timestamp} followed by the raw body, with a timestamp close to now.
 *
 * <p>One verifier for the life of the service: {@link FixedKeyEd25519}, whose tables for the key
 * are built here, before the service can take a request. It gives Wycheproof's expected result on
 * every vector and the JDK's own answer on every signature tried (WycheproofEd25519Test,
 * JdkDifferentialEd25519Test). Only a key outside Ed25519's prime-order group, which no Discord
 * application has, gets BouncyCastle's general verifier instead, again for the whole run.
 * Thread-safe.
 */
public final class InteractionVerifier {
    /** Why a request was accepted or refused; every value but {@link #VALID} means 401. */
    public enum Verdict {
        VALID,
        MISSING_HEADER,
        MALFORMED_SIGNATURE,
        MALFORMED_TIMESTAMP,
        STALE_TIMESTAMP,
        BAD_SIGNATURE
    }

    private static final int SIGNATURE_BYTES = 64;

    private static final byte[] NOTHING = new byte[0];

    private final Ed25519PublicKeyParameters publicKey;
    /** The key's tables, or null for a key outside the prime-order group. */
    private final FixedKeyEd25519 tabulated;
    private final Clock clock;
    private final long windowSeconds;

    /**
     * @param publicKey the application's 32-byte public key
     * @throws IllegalArgumentException if the bytes are not an Ed25519 public key
     */
    public InteractionVerifier(byte[] publicKey, Clock clock, Duration replayWindow) {
        if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        this.publicKey = new Ed25519PublicKeyParameters(publicKey);
        this.tabulated = FixedKeyEd25519.forKey(publicKey).orElse(null);
        this.clock = clock;
        this.windowSeconds = replayWindow.toSeconds();
    }

    public Verdict verify(String signatureHex, String timestamp, byte[] body) {
        if (signatureHex == null || timestamp == null || body == null) {
            return Verdict.MISSING_HEADER;
        }
        byte[] signature = parseHex(signatureHex);
        if (signature == null) {
            return Verdict.MALFORMED_SIGNATURE;
        }
        long seconds = parseSeconds(timestamp);
        if (seconds < 0) {
            return Verdict.MALFORMED_TIMESTAMP;
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > windowSeconds) {
            return Verdict.STALE_TIMESTAMP;
        }
        byte[] ts = timestamp.getBytes(StandardCharsets.US_ASCII);
        return verifies(ts, body, signature) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** Whether the key's tables are in use (always, for a Discord application's key). */
    public boolean isTabulated() {
        return tabulated != null;
    }

    /** Plain Ed25519 (RFC 8032, no context) over {@code message}; a signature of any other length than 64 bytes fails. */
    boolean verifies(byte[] message, byte[] signature) {
        return signature.length == SIGNATURE_BYTES && verifies(message, NOTHING, signature);
    }

    /** Plain Ed25519 over {@code first || second}. */
    private boolean verifies(byte[] first, byte[] second, byte[] signature) {
        if (tabulated != null) {
            return tabulated.verify(signature, first, second);
        }
        byte[] message = new byte[first.length + second.length];
        System.arraycopy(first, 0, message, 0, first.length);
        System.arraycopy(second, 0, message, first.length, second.length);
        return publicKey.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    /** 128 hex digits to 64 bytes, or null; never throws on client input. */
    private static byte[] parseHex(String hex) {
        if (hex.length() != SIGNATURE_BYTES * 2) {
            return null;
        }
        byte[] out = new byte[SIGNATURE_BYTES];
        for (int i = 0; i < SIGNATURE_BYTES; i++) {
            int hi = hexDigit(hex.charAt(2 * i));
            int lo = hexDigit(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Unix seconds as ASCII digits only (at most 12 of them), or -1. */
    private static long parseSeconds(String timestamp) {
        if (timestamp.isEmpty() || timestamp.length() > 12) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < timestamp.length(); i++) {
            char c = timestamp.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
