package dev.botty.interactions.command;

import dev.botty.interactions.config.InteractionsBeans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call the commands make to an outside service (the "what is my IP" services, the joke API,
 * Open-Meteo), in one place: bounded by a timeout, never failing (a failure is an empty answer),
 * logged, and counted as {@code botty_outside_calls_total{service, outcome}} with
 * {@code botty_outside_call_latency_seconds{service}}. The outcome is {@code ok}, {@code bad_answer}
 * (the service answered, but not something usable), {@code timeout} or {@code error}.
 */
@Singleton
public final class OutsideCalls {
    private static final Logger LOG = LoggerFactory.getLogger(OutsideCalls.class);

    private final Provider<HttpClient> http;
    private final MeterRegistry registry;
    /** Meters looked up once each (service names and outcomes are fixed sets). */
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    public OutsideCalls(@Named(InteractionsBeans.INTERNET) Provider<HttpClient> http, MeterRegistry registry) {
        this.http = http;
        this.registry = registry;
    }

    /**
     * Sends {@code request} to {@code service} (a fixed name: {@code ip}, {@code joke},
     * {@code weather}, {@code geocoding}) and reads the answer with {@code read}, whose empty
     * result marks an unusable answer.
     */
    public <T> CompletableFuture<Optional<T>> call(String service, HttpRequest request, Duration timeout,
                                                   Function<HttpResponse<byte[]>, Optional<T>> read) {
        long started = System.nanoTime();
        return http.get().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                // The request timeout covers the wait for headers; the whole exchange is bounded too.
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(response -> {
                    Optional<T> answer = read.apply(response);
                    record(service, answer.isPresent() ? "ok" : "bad_answer", started);
                    return answer;
                })
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    boolean timedOut = cause instanceof HttpTimeoutException || cause instanceof TimeoutException;
                    LOG.warn("{} service {} failed: {}", service, request.uri().getHost(), timedOut
                            ? "no answer within " + timeout.toMillis() + " ms"
                            : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                    record(service, timedOut ? "timeout" : "error", started);
                    return Optional.empty();
                });
    }

    private void record(String service, String outcome, long startedNanos) {
        calls.computeIfAbsent(service + ' ' + outcome, key -> Counter.builder("botty_outside_calls")
                .description("Calls to outside services, by service and outcome")
                .tag("service", service).tag("outcome", outcome).register(registry)).increment();
        latencies.computeIfAbsent(service, key -> Timer.builder("botty_outside_call_latency")
                .description("Time outside services took to answer (or not)")
                .tag("service", service)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
