package dev.botty.benchmarks;

import dev.botty.interactions.discord.FixedKeyEd25519;
import dev.botty.interactions.discord.InteractionVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Ed25519 verification of a Discord-shaped interaction (timestamp + a 298-byte body), four
 * ways, in the same run:
 * <ul>
 *   <li>{@link #interactionVerifier} — botty's {@link InteractionVerifier#verify}, exactly what the
 *       controller calls once the start-up warm-up has tabulated the key: hex signature parsed,
 *       timestamp checked, then {@link FixedKeyEd25519};</li>
 *   <li>{@link #bouncyCastle} — BouncyCastle's {@code Ed25519PublicKeyParameters.verify}, the key
 *       parsed once, on a ready message: what the verifier runs before its tables exist;</li>
 *   <li>{@link #fixedKey} — {@link FixedKeyEd25519} alone, on the timestamp and body as they
 *       arrive;</li>
 *   <li>{@link #jdkSignature} — the JDK's own {@code Signature.getInstance("Ed25519")}, a new
 *       {@code Signature} per verification as a request handler would use it, the
 *       {@code PublicKey} parsed once.</li>
 * </ul>
 * and {@link #fixedKeyColdTables}, {@link FixedKeyEd25519} with its tables out of the core's cache
 * as in the service, beside {@link #evictOnly}, what pushing them out costs alone: the difference
 * is a verification's cost in the service.
 * Every path is checked to accept the signature before anything is measured.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SignatureVerification</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SignatureVerificationBenchmark {
    /** A DM invocation of /avatar as Discord posts it, 298 bytes, about the size of a small one. */
    static final String BODY = "{\"id\":\"1300000000000000002\",\"application_id\":\"1100000000000000001\",\"type\":2,"
            + "\"token\":\"aW50ZXJhY3Rpb246c2ltdWxhdGVk\",\"version\":1,"
            + "\"data\":{\"id\":\"1400000000000000123\",\"name\":\"avatar\",\"type\":1},\"channel_id\":\"1000000000000000002\","
            + "\"user\":{\"id\":\"1200000000000000001\",\"username\":\"homelab_owner\"},"
            + "\"context\":1}";
    static final String TIMESTAMP = "1795000000";
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), followed by the raw key. */
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** Signatures {@link #fixedKeyColdTables} cycles through: a power of two. */
    static final int ROTATION = 1024;
    /** Larger than the core's L2 cache (1 MB on the machines the docs report). */
    static final int EVICTION_BYTES = 2 << 20;

    private byte[][] rotatingSignatures;
    private byte[][] rotatingTimestamps;
    private int next;
    private final byte[] eviction = new byte[EVICTION_BYTES];

    private byte[] body;
    private byte[] message;
    private byte[] signature;
    private String signatureHex;
    private InteractionVerifier verifier;
    private Ed25519PublicKeyParameters bouncyCastleKey;
    private FixedKeyEd25519 fixedKey;
    private byte[] timestamp;
    private PublicKey jdkKey;

    @Setup
    public void sign() throws GeneralSecurityException {
        byte[] seed = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (31 * i + 7);
        }
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        byte[] publicKey = privateKey.generatePublicKey().getEncoded();

        body = BODY.getBytes(StandardCharsets.UTF_8);
        byte[] ts = TIMESTAMP.getBytes(StandardCharsets.US_ASCII);
        message = new byte[ts.length + body.length];
        System.arraycopy(ts, 0, message, 0, ts.length);
        System.arraycopy(body, 0, message, ts.length, body.length);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        signature = signer.generateSignature();
        signatureHex = HexFormat.of().formatHex(signature);

        Clock atTimestamp = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)), ZoneOffset.UTC);
        verifier = new InteractionVerifier(publicKey, atTimestamp, Duration.ofMinutes(5));
        bouncyCastleKey = new Ed25519PublicKeyParameters(publicKey);
        fixedKey = FixedKeyEd25519.forKey(publicKey).orElseThrow();
        timestamp = ts;
        byte[] x509 = new byte[X509_ED25519_PREFIX.length + publicKey.length];
        System.arraycopy(X509_ED25519_PREFIX, 0, x509, 0, X509_ED25519_PREFIX.length);
        System.arraycopy(publicKey, 0, x509, X509_ED25519_PREFIX.length, publicKey.length);
        jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));

        rotatingSignatures = new byte[ROTATION][];
        rotatingTimestamps = new byte[ROTATION][];
        for (int i = 0; i < ROTATION; i++) {
            rotatingTimestamps[i] = Long.toString(Long.parseLong(TIMESTAMP) + i).getBytes(StandardCharsets.US_ASCII);
            signer.init(true, privateKey);
            signer.update(rotatingTimestamps[i], 0, rotatingTimestamps[i].length);
            signer.update(body, 0, body.length);
            rotatingSignatures[i] = signer.generateSignature();
            if (!fixedKey.verify(rotatingSignatures[i], rotatingTimestamps[i], body)) {
                throw new IllegalStateException("the fixed-key verifier refuses a good signature; nothing to measure");
            }
        }
        if (interactionVerifier() != InteractionVerifier.Verdict.VALID || !bouncyCastle() || !fixedKey() || !jdkSignature()) {
            throw new IllegalStateException("a verifier refuses a good signature; nothing to measure");
        }
    }

    /** Writes one byte in every 64-byte line of a buffer larger than the L2 cache. */
    private int evict() {
        byte[] buffer = eviction;
        for (int i = 0; i < buffer.length; i += 64) {
            buffer[i]++;
        }
        return buffer[next & (EVICTION_BYTES - 1) & ~63];
    }

    @Benchmark
    public InteractionVerifier.Verdict interactionVerifier() {
        return verifier.verify(signatureHex, TIMESTAMP, body);
    }

    @Benchmark
    public boolean bouncyCastle() {
        return bouncyCastleKey.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    @Benchmark
    public boolean fixedKey() {
        return fixedKey.verify(signature, timestamp, body);
    }

    /**
     * {@link #fixedKey} over {@link #ROTATION} different signatures in turn, each preceded by
     * {@link #evict}: every verification then reads its 64 table entries from beyond the core's
     * caches, as in the service, where the rest of a request's work pushes the 960 KB of tables
     * out. The repeated signature of {@link #fixedKey} finds its entries cached every time.
     * Compare with {@link #evictOnly}, the eviction alone.
     */
    @Benchmark
    public boolean fixedKeyColdTables() {
        evict();
        int n = next++ & (ROTATION - 1);
        return fixedKey.verify(rotatingSignatures[n], rotatingTimestamps[n], body);
    }

    /** The eviction {@link #fixedKeyColdTables} does before each verification, alone. */
    @Benchmark
    public int evictOnly() {
        return evict();
    }

    @Benchmark
    public boolean jdkSignature() throws GeneralSecurityException {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkKey);
        jdk.update(message);
        return jdk.verify(signature);
    }
}
