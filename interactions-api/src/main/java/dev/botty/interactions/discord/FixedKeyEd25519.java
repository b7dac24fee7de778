package dev.botty.interactions.discord;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification (RFC 8032, no context) for one public key known in advance, built on
 * BouncyCastle's field arithmetic ({@link X25519Field}) and SHA-512.
 *
 * <p>A verifier checks {@code encode([S]B - [k]A) == R} with {@code k = SHA-512(R || A || M) mod L}.
 * BouncyCastle must treat A as a new point on every call: it decodes R, then runs a joint
 * double-and-add over B, A and R. With A fixed for the life of the service, both A and the base
 * point B can be tabulated once: every multiple {@code j * 2^(8i) * P} for {@code j = 1..128} and
 * each of the 32 byte positions of a scalar, 480 KB per point. A verification is then two scalars
 * in signed base-256 digits and one table addition per non-zero digit (at most 64 additions, no
 * doublings), and one inversion to encode the result. R is never decoded: the encodings are
 * compared, which rejects a non-canonical R as decoding would.
 *
 * <p>Accepted: exactly the signatures whose R is the canonical encoding of {@code [S]B - [k]A},
 * with {@code S < L}: RFC 8032's cofactorless equation, the set the JDK's own Ed25519 accepts. It
 * gives Wycheproof's expected result on every vector of {@code ed25519_test.json}, and the JDK's
 * answer on valid, tampered, random, S + L, small-order-R, cofactor-only and non-canonical-R
 * signatures (WycheproofEd25519Test, JdkDifferentialEd25519Test; 100,000 of them in
 * docs/benchmarks.md). BouncyCastle's general verifier, which the tables replace, may also accept
 * an R with a small-order component, depending on its internal scalar split; that is why the
 * service never mixes the two (see {@link InteractionVerifier}).
 *
 * <p>Variable time: everything a verifier handles is public. Thread-safe; tables are read-only.
 */
public final class FixedKeyEd25519 {
    /**
     * Bits per signed digit: 32 digits of -128..127 cover a 253-bit scalar plus its carry. Eight
     * rather than six (330 KB, 86 additions): 6 % less CPU per request in the service, for 630 KB
     * more of a heap whose size is fixed anyway.
     */
    static final int WINDOW = 8;

    static final int DIGITS = (254 + WINDOW - 1) / WINDOW;
    /** Multiples per digit position: |digit| is at most 2^(WINDOW-1). */
    static final int MULTIPLES = 1 << (WINDOW - 1);

    private static final int F_SIZE = X25519Field.SIZE;
    /** A tabulated point (x, y) as ((y - x) / 2, (y + x) / 2, x * y * d), the form additions use. */
    private static final int POINT_INTS = 3 * F_SIZE;
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    /** The group order L = 2^252 + 27742317777372353535851937790883648493. */
    private static final BigInteger ORDER = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final byte[] ORDER_LE = littleEndian(ORDER, KEY_BYTES);

    private static final int[] D = fieldD();
    private static final int[] D2 = twice(D);
    private static final int[] HALF = half();

    private final byte[] publicKey;
    /** Multiples of -A: the verification equation subtracts [k]A. */
    private final int[] minusKeyTable;

    private FixedKeyEd25519(byte[] publicKey, int[] minusKeyTable) {
        this.publicKey = publicKey.clone();
        this.minusKeyTable = minusKeyTable;
    }

    /**
     * Tabulates a public key, and the base point once per JVM (about ten milliseconds: do it off the
     * request path). Empty for bytes
     * BouncyCastle's full validation refuses: not 32 bytes, not a canonical point, or a point
     * outside the prime-order subgroup, for which no table is made.
     */
    public static Optional<FixedKeyEd25519> forKey(byte[] publicKey) {
        if (publicKey.length != KEY_BYTES || !Ed25519.validatePublicKeyFull(publicKey, 0)) {
            return Optional.empty();
        }
        Extended a = decode(publicKey);
        X25519Field.negate(a.x, a.x);
        X25519Field.normalize(a.x);
        X25519Field.negate(a.t, a.t);
        X25519Field.normalize(a.t);
        // The base point's table too, here rather than in the first verification.
        BaseTable.get();
        return Optional.of(new FixedKeyEd25519(publicKey, tabulate(a)));
    }

