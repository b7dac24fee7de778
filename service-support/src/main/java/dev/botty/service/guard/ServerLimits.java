package dev.botty.service.guard;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * What one client may cost a botty service, on every port it listens on (the public route, the
 * voice node's internal API, both management ports). Set as Micronaut properties under
 * {@code botty.server} (or their environment forms, {@code BOTTY_SERVER_MAX_CONNECTIONS} …).
 * docs/benchmarks.md ("What an unauthenticated client can cost") shows how they fit the heap.
 *
 * @param maxConnections  open connections on the service's own port (the public route, the voice
 *                        node's internal API); past it, the connection that has gone longest
 *                        without a request in flight is closed to make room
 * @param managementMaxConnections the same for the management port ({@code endpoints.all.port}),
 *                        where a few scrapers and a browser are all that ever connect
 * @param requestTimeout  from the first byte of a request to its last: a request not whole by then
 *                        is answered 408 and its connection closed
 * @param unfinishedBytes body bytes of requests still arriving, over all connections and ports
 *                        together; past it the connection holding the most is cut off (what
 *                        connections being cut off still hold is counted apart, up to as much again)
 */
@ConfigurationProperties("botty.server")
public record ServerLimits(
        @Bindable(defaultValue = "384") int maxConnections,
        @Bindable(defaultValue = "32") int managementMaxConnections,
        @Bindable(defaultValue = "5s") Duration requestTimeout,
        @Bindable(defaultValue = "1MB") @ReadableBytes long unfinishedBytes) {

    public ServerLimits {
        if (maxConnections < 1 || managementMaxConnections < 1) {
            throw new IllegalArgumentException("botty.server.max-connections and management-max-connections must be at least 1");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("botty.server.request-timeout must be positive, not " + requestTimeout);
        }
        if (unfinishedBytes < 64 * 1024) {
            throw new IllegalArgumentException("botty.server.unfinished-bytes must be at least 64KB, not " + unfinishedBytes);
        }
    }
}
