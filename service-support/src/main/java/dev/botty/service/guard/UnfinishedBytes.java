package dev.botty.service.guard;

import java.util.HashSet;
import java.util.Set;

/**
 * The process-wide budget for body bytes of requests still arriving. A request that would take it
 * past its limit makes room by cutting off the connection holding the most, unless that is the
 * request itself: a client that sends a few kilobytes at once always gets in, one that holds back
 * the end of a large body is the first to go.
 *
 * <p>A connection being cut off still holds its bytes until its event loop has closed it, so they
 * stay counted until then ({@link #release}), apart from the limit: room is made at once, and the
 * bytes held in all are never more than twice the limit. Called from every event loop; the lock
 * is taken only for bodies that arrive in more than one read.
 */
final class UnfinishedBytes {
    private final long limit;
    private final Set<RequestGuard> holders = new HashSet<>();
    /** Bytes held in all, and of those, bytes held by connections being cut off. */
    private long total;
    private long condemned;

    UnfinishedBytes(long limit) {
        this.limit = limit;
    }

    /** Counts {@code bytes} more for {@code guard}'s request; false when it is the one to refuse. */
    synchronized boolean reserve(RequestGuard guard, long bytes) {
        while (total - condemned + bytes > limit) {
            RequestGuard largest = largestOtherThan(guard);
            if (largest == null || largest.held < guard.held + bytes) {
                return false;
            }
            condemn(largest);
            largest.cutOff(RequestGuard.Cause.MEMORY);
        }
        if (total + bytes > 2 * limit) {
            // Room was made, but what is being freed has not been yet.
            return false;
        }
        total += bytes;
        guard.held += bytes;
        holders.add(guard);
        return true;
    }

    /** {@code guard}'s bytes are on their way out: they stop counting against the limit. */
    synchronized void condemn(RequestGuard guard) {
        if (!guard.condemned) {
            guard.condemned = true;
            condemned += guard.held;
        }
    }

    /** {@code guard}'s bytes are gone: its request ended, or its connection closed. */
    synchronized void release(RequestGuard guard) {
        total -= guard.held;
        if (guard.condemned) {
            condemned -= guard.held;
            guard.condemned = false;
        }
        guard.held = 0;
        holders.remove(guard);
    }

    synchronized long total() {
        return total;
    }

    private RequestGuard largestOtherThan(RequestGuard guard) {
        RequestGuard largest = null;
        for (RequestGuard holder : holders) {
            if (holder != guard && !holder.condemned && (largest == null || holder.held > largest.held)) {
                largest = holder;
            }
        }
        return largest;
    }
}
