package dev.botty.lavalink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconnectTest {
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1);
    private final AtomicInteger attempts = new AtomicInteger();

    {
        thread.setRemoveOnCancelPolicy(true); // as the node's thread is
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    /** A random source that always answers {@code value}. */
    private static RandomGenerator always(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private Reconnect reconnect(double random) {
        return new Reconnect(Duration.ofMillis(500), Duration.ofSeconds(30), thread, attempts::incrementAndGet, always(random));
    }

    @Test
    void doublesPerFailureInARowUpToTheCapWithEqualJitter() {
        Reconnect low = reconnect(0.0);
        Reconnect high = reconnect(0.999_999);
        // ceiling 500, 1000, 2000, … 30000: the delay lies in its upper half.
        assertEquals(Duration.ofMillis(250), low.delay(0));
        assertEquals(Duration.ofMillis(500), high.delay(0));
        assertEquals(Duration.ofMillis(1_000), low.delay(2));
        assertEquals(Duration.ofMillis(15_000), low.delay(6));
        assertEquals(Duration.ofMillis(15_000), low.delay(60), "capped, and no overflow for long outages");
        assertEquals(Duration.ofMillis(30_000), high.delay(1_000));
    }

    @Test
    void countsFailuresUntilOneSucceedsAndKeepsOneAttemptPending() throws Exception {
        Reconnect reconnect = reconnect(0.0);
        reconnect.in(Duration.ofHours(1));
        assertEquals(new Reconnect.Retry(1, Duration.ofMillis(250)), reconnect.afterFailure());
        assertEquals(new Reconnect.Retry(2, Duration.ofMillis(500)), reconnect.afterFailure());
        assertEquals(1, thread.getQueue().size(), "the hour-long wait was replaced, not added to");
        reconnect.succeeded();
        assertEquals(new Reconnect.Retry(1, Duration.ofMillis(250)), reconnect.afterFailure());
        Thread.sleep(600);
        assertEquals(1, attempts.get(), "one attempt ran");
        reconnect.in(Duration.ofMillis(50));
        reconnect.cancel();
        Thread.sleep(150);
        assertEquals(1, attempts.get(), "a cancelled attempt does not run");
        assertTrue(thread.getQueue().isEmpty());
    }
}
