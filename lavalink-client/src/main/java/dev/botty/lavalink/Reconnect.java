package dev.botty.lavalink;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * When a node tries to connect again: one pending attempt at a time, on the node's thread. After
 * a failure or a loss the delay is the first delay doubled per failure in a row up to the cap,
 * then "equal jitter" (a random point in its upper half), so that many clients of one restarted
 * server spread out without any of them retrying at once; a connection that reaches {@code ready}
 * starts the count again.
 */
final class Reconnect {
    /** The next attempt: how many failures in a row led to it, and when. */
    record Retry(int failures, Duration delay) {}

    private final Duration first;
    private final Duration max;
    private final ScheduledExecutorService thread;
    private final Runnable attempt;
    private final RandomGenerator random;

    private final Object lock = new Object();
    // Guarded by lock.
    private int failures;
    private @Nullable ScheduledFuture<?> pending;

    Reconnect(Duration first, Duration max, ScheduledExecutorService thread, Runnable attempt, RandomGenerator random) {
        this.first = first;
        this.max = max;
        this.thread = thread;
        this.attempt = attempt;
        this.random = random;
    }

    /** The delay after {@code failuresBefore} failures in a row (0 for the first retry). */
    Duration delay(int failuresBefore) {
        double ceiling = Math.min(max.toMillis(), first.toMillis() * Math.pow(2, Math.min(failuresBefore, 30)));
        return Duration.ofMillis(Math.round(ceiling / 2 + random.nextDouble() * ceiling / 2));
    }

    /** Tries again after one more failure in a row. */
    Retry afterFailure() {
        synchronized (lock) {
            Duration delay = delay(failures++);
            schedule(delay);
            return new Retry(failures, delay);
        }
    }

    /** Tries again after this delay, whatever came before (a server too old to use, say). */
    void in(Duration delay) {
        synchronized (lock) {
            schedule(delay);
        }
    }

    /** A connection reached {@code ready}: the next loss starts from the first delay. */
    void succeeded() {
        synchronized (lock) {
            failures = 0;
        }
    }

    /** No attempt pending any more. */
    void cancel() {
        synchronized (lock) {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
    }

    /** Under lock. */
    private void schedule(Duration delay) {
        if (pending != null) {
            pending.cancel(false);
        }
        try {
            pending = thread.schedule(attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The node closed meanwhile.
        }
    }
}
