package dev.botty.interactions.discord;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** A throwaway Ed25519 key pair for local mode, where the simulator plays Discord. */
public record LocalKeys(String seedHex, String publicKeyHex) {
    public static LocalKeys generate() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        HexFormat hex = HexFormat.of();
        return new LocalKeys(hex.formatHex(key.getEncoded()), hex.formatHex(key.generatePublicKey().getEncoded()));
    }

    @Override
    public String toString() {
        return "LocalKeys[publicKeyHex=" + publicKeyHex + "]";
    }
}
