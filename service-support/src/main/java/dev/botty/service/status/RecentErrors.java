package dev.botty.service.status;

import dev.botty.internal.NodeStatus.RecentError;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last few things that went wrong, newest first, for a service's status page and JSON: a small
 * bounded ring, so a storm of failures costs nothing but the oldest entries, and each message
 * clipped. Messages are written by our own code for people (never exception text from outside,
 * never a token). One per service; everything that fails reports here.
 */
@Singleton
public final class RecentErrors {
    /** How many are kept. */
    public static final int KEPT = 20;
    /** The longest message kept whole. */
    public static final int MESSAGE_LIMIT = 300;

    private final InstantSource clock;
    private final Deque<RecentError> errors = new ArrayDeque<>(KEPT);

    public RecentErrors(InstantSource clock) {
        this.clock = clock;
    }

    public synchronized void record(String message) {
        String kept = message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT - 1) + "…" : message;
        if (errors.size() == KEPT) {
            errors.removeLast();
        }
        errors.addFirst(new RecentError(clock.instant(), kept));
    }

    /** Newest first. */
    public synchronized List<RecentError> list() {
        return List.copyOf(errors);
    }
}
