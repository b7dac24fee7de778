package dev.botty.interactions.discord;

import static dev.botty.interactions.discord.EdwardsReference.ORDER;
import static dev.botty.interactions.discord.EdwardsReference.PRIME;
import static dev.botty.interactions.discord.EdwardsReference.fromLittleEndian;
import static dev.botty.interactions.discord.EdwardsReference.littleEndian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixed-key verifier against RFC 8032's vectors, and against BouncyCastle's general verifier
 * on thousands of valid, tampered, malformed and random signatures: both must give the same answer
 * every time.
 */
class FixedKeyEd25519Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NOTHING = new byte[0];

    /** One seeded generator: a failure names its seed and replays exactly. */
    private final SplittableRandom random = new SplittableRandom(0x5eed_2026_1123L);

    /** RFC 8032 §7.1, TESTs 1, 2, 3 and SHA(abc). */
    @ParameterizedTest(name = "RFC 8032 vector {index}")
    @CsvSource({
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, "
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf, "
                + "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f, "
                + "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704",
    })
    void acceptsTheRfcVectorsAndNothingNearThem(String publicKey, String message, String signature) {
        FixedKeyEd25519 verifier = FixedKeyEd25519.forKey(HEX.parseHex(publicKey)).orElseThrow();
        byte[] msg = HEX.parseHex(message);
        byte[] sig = HEX.parseHex(signature);

        assertTrue(verifier.verify(sig, msg, NOTHING));
        // The message may be split anywhere: the verifier hashes the two parts in order.
        for (int split = 0; split <= msg.length; split++) {
            assertTrue(verifier.verify(sig, java.util.Arrays.copyOf(msg, split),
                    java.util.Arrays.copyOfRange(msg, split, msg.length)));
        }
        for (int bit = 0; bit < 512; bit++) {
            byte[] flipped = sig.clone();
            flipped[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertFalse(verifier.verify(flipped, msg, NOTHING), "signature bit " + bit + " flipped");
        }
        assertFalse(verifier.verify(sig, msg, new byte[] {0}), "one byte more");
    }

    @Test
    void theBaseTableStartsAtTheBasePoint() {
        // B itself as the public key (secret scalar 1): the key table is then B's own, and a
        // signature made by the equation, nonce 5, must verify. B is 0x58 then 31 0x66 bytes.
        byte[] base = HEX.parseHex("5866666666666666666666666666666666666666666666666666666666666666");
        assertEquals(HEX.formatHex(base), HEX.formatHex(scalarTimesBase(BigInteger.ONE)), "the test's own arithmetic knows B");
        byte[] message = "botty".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] r = scalarTimesBase(BigInteger.valueOf(5));
        BigInteger k = hashScalar(r, base, message);
        byte[] signature = new byte[64];
        System.arraycopy(r, 0, signature, 0, 32);
        System.arraycopy(littleEndian(BigInteger.valueOf(5).add(k).mod(ORDER)), 0, signature, 32, 32);

        assertTrue(FixedKeyEd25519.forKey(base).orElseThrow().verify(signature, message, NOTHING));
        assertTrue(Ed25519.verify(signature, 0, base, 0, message, 0, message.length), "BouncyCastle agrees");
    }

    @Test
    void agreesWithBouncyCastleOnValidTamperedAndRandomSignatures() {
        int checked = 0;
        for (int keys = 0; keys < 6; keys++) {
            Keys key = newKeys();
            for (int n = 0; n < 250; n++) {
                byte[] timestamp = Long.toString(1_795_000_000L + random.nextInt(1_000_000)).getBytes();
                byte[] body = bytes(random.nextInt(0, 1200));
                byte[] signature = sign(key.secret, timestamp, body);

                assertEquals(true, agree(key, signature, timestamp, body), "valid, key " + keys + " #" + n);

                byte[] flipped = signature.clone();
                int bit = random.nextInt(512);
                flipped[bit >>> 3] ^= (byte) (1 << (bit & 7));
                assertEquals(false, agree(key, flipped, timestamp, body), "signature bit " + bit);

                if (body.length > 0) {
                    byte[] changed = body.clone();
                    changed[random.nextInt(changed.length)] ^= (byte) (1 + random.nextInt(255));
                    assertEquals(false, agree(key, signature, timestamp, changed), "body changed");
                }
                assertEquals(false, agree(key, bytes(64), timestamp, body), "random signature");

                byte[] otherR = signature.clone();
                System.arraycopy(scalarTimesBase(BigInteger.valueOf(random.nextLong(1, Long.MAX_VALUE))), 0, otherR, 0, 32);
                assertEquals(false, agree(key, otherR, timestamp, body), "a valid point as R, not the signer's");
                checked += 5;
            }
        }
        assertEquals(6 * 250 * 5, checked);
    }

    @Test
    void refusesAnSAtOrAboveTheOrderLikeBouncyCastle() {
        Keys keys = newKeys();
        byte[] body = "{\"type\":1}".getBytes();
        byte[] signature = sign(keys.secret, NOTHING, body);
        BigInteger s = fromLittleEndian(signature, 32, 32);

        // S + L signs the same equation (the scalar is the same mod L) but is not canonical.
        byte[] plusOrder = signature.clone();
        System.arraycopy(littleEndian(s.add(ORDER)), 0, plusOrder, 32, 32);
        assertEquals(false, agree(keys, plusOrder, NOTHING, body));

        byte[] exactlyOrder = signature.clone();
        System.arraycopy(littleEndian(ORDER), 0, exactlyOrder, 32, 32);
        assertEquals(false, agree(keys, exactlyOrder, NOTHING, body));
        assertTrue(FixedKeyEd25519.belowOrder(littleEndian(ORDER.subtract(BigInteger.ONE)), 0));
        assertFalse(FixedKeyEd25519.belowOrder(littleEndian(ORDER), 0));
    }

    @Test
    void refusesANonCanonicalRLikeBouncyCastle() {
        Keys keys = newKeys();
        byte[] body = "{\"type\":1}".getBytes();
        byte[] signature = sign(keys.secret, NOTHING, body);
        BigInteger y = fromLittleEndian(signature, 0, 32).clearBit(255);
        if (y.add(PRIME).bitLength() <= 255) {
            // y + p names the same y; only a handful of points have one, so build it when it fits.
            byte[] alias = signature.clone();
            byte[] encoded = littleEndian(y.add(PRIME));
            encoded[31] |= (byte) (signature[31] & 0x80);
            System.arraycopy(encoded, 0, alias, 0, 32);
            assertEquals(false, agree(keys, alias, NOTHING, body));
        }
        // y = p itself, i.e. 0 encoded non-canonically, and y = 2^255 - 1: never valid R.
        for (BigInteger bad : new BigInteger[] {PRIME, BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE)}) {
            byte[] forged = signature.clone();
            System.arraycopy(littleEndian(bad), 0, forged, 0, 32);
            assertEquals(false, agree(keys, forged, NOTHING, body));
        }
    }

    @ParameterizedTest(name = "no table for {0}")
    @ValueSource(strings = {
        // the neutral element, of order 1
        "0100000000000000000000000000000000000000000000000000000000000000",
        // (0, -1), of order 2
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        // an order-8 point
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        // y >= p: not canonical
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        // y with no x on the curve
        "0200000000000000000000000000000000000000000000000000000000000000",
    })
    void makesNoTableForAKeyOutsideThePrimeOrderGroup(String publicKey) {
        assertEquals(Optional.empty(), FixedKeyEd25519.forKey(HEX.parseHex(publicKey)));
    }

    @Test
    void makesNoTableForAKeyWithASmallOrderPartAndTheVerifierKeepsItsGeneralPath() {
        // [7]B + (0, -1): a point BouncyCastle takes as a public key, but not of prime order.
        EdwardsReference.Affine mixed = EdwardsReference.Affine.BASE.times(BigInteger.valueOf(7)).plus(new EdwardsReference.Affine(BigInteger.ZERO, PRIME.subtract(BigInteger.ONE)));
        byte[] publicKey = mixed.encode();
        assertEquals(Optional.empty(), FixedKeyEd25519.forKey(publicKey));

        InteractionVerifier verifier = new InteractionVerifier(publicKey, java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(5));
        assertFalse(verifier.isTabulated());
        assertFalse(verifier.verifies("{}".getBytes(), bytes(64)), "still answers, on BouncyCastle");
    }

    @Test
    void makesNoTableForAKeyOfTheWrongLength() {
        assertEquals(Optional.empty(), FixedKeyEd25519.forKey(new byte[31]));
    }

    @Test
    void signedDigitsAddUpToTheScalarAndStayInRange() {
        for (int n = 0; n < 2000; n++) {
            BigInteger scalar = n == 0 ? ORDER.subtract(BigInteger.ONE) : new BigInteger(253, new java.util.Random(random.nextLong())).mod(ORDER);
            byte[] digits = new byte[FixedKeyEd25519.DIGITS];
            FixedKeyEd25519.signedDigits(littleEndian(scalar), 0, digits);
            BigInteger sum = BigInteger.ZERO;
            for (int i = FixedKeyEd25519.DIGITS - 1; i >= 0; i--) {
                assertTrue(digits[i] >= -FixedKeyEd25519.MULTIPLES && digits[i] < FixedKeyEd25519.MULTIPLES, "digit " + digits[i]);
                sum = sum.shiftLeft(FixedKeyEd25519.WINDOW).add(BigInteger.valueOf(digits[i]));
            }
            assertEquals(scalar, sum);
        }
    }

    @Test
    void reducesAHashModuloTheOrder() {
        for (int n = 0; n < 200; n++) {
            byte[] hash = n == 0 ? filled(64, (byte) 0xff) : bytes(64);
            assertEquals(fromLittleEndian(hash, 0, 64).mod(ORDER), fromLittleEndian(FixedKeyEd25519.reduce(hash), 0, 32));
        }
    }

    // ---- Helpers -----------------------------------------------------------------------------

    /** A fresh key pair and both verifiers for its public key. */
    private record Keys(Ed25519PrivateKeyParameters secret, FixedKeyEd25519 fixed, Ed25519PublicKeyParameters general) {}

    private Keys newKeys() {
        Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(bytes(32), 0);
        byte[] publicKey = secret.generatePublicKey().getEncoded();
        return new Keys(secret, FixedKeyEd25519.forKey(publicKey).orElseThrow(), new Ed25519PublicKeyParameters(publicKey));
    }

    /** Both verifiers' answer, failing the test when they differ. */
    private static boolean agree(Keys keys, byte[] signature, byte[] timestamp, byte[] body) {
        byte[] message = new byte[timestamp.length + body.length];
        System.arraycopy(timestamp, 0, message, 0, timestamp.length);
        System.arraycopy(body, 0, message, timestamp.length, body.length);
        boolean expected = keys.general.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        boolean actual = keys.fixed.verify(signature, timestamp, body);
        assertEquals(expected, actual, () -> "BouncyCastle says " + expected + " for signature " + HEX.formatHex(signature));
        return actual;
    }

    private static byte[] sign(Ed25519PrivateKeyParameters secret, byte[] timestamp, byte[] body) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, secret);
        signer.update(timestamp, 0, timestamp.length);
        signer.update(body, 0, body.length);
        return signer.generateSignature();
    }

    /** [scalar]B's encoding by the BigInteger arithmetic below (BouncyCastle multiplies only secret keys). */
    private static byte[] scalarTimesBase(BigInteger scalar) {
        return EdwardsReference.Affine.BASE.times(scalar).encode();
    }

    private static BigInteger hashScalar(byte[] r, byte[] publicKey, byte[] message) {
        org.bouncycastle.crypto.digests.SHA512Digest sha = new org.bouncycastle.crypto.digests.SHA512Digest();
        sha.update(r, 0, 32);
        sha.update(publicKey, 0, 32);
        sha.update(message, 0, message.length);
        byte[] h = new byte[64];
        sha.doFinal(h, 0);
        return fromLittleEndian(h, 0, 64).mod(ORDER);
    }

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static byte[] filled(int length, byte value) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, value);
        return out;
    }



}
