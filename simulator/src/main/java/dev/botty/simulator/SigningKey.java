package dev.botty.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 key pair that signs interactions the way Discord does: over
 * {@code X-Signature-Timestamp} followed by the raw request body.
 */
public final class SigningKey {
    private static final HexFormat HEX = HexFormat.of();

    private final Ed25519PrivateKeyParameters privateKey;

    private SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
    }

    /** A fresh random key. */
    public static SigningKey generate() {
        return new SigningKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    /** The key whose 32-byte seed is {@code seedHex}. */
    public static SigningKey fromSeedHex(String seedHex) {
        byte[] seed = HEX.parseHex(seedHex.strip());
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes (64 hex characters)");
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** Reads a seed written by {@link #writeSeed(Path)}. */
    public static SigningKey read(Path file) throws IOException {
        return fromSeedHex(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Writes the seed as hex, readable by the owner only. */
    public void writeSeed(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
        Files.writeString(file, seedHex() + "\n", StandardCharsets.US_ASCII);
    }

    public String seedHex() {
        return HEX.formatHex(privateKey.getEncoded());
    }

    /** The public key as Discord shows it on the application page: 64 hex characters. */
    public String publicKeyHex() {
        return HEX.formatHex(privateKey.generatePublicKey().getEncoded());
    }

    /** The hex signature Discord would put in {@code X-Signature-Ed25519}. */
    public String sign(String timestamp, byte[] body) {
        byte[] ts = timestamp.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(ts, 0, ts.length);
        signer.update(body, 0, body.length);
        return HEX.formatHex(signer.generateSignature());
    }
}
