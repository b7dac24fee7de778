package dev.botty.lavalink;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: the first delay doubled per failed attempt up to the cap, then "equal jitter"
 * (a random point in the upper half), so that many clients of one restarted server spread out
 * without any of them retrying at once.
 */
record Backoff(Duration first, Duration max) {
    Duration delay(int failedAttempts, RandomGenerator random) {
        double ceiling = Math.min(max.toMillis(), first.toMillis() * Math.pow(2, Math.min(failedAttempts, 30)));
        return Duration.ofMillis(Math.round(ceiling / 2 + random.nextDouble() * ceiling / 2));
    }
}
