package dev.botty.interactions.discord;

import java.math.BigInteger;

/**
 * Edwards25519 in affine coordinates over BigInteger, straight from RFC 8032 §5.1: slow and
 * obviously correct, an independent check that shares no code with the verifier. Used by the
 * tests to build signatures no signer would make (small-order components, forged encodings).
 */
final class EdwardsReference {
    /** The field prime 2^255 - 19. */
    static final BigInteger PRIME = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /** The group order L. */
    static final BigInteger ORDER = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private EdwardsReference() {}

    static byte[] littleEndian(BigInteger value) {
        byte[] be = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    static BigInteger fromLittleEndian(byte[] bytes, int off, int length) {
        byte[] be = new byte[length];
        for (int i = 0; i < length; i++) {
            be[i] = bytes[off + length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    /**
     * Edwards25519 in affine coordinates over BigInteger, straight from RFC 8032 §5.1: slow and
     * obviously correct, an independent check that shares no code with the verifier.
     */
    record Affine(BigInteger x, BigInteger y) {
        static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(PRIME)).mod(PRIME);
        static final Affine NEUTRAL = new Affine(BigInteger.ZERO, BigInteger.ONE);
        static final Affine BASE = base();

        private static Affine base() {
            BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(PRIME)).mod(PRIME);
            BigInteger xx = y.pow(2).subtract(BigInteger.ONE).multiply(D.multiply(y.pow(2)).add(BigInteger.ONE).modInverse(PRIME)).mod(PRIME);
            BigInteger x = xx.modPow(PRIME.add(BigInteger.valueOf(3)).shiftRight(3), PRIME);
            if (!x.pow(2).subtract(xx).mod(PRIME).equals(BigInteger.ZERO)) {
                x = x.multiply(BigInteger.TWO.modPow(PRIME.subtract(BigInteger.ONE).shiftRight(2), PRIME)).mod(PRIME);
            }
            return new Affine(x.testBit(0) ? PRIME.subtract(x) : x, y);
        }

        /** RFC 8032 §5.1.3 decoding of a canonical encoding (the tests' own points only). */
        static Affine decode(byte[] encoded) {
            byte[] copy = encoded.clone();
            boolean negative = (copy[31] & 0x80) != 0;
            copy[31] &= 0x7f;
            BigInteger y = fromLittleEndian(copy, 0, 32);
            BigInteger u = y.pow(2).subtract(BigInteger.ONE).mod(PRIME);
            BigInteger v = D.multiply(y.pow(2)).add(BigInteger.ONE).mod(PRIME);
            BigInteger xx = u.multiply(v.modInverse(PRIME)).mod(PRIME);
            BigInteger x = xx.modPow(PRIME.add(BigInteger.valueOf(3)).shiftRight(3), PRIME);
            if (!x.pow(2).subtract(xx).mod(PRIME).equals(BigInteger.ZERO)) {
                x = x.multiply(BigInteger.TWO.modPow(PRIME.subtract(BigInteger.ONE).shiftRight(2), PRIME)).mod(PRIME);
            }
            if (!x.pow(2).subtract(xx).mod(PRIME).equals(BigInteger.ZERO)) {
                throw new IllegalArgumentException("not a point");
            }
            return new Affine(x.testBit(0) != negative ? PRIME.subtract(x).mod(PRIME) : x, y);
        }

        Affine plus(Affine q) {
            BigInteger dxy = D.multiply(x).multiply(q.x).multiply(y).multiply(q.y).mod(PRIME);
            BigInteger x3 = x.multiply(q.y).add(y.multiply(q.x)).multiply(BigInteger.ONE.add(dxy).modInverse(PRIME)).mod(PRIME);
            BigInteger y3 = y.multiply(q.y).add(x.multiply(q.x)).multiply(BigInteger.ONE.subtract(dxy).mod(PRIME).modInverse(PRIME)).mod(PRIME);
            return new Affine(x3, y3);
        }

        Affine times(BigInteger scalar) {
            Affine sum = NEUTRAL;
            for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
                sum = sum.plus(sum);
                if (scalar.testBit(bit)) {
                    sum = sum.plus(this);
                }
            }
            return sum;
        }

        byte[] encode() {
            byte[] out = littleEndian(y);
            out[31] |= (byte) (x.testBit(0) ? 0x80 : 0);
            return out;
        }
    }
}
