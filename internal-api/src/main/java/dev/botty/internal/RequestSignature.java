package dev.botty.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs internal requests between botty's services the way Discord signs interactions, with a
 * shared secret instead of a key pair: {@code HMAC-SHA256(secret, timestamp + body)}, sent as
 * {@code X-Botty-Timestamp} and {@code X-Botty-Signature: sha256=<hex>}. The receiver checks the
 * MAC in constant time and refuses timestamps outside its replay window.
 */
public final class RequestSignature {
    public static final String TIMESTAMP_HEADER = "X-Botty-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Botty-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public RequestSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The {@code X-Botty-Signature} value for this timestamp and body. */
    public String sign(String timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(timestamp, body));
    }

    /** Whether {@code signature} is this secret's signature of the timestamp and body. */
    public boolean verifies(String timestamp, byte[] body, String signature) {
        if (timestamp == null || signature == null || !signature.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(timestamp, body), given);
    }

    private byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
