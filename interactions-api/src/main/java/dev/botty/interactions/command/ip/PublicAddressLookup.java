package dev.botty.interactions.command.ip;

import dev.botty.interactions.command.OutsideCalls;
import dev.botty.interactions.config.BottyConfig;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the host's public addresses by asking "what is my IP" services ({@code IP_LOOKUP_URLS},
 * {@code IP6_LOOKUP_URLS}) that answer in plain text. Each list is tried in order until one
 * service gives a valid address; every call is bounded by {@code OUTBOUND_TIMEOUT_MS}. A found
 * answer is reused for {@code IP_CACHE_SECONDS}, and callers arriving while a look-up runs share
 * it, so a burst of {@code /ip} costs the services one request each.
 */
@Singleton
final class PublicAddressLookup {
    /** What the look-up found; when both are empty, every service failed. */
    record PublicAddresses(Optional<String> ipv4, Optional<String> ipv6) {
        boolean found() {
            return ipv4.isPresent() || ipv6.isPresent();
        }
    }

    private record Result(PublicAddresses addresses, Instant at) {}

    private static final Logger LOG = LoggerFactory.getLogger(PublicAddressLookup.class);
    /** The longest IPv6 text form is 45 characters; anything much longer is not an address. */
    private static final int MAX_ANSWER = 64;

    private final List<URI> v4Services;
    private final List<URI> v6Services;
    private final Duration cacheFor;
    private final Duration timeout;
    private final OutsideCalls outside;
    private final Clock clock;
    private CompletableFuture<Result> latest;

    PublicAddressLookup(BottyConfig config, OutsideCalls outside, Clock clock) {
        this.v4Services = config.ip().v4Services();
        this.v6Services = config.ip().v6Services();
        this.cacheFor = config.ip().cacheFor();
        this.timeout = config.outboundTimeout();
        this.outside = outside;
        this.clock = clock;
    }

    /** Whether any IPv6 service is configured, so a missing IPv6 is worth mentioning. */
    boolean looksForIpv6() {
        return !v6Services.isEmpty();
    }

    /** The addresses, from the cache, the look-up in flight, or a new look-up. Never fails. */
    CompletableFuture<PublicAddresses> addresses() {
        CompletableFuture<Result> lookUp;
        synchronized (this) {
            if (latest == null || !reusable(latest)) {
                latest = lookUp();
            }
            lookUp = latest;
        }
        return lookUp.thenApply(Result::addresses);
    }

    private boolean reusable(CompletableFuture<Result> lookUp) {
        if (!lookUp.isDone()) {
            return true;
        }
        if (lookUp.isCompletedExceptionally()) {
            // Failures are values, so this is a bug; still, never let one stick.
            return false;
        }
        // A failed look-up is not remembered: the next caller tries the services again.
        Result result = lookUp.join();
        return result.addresses().found() && clock.instant().isBefore(result.at().plus(cacheFor));
    }

    private CompletableFuture<Result> lookUp() {
        CompletableFuture<Optional<String>> v4 = firstAnswer(v4Services, 0, AddressLiteral::ipv4);
        CompletableFuture<Optional<String>> v6 = firstAnswer(v6Services, 0, AddressLiteral::ipv6);
        return v4.thenCombine(v6, (ipv4, ipv6) -> new Result(new PublicAddresses(ipv4, ipv6), clock.instant()));
    }

    private CompletableFuture<Optional<String>> firstAnswer(List<URI> services, int index, Function<String, Optional<String>> read) {
        if (index >= services.size()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return ask(services.get(index), read).thenCompose(answer -> answer.isPresent()
                ? CompletableFuture.completedFuture(answer)
                : firstAnswer(services, index + 1, read));
    }

    private CompletableFuture<Optional<String>> ask(URI service, Function<String, Optional<String>> read) {
        HttpRequest request = HttpRequest.newBuilder(service)
                .timeout(timeout)
                .header("Accept", "text/plain")
                .GET()
                .build();
        return outside.call("ip", request, timeout, response -> read(service, response, read));
    }

    private static Optional<String> read(URI service, HttpResponse<byte[]> response, Function<String, Optional<String>> read) {
        if (response.statusCode() != 200) {
            LOG.warn("IP service {} answered HTTP {}", service.getHost(), response.statusCode());
            return Optional.empty();
        }
        String body = response.body() == null ? "" : new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        Optional<String> address = body.length() > MAX_ANSWER ? Optional.empty() : read.apply(body);
        if (address.isEmpty()) {
            LOG.warn("IP service {} answered something that is not a public address", service.getHost());
        }
        return address;
    }
}
