package dev.botty.interactions.metrics;

import dev.botty.internal.NodeStatus.RecentError;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last few things that went wrong, newest first, for the status page: a small bounded ring,
 * so a storm of failures costs nothing but the oldest entries. Messages are written by our own
 * code for people (never exception text from outside, never a token).
 */
@Singleton
public final class RecentErrors {
    static final int CAPACITY = 10;

    private final Clock clock;
    private final Deque<RecentError> errors = new ArrayDeque<>(CAPACITY);

    public RecentErrors(Clock clock) {
        this.clock = clock;
    }

    public synchronized void record(String message) {
        if (errors.size() == CAPACITY) {
            errors.removeLast();
        }
        errors.addFirst(new RecentError(clock.instant(), message));
    }

    /** Newest first. */
    public synchronized List<RecentError> list() {
        return List.copyOf(errors);
    }
}