    /**
     * Whether {@code signature} (R || S, 64 bytes) signs {@code first || second} under this key;
     * the message comes in two parts so a caller never copies the timestamp and body together.
     */
    public boolean verify(byte[] signature, byte[] first, byte[] second) {
        if (signature.length != SIGNATURE_BYTES || !belowOrder(signature, KEY_BYTES)) {
            return false;
        }
        SHA512Digest sha = new SHA512Digest();
        sha.update(signature, 0, KEY_BYTES);
        sha.update(publicKey, 0, KEY_BYTES);
        sha.update(first, 0, first.length);
        sha.update(second, 0, second.length);
        byte[] hash = new byte[SIGNATURE_BYTES];
        sha.doFinal(hash, 0);

        byte[] s = new byte[DIGITS];
        byte[] k = new byte[DIGITS];
        signedDigits(signature, KEY_BYTES, s);
        signedDigits(reduce(hash), 0, k);

        // The additions to make, in order: which table, where in it, and the digit's sign.
        int[] base = BaseTable.get();
        int[][] tables = new int[2 * DIGITS][];
        int[] offsets = new int[2 * DIGITS];
        int[] digits = new int[2 * DIGITS];
        int count = 0;
        for (int i = 0; i < DIGITS; i++) {
            if (s[i] != 0) {
                tables[count] = base;
                offsets[count] = entry(i, s[i]);
                digits[count++] = s[i];
            }
            if (k[i] != 0) {
                tables[count] = minusKeyTable;
                offsets[count] = entry(i, k[i]);
                digits[count++] = k[i];
            }
        }
        // Every entry's cache lines on their way before the first addition needs one (see touch).
        int touched = 0;
        for (int n = 0; n < count; n++) {
            touched += touch(tables[n], offsets[n]);
        }
        sink = touched;
        Accumulator sum = new Accumulator();
        for (int n = 0; n < count; n++) {
            sum.add(tables[n], offsets[n], digits[n] < 0);
        }
        byte[] encoded = sum.encode();
        for (int i = 0; i < KEY_BYTES; i++) {
            if (encoded[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- Scalars ---------------------------------------------------------------------------

    /** Whether the 32 little-endian bytes at {@code off} are below L (RFC 8032 rejects S >= L). */
    static boolean belowOrder(byte[] bytes, int off) {
        for (int i = KEY_BYTES - 1; i >= 0; i--) {
            int b = bytes[off + i] & 0xff;
            int l = ORDER_LE[i] & 0xff;
            if (b != l) {
                return b < l;
            }
        }
        return false;
    }

    /** A 64-byte little-endian hash reduced mod L, as 32 little-endian bytes. */
    static byte[] reduce(byte[] hash) {
        byte[] bigEndian = new byte[hash.length];
        for (int i = 0; i < hash.length; i++) {
            bigEndian[i] = hash[hash.length - 1 - i];
        }
        return littleEndian(new BigInteger(1, bigEndian).mod(ORDER), KEY_BYTES);
    }

    /**
     * A scalar below 2^253 (32 little-endian bytes at {@code off}) as {@link #DIGITS} signed
     * digits d_i in [-2^(w-1), 2^(w-1)) with scalar = sum of d_i * 2^(w*i).
     */
    static void signedDigits(byte[] scalar, int off, byte[] digits) {
        int mask = (1 << WINDOW) - 1;
        int carry = 0;
        for (int i = 0; i < DIGITS; i++) {
            int bit = i * WINDOW;
            int at = bit >>> 3;
            int low = at < KEY_BYTES ? scalar[off + at] & 0xff : 0;
            int high = at + 1 < KEY_BYTES ? scalar[off + at + 1] & 0xff : 0;
            int value = (((high << 8) | low) >>> (bit & 7) & mask) + carry;
            carry = (value + MULTIPLES) >>> WINDOW;
            digits[i] = (byte) (value - (carry << WINDOW));
        }
    }

    private static byte[] littleEndian(BigInteger value, int length) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[length];
        for (int i = 0; i < length && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    // ---- Points ----------------------------------------------------------------------------

    /** Where in a table digit * 2^(w*position) * P is: |digit| - 1 multiples into the position. */
    private static int entry(int position, int digit) {
        return (position * MULTIPLES + Math.abs(digit) - 1) * POINT_INTS;
    }

    /**
     * Reads one int from every cache line of the entry at {@code table[at..]} (30 ints span at most
     * three 64-byte lines; ints 15 apart cannot skip one). The tables are 960 KB read at random,
     * and in the service the rest of each request's work pushes them out of the core's cache:
     * every addition's copy of its entry waited for memory, one after the other (10 % of the
     * service's CPU samples were those copies). Touching all of a verification's entries first
     * lets the core fetch them side by side, so the additions find them in cache.
     */
    private static int touch(int[] table, int at) {
        return table[at] + table[at + 15] + table[at + POINT_INTS - 1];
    }

    /**
     * Where {@link #touch} results go, so that no compiler can drop the reads as unused; nothing
     * reads it.
     */
    @SuppressWarnings("unused")
    private static int sink;

    /**
     * The running sum in extended coordinates with T kept as the product u * v, the additions'
     * formulas those of BouncyCastle's own precomputed-point additions (HWCD 2008, a = -1).
     */
    private static final class Accumulator {
        final int[] x = X25519Field.create();
        final int[] y = X25519Field.create();
        final int[] z = X25519Field.create();
        final int[] u = X25519Field.create();
        final int[] v = X25519Field.create();
        /** A table entry's field element, copied out for {@link X25519Field#mul}. */
        private final int[] entry = X25519Field.create();
        private final int[] c = X25519Field.create();

        Accumulator() {
            X25519Field.one(y);
            X25519Field.one(z);
            X25519Field.one(v);
        }

        /** Adds the tabulated point at {@code table[at..]}, or its negation. */
        void add(int[] table, int at, boolean negative) {
            int[] a = x;
            int[] b = y;
            // -P swaps (y - x) and (y + x) and negates x * y * d: the first by swapping which
            // product each lands in, the second by swapping G and F below.
            int[] na = negative ? b : a;
            int[] nb = negative ? a : b;
            int[] e = u;
            int[] h = v;
            X25519Field.apm(y, x, b, a);
            mulAt(na, table, at, na);
            mulAt(nb, table, at + F_SIZE, nb);
            X25519Field.mul(u, v, c);
            mulAt(c, table, at + 2 * F_SIZE, c);
            X25519Field.apm(b, a, h, e);
            X25519Field.apm(z, c, nb, na);
            int[] f = a;
            int[] g = b;
            X25519Field.mul(f, g, z);
            X25519Field.mul(f, e, x);
            X25519Field.mul(g, h, y);
        }

        /** z = x * the field element at table[off..]. */
        private void mulAt(int[] x, int[] table, int off, int[] z) {
            System.arraycopy(table, off, entry, 0, F_SIZE);
            X25519Field.mul(x, entry, z);
        }

        /** The sum's 32-byte encoding: y with the sign of x in the top bit. */
        byte[] encode() {
            int[] inverse = X25519Field.create();
            X25519Field.invVar(z, inverse);
            X25519Field.mul(x, inverse, x);
            X25519Field.mul(y, inverse, y);
            X25519Field.normalize(x);
            X25519Field.normalize(y);
            byte[] out = new byte[KEY_BYTES];
            X25519Field.encode(y, out, 0);
            out[KEY_BYTES - 1] |= (byte) ((x[0] & 1) << 7);
            return out;
        }
    }

    /** A point in extended coordinates: x = X/Z, y = Y/Z, x * y = T/Z. */
    private static final class Extended {
        final int[] x = X25519Field.create();
        final int[] y = X25519Field.create();
        final int[] z = X25519Field.create();
        final int[] t = X25519Field.create();

        /** p + q, complete (doubling included) since d is not a square. */
        static Extended sum(Extended p, Extended q) {
            int[] a = X25519Field.create();
            int[] b = X25519Field.create();
            int[] c = X25519Field.create();
            int[] d = X25519Field.create();
            int[] e = X25519Field.create();
            int[] f = X25519Field.create();
            int[] g = X25519Field.create();
            int[] h = X25519Field.create();
            X25519Field.apm(p.y, p.x, b, a);
            X25519Field.apm(q.y, q.x, d, c);
            X25519Field.mul(a, c, a);
            X25519Field.mul(b, d, b);
            X25519Field.mul(p.t, q.t, c);
            X25519Field.mul(c, D2, c);
            X25519Field.add(p.z, p.z, d);
            X25519Field.mul(d, q.z, d);
            X25519Field.apm(b, a, h, e);
            X25519Field.apm(d, c, g, f);
            Extended r = new Extended();
            X25519Field.mul(e, h, r.t);
            X25519Field.mul(f, g, r.z);
            X25519Field.mul(e, f, r.x);
            X25519Field.mul(h, g, r.y);
            return r;
        }
    }

    /** A canonical, valid encoding (checked by the caller) to an affine point with Z = 1. */
    private static Extended decode(byte[] encoded) {
        Extended p = new Extended();
        X25519Field.decode(encoded, 0, p.y);
        int[] u = X25519Field.create();
        int[] v = X25519Field.create();
        X25519Field.sqr(p.y, u);
        X25519Field.mul(D, u, v);
        X25519Field.subOne(u);
        X25519Field.addOne(v);
        if (!X25519Field.sqrtRatioVar(u, v, p.x)) {
            throw new IllegalArgumentException("not a point");
        }
        X25519Field.normalize(p.x);
        if ((p.x[0] & 1) != ((encoded[KEY_BYTES - 1] & 0x80) >>> 7)) {
            X25519Field.negate(p.x, p.x);
            X25519Field.normalize(p.x);
        }
        X25519Field.one(p.z);
        X25519Field.mul(p.x, p.y, p.t);
        return p;
    }

    /**
     * Every j * 2^(w*i) * p for i < {@link #DIGITS} and j = 1..{@link #MULTIPLES}, made affine with
     * one shared inversion, in the additions' form.
     */
    private static int[] tabulate(Extended p) {
        int count = DIGITS * MULTIPLES;
        Extended[] points = new Extended[count];
        Extended step = p;
        for (int i = 0; i < DIGITS; i++) {
            Extended multiple = step;
            for (int j = 0; j < MULTIPLES; j++) {
                points[i * MULTIPLES + j] = multiple;
                if (j + 1 < MULTIPLES) {
                    multiple = Extended.sum(multiple, step);
                }
            }
            // 2^(w-1) * step, doubled: the next position's unit.
            step = Extended.sum(multiple, multiple);
        }
        int[][] inverses = invertZs(points);
        int[] table = new int[count * POINT_INTS];
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        int[] ymx = X25519Field.create();
        int[] ypx = X25519Field.create();
        int[] xyd = X25519Field.create();
        for (int n = 0; n < count; n++) {
            X25519Field.mul(points[n].x, inverses[n], x);
            X25519Field.mul(points[n].y, inverses[n], y);
            X25519Field.apm(y, x, ypx, ymx);
            X25519Field.mul(ymx, HALF, ymx);
            X25519Field.mul(ypx, HALF, ypx);
            X25519Field.mul(x, y, xyd);
            X25519Field.mul(xyd, D, xyd);
            X25519Field.normalize(ymx);
            X25519Field.normalize(ypx);
            X25519Field.normalize(xyd);
            int off = n * POINT_INTS;
            X25519Field.copy(ymx, 0, table, off);
            X25519Field.copy(ypx, 0, table, off + F_SIZE);
            X25519Field.copy(xyd, 0, table, off + 2 * F_SIZE);
        }
        return table;
    }

    /** 1/Z of every point with one inversion (Montgomery's trick). */
    private static int[][] invertZs(Extended[] points) {
        int n = points.length;
        int[][] prefix = new int[n][];
        int[] running = X25519Field.create();
        X25519Field.one(running);
        for (int i = 0; i < n; i++) {
            prefix[i] = X25519Field.create();
            X25519Field.copy(running, 0, prefix[i], 0);
            X25519Field.mul(running, points[i].z, running);
        }
        int[] inverse = X25519Field.create();
        X25519Field.invVar(running, inverse);
        int[][] out = new int[n][];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = X25519Field.create();
            X25519Field.mul(inverse, prefix[i], out[i]);
            X25519Field.mul(inverse, points[i].z, inverse);
        }
        return out;
    }

    // ---- Constants -------------------------------------------------------------------------

    /** The curve constant d = -121665 / 121666. */
    private static int[] fieldD() {
        int[] numerator = small(121665);
        X25519Field.negate(numerator, numerator);
        X25519Field.normalize(numerator);
        int[] denominator = small(121666);
        int[] d = X25519Field.create();
        X25519Field.invVar(denominator, d);
        X25519Field.mul(d, numerator, d);
        X25519Field.normalize(d);
        return d;
    }

    private static int[] half() {
        int[] h = X25519Field.create();
        X25519Field.invVar(small(2), h);
        return h;
    }

    private static int[] twice(int[] x) {
        int[] z = X25519Field.create();
        X25519Field.add(x, x, z);
        X25519Field.normalize(z);
        return z;
    }

    private static int[] small(int value) {
        int[] z = X25519Field.create();
        z[0] = value & 0x3FFFFFF;
        z[1] = value >>> 26;
        return z;
    }

    /** The base point's table, built on first use. */
    private static final class BaseTable {
        private static final int[] TABLE = tabulate(decode(basePoint()));

        static int[] get() {
            return TABLE;
        }

        /** B: y = 4/5, x even. */
        private static byte[] basePoint() {
            int[] y = X25519Field.create();
            X25519Field.invVar(small(5), y);
            X25519Field.mul(y, small(4), y);
            X25519Field.normalize(y);
            byte[] out = new byte[KEY_BYTES];
            X25519Field.encode(y, out, 0);
            return out;
        }
    }
}
