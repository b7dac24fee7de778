package dev.botty.interactions.discord;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * The JDK's own Ed25519 ({@code SunEC}), which shares no code with BouncyCastle: the reference the
 * tests hold botty's verifier to. Any exception is a refusal, as it would be for a client.
 */
final class JdkEd25519 {
    /** The X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410): the 32 key bytes follow. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private JdkEd25519() {}

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            return verify(publicKey(publicKey), message, signature);
        } catch (GeneralSecurityException | RuntimeException refused) {
            return false;
        }
    }

    static boolean verify(PublicKey publicKey, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException refused) {
            return false;
        }
    }
}
