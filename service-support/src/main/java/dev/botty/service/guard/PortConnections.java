package dev.botty.service.guard;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections of one listening port, at most {@code limit}. A connection past the limit
 * makes room by closing the one that has gone longest without a request in flight (idle, or still
 * sending one); one waiting for its answer is never chosen. When every connection is waiting for an
 * answer, the newcomer is the one closed.
 */
final class PortConnections {
    private final int limit;
    private final Set<RequestGuard> open = ConcurrentHashMap.newKeySet();

    PortConnections(int limit) {
        this.limit = limit;
    }

    /** Admits a new connection; returns false when it must be closed instead. */
    synchronized boolean admit(RequestGuard guard) {
        open.add(guard);
        while (open.size() > limit) {
            RequestGuard stalest = null;
            for (RequestGuard other : open) {
                if (other != guard && !other.awaitingAnswer()
                        && (stalest == null || other.lastActivity() < stalest.lastActivity())) {
                    stalest = other;
                }
            }
            if (stalest == null) {
                open.remove(guard);
                return false;
            }
            open.remove(stalest);
            stalest.cutOff(RequestGuard.Cause.CONNECTIONS);
        }
        return true;
    }

    void remove(RequestGuard guard) {
        open.remove(guard);
    }
}
