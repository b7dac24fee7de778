package dev.botty.interactions.discord;

import static dev.botty.interactions.discord.EdwardsReference.ORDER;
import static dev.botty.interactions.discord.EdwardsReference.fromLittleEndian;
import static dev.botty.interactions.discord.EdwardsReference.littleEndian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.discord.EdwardsReference.Affine;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * botty's verifier against the JDK's own Ed25519 ({@link JdkEd25519}, no code shared with
 * BouncyCastle) on valid, random and mutated signatures: both must give the same answer every
 * time. Every {@code ./mvnw verify} tries {@value #DEFAULT_COUNT}; the count is
 * {@code -Dbotty.ed25519.differential=N}, and docs/benchmarks.md reports a run of 100,000.
 */
class JdkDifferentialEd25519Test {
    static final int DEFAULT_COUNT = 4_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final int SIGNATURES_PER_KEY = 200;

    /** The small-order points' canonical encodings, and non-canonical encodings of some of them. */
    private static final String[] SMALL_ORDER = {
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        // y = 1 and y = 0 again as y + p, and x = 0 with its sign bit set
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0100000000000000000000000000000000000000000000000000000000000080",
    };

    /** What each signature tried is. */
    enum Kind {
        /** Made by the signer, unchanged. */
        VALID,
        /** One bit of a valid signature flipped. */
        FLIPPED_BIT,
        /** A valid signature over a message with one byte changed. */
        CHANGED_MESSAGE,
        /** 64 random bytes. */
        RANDOM,
        /** A valid signature by another key. */
        OTHER_KEY,
        /** S + L: the same scalar mod L, not canonical. */
        S_PLUS_ORDER,
        /** S replaced by a random value of at least L. */
        S_TOO_LARGE,
        /** R replaced by a small-order point (some encoded non-canonically), S random. */
        SMALL_ORDER_R,
        /** R = [r]B + T for a small-order T, S = r + k·a: true under the cofactored equation only. */
        COFACTOR_ONLY,
        /** R the identity, S = k·a: the equation holds with a small-order R. */
        IDENTITY_R,
        /** As IDENTITY_R, but R a non-canonical encoding of the identity. */
        NON_CANONICAL_R,
    }

    private final SplittableRandom random = new SplittableRandom(0x5eed_0012_2026L);

    @Test
    void agreesWithTheJdkOnEverySignatureTried() throws GeneralSecurityException {
        int count = Integer.getInteger("botty.ed25519.differential", DEFAULT_COUNT);
        Map<Kind, int[]> tally = new EnumMap<>(Kind.class);
        Key key = newKey();
        Key other = newKey();
        for (int n = 0; n < count; n++) {
            if (n % SIGNATURES_PER_KEY == 0) {
                key = newKey();
                other = newKey();
            }
            Kind kind = Kind.values()[n % Kind.values().length];
            byte[] message = bytes(random.nextInt(kind == Kind.CHANGED_MESSAGE ? 1 : 0, 1_500));
            byte[] signature = signature(kind, key, other, message);
            if (kind == Kind.CHANGED_MESSAGE) {
                message[random.nextInt(message.length)] ^= (byte) (1 + random.nextInt(255));
            }
            boolean jdk = JdkEd25519.verify(key.jdk, message, signature);
            boolean botty = key.verifier.verifies(message, signature);
            String context = kind + " #" + n + ": key " + HEX.formatHex(key.publicKey) + ", signature " + HEX.formatHex(signature)
                    + ", message " + HEX.formatHex(message);
            assertEquals(jdk, botty, context);
            tally.computeIfAbsent(kind, k -> new int[2])[jdk ? 0 : 1]++;
        }
        StringBuilder report = new StringBuilder("JDK differential, " + count + " signatures, all agreed:");
        tally.forEach((kind, accepted) -> report.append("\n  ").append(kind).append(": ").append(accepted[0]).append(" accepted, ")
                .append(accepted[1]).append(" refused"));
        System.out.println(report);
        // The mix is what it claims: signers' signatures pass, every forgery fails in both.
        assertEquals(0, tally.get(Kind.VALID)[1], report::toString);
        assertTrue(tally.get(Kind.VALID)[0] > 0, report::toString);
        assertEquals(0, tally.get(Kind.IDENTITY_R)[1], "RFC 8032's equation holds for these: both accept " + report);
        for (Kind forged : new Kind[] {Kind.FLIPPED_BIT, Kind.CHANGED_MESSAGE, Kind.RANDOM, Kind.OTHER_KEY, Kind.S_PLUS_ORDER, Kind.S_TOO_LARGE,
                Kind.SMALL_ORDER_R, Kind.COFACTOR_ONLY, Kind.NON_CANONICAL_R}) {
            assertEquals(0, tally.get(forged)[0], forged + " accepted: " + report);
        }
    }

    private byte[] signature(Kind kind, Key key, Key other, byte[] message) {
        return switch (kind) {
            case VALID, CHANGED_MESSAGE -> key.sign(message);
            case FLIPPED_BIT -> {
                byte[] flipped = key.sign(message);
                int bit = random.nextInt(512);
                flipped[bit >>> 3] ^= (byte) (1 << (bit & 7));
                yield flipped;
            }
            case RANDOM -> bytes(64);
            case OTHER_KEY -> other.sign(message);
            case S_PLUS_ORDER -> withS(key.sign(message), fromLittleEndian(key.sign(message), 32, 32).add(ORDER));
            case S_TOO_LARGE -> withS(key.sign(message), ORDER.add(new BigInteger(255, new java.util.Random(random.nextLong())))
                    .min(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));
            case SMALL_ORDER_R -> {
                byte[] forged = new byte[64];
                System.arraycopy(HEX.parseHex(SMALL_ORDER[random.nextInt(SMALL_ORDER.length)]), 0, forged, 0, 32);
                System.arraycopy(littleEndian(scalar().mod(ORDER)), 0, forged, 32, 32);
                yield forged;
            }
            case COFACTOR_ONLY -> {
                BigInteger r = scalar().mod(ORDER);
                Affine smallOrder = Affine.decode(HEX.parseHex(SMALL_ORDER[4 + random.nextInt(4)]));
                byte[] encodedR = Affine.BASE.times(r).plus(smallOrder).encode();
                BigInteger s = r.add(key.hash(encodedR, message).multiply(key.secretScalar)).mod(ORDER);
                yield concat(encodedR, littleEndian(s));
            }
            case IDENTITY_R -> identityR(key, message, HEX.parseHex(SMALL_ORDER[0]));
            case NON_CANONICAL_R -> identityR(key, message, HEX.parseHex(random.nextBoolean() ? SMALL_ORDER[8] : SMALL_ORDER[10]));
        };
    }

    /** A signature whose R encodes the identity: S = k·a makes [S]B - [k]A the identity. */
    private static byte[] identityR(Key key, byte[] message, byte[] encodedR) {
        BigInteger s = key.hash(encodedR, message).multiply(key.secretScalar).mod(ORDER);
        return concat(encodedR, littleEndian(s));
    }

    private static byte[] withS(byte[] signature, BigInteger s) {
        byte[] out = signature.clone();
        System.arraycopy(littleEndian(s), 0, out, 32, 32);
        return out;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    private BigInteger scalar() {
        return new BigInteger(1, bytes(64));
    }

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private Key newKey() throws GeneralSecurityException {
        Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(bytes(32));
        byte[] publicKey = secret.generatePublicKey().getEncoded();
        // RFC 8032 §5.1.5: the secret scalar is the clamped first half of SHA-512(seed).
        byte[] h = sha512(secret.getEncoded());
        h[0] &= (byte) 0xf8;
        h[31] &= 0x7f;
        h[31] |= 0x40;
        BigInteger a = fromLittleEndian(h, 0, 32);
        assertArrayEquals(publicKey, Affine.BASE.times(a).encode(), "the reference curve derives the signer's key");
        return new Key(secret, publicKey, a, JdkEd25519.publicKey(publicKey),
                new InteractionVerifier(publicKey, Clock.systemUTC(), Duration.ofMinutes(5)));
    }

    private static byte[] sha512(byte[]... parts) {
        SHA512Digest sha = new SHA512Digest();
        for (byte[] part : parts) {
            sha.update(part, 0, part.length);
        }
        byte[] out = new byte[64];
        sha.doFinal(out, 0);
        return out;
    }

    private record Key(Ed25519PrivateKeyParameters secret, byte[] publicKey, BigInteger secretScalar, PublicKey jdk, InteractionVerifier verifier) {
        byte[] sign(byte[] message) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, secret);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }

        /** k = SHA-512(R || A || M) mod L. */
        BigInteger hash(byte[] encodedR, byte[] message) {
            return fromLittleEndian(sha512(encodedR, publicKey, message), 0, 64).mod(ORDER);
        }

        Key {
            assertTrue(verifier.isTabulated());
        }
    }
}
