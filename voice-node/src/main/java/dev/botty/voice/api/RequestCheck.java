package dev.botty.voice.api;

import dev.botty.internal.RequestSignature;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Whether a request comes from our interactions-api: the HMAC over timestamp and body matches the
 * shared secret, and the timestamp is within the replay window either way.
 */
final class RequestCheck {
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private final RequestSignature signature;
    private final InstantSource clock;

    RequestCheck(String secret, InstantSource clock) {
        this.signature = new RequestSignature(secret);
        this.clock = clock;
    }

    boolean accepts(String timestamp, byte[] body, String signed) {
        if (timestamp == null || signed == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew <= REPLAY_WINDOW.toSeconds() && signature.verifies(timestamp, body, signed);
    }
}
