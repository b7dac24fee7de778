package dev.botty.interactions.interaction;

import dev.botty.interactions.discord.Interaction;
import dev.botty.interactions.discord.InteractionResponse;
import dev.botty.interactions.discord.InteractionType;
import dev.botty.interactions.discord.InteractionVerifier.Verdict;
import dev.botty.interactions.discord.InteractionVerifier;
import dev.botty.interactions.metrics.InteractionMetrics;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code POST /interactions} answers: the signature checked over the raw bytes, the body
 * parsed, the interaction handed to the dispatcher. Every refusal is a 4xx with a one-line JSON
 * reason. {@link InteractionController} is its only caller.
 */
@Singleton
public final class InteractionEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionEndpoint.class);

    /** An HTTP status and the JSON to send, already written. */
    public record Answer(HttpStatus status, byte[] json) {}

    private final InteractionVerifier verifier;
    private final InteractionDispatcher dispatcher;
    private final JsonMapper json;
    private final InteractionMetrics metrics;
    /** The answers that never change, written once: a PONG and the two common refusals. */
    private final Answer pong;
    private final CompletableFuture<Answer> unauthorized;
    private final CompletableFuture<Answer> malformed;

    public InteractionEndpoint(InteractionVerifier verifier, InteractionDispatcher dispatcher, JsonMapper json, InteractionMetrics metrics) {
        this.verifier = verifier;
        this.dispatcher = dispatcher;
        this.json = json;
        this.metrics = metrics;
        this.pong = new Answer(HttpStatus.OK, write(InteractionResponse.pong()));
        this.unauthorized = refusal(HttpStatus.UNAUTHORIZED, "invalid request signature");
        this.malformed = refusal(HttpStatus.BAD_REQUEST, "the body is not an interaction (malformed JSON)");
    }

    /** The answer to a request with these signature headers (either may be null) and body bytes. */
    public CompletableFuture<Answer> answer(String signature, String timestamp, byte[] raw) {
        Verdict verdict = verifier.verify(signature, timestamp, raw);
        if (verdict != Verdict.VALID) {
            LOG.debug("refused an interaction: {}", verdict);
            metrics.refused(verdict);
            return unauthorized;
        }
        Optional<Interaction> interaction = parse(raw);
        if (interaction.isEmpty()) {
            return malformed;
        }
        Optional<InteractionType> type = InteractionType.of(interaction.get().type());
        if (type.isEmpty()) {
            return refusal(HttpStatus.BAD_REQUEST, "unknown interaction type " + interaction.get().type());
        }
        return dispatcher.dispatch(type.get(), interaction.get()).thenApply(this::ok);
    }

    /**
     * Written here rather than by Micronaut's JSON body writer: the same serde mapping, without
     * looking up a writer for every answer (3 % of the endpoint's CPU in a profile).
     */
    private Answer ok(InteractionResponse response) {
        return response.type() == InteractionResponse.PONG ? pong : new Answer(HttpStatus.OK, write(response));
    }

    private Optional<Interaction> parse(byte[] raw) {
        try {
            return Optional.ofNullable(json.readValue(raw, Interaction.class));
        } catch (Exception malformed) {
            // Any parse failure of a client's bytes is the client's problem: 400, never 500.
            return Optional.empty();
        }
    }

    /** A refusal shaped like every other error: {@code {"error": reason}}. */
    private CompletableFuture<Answer> refusal(HttpStatus status, String reason) {
        return CompletableFuture.completedFuture(new Answer(status, write(Map.of("error", reason))));
    }

    private byte[] write(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException("an answer could not be written as JSON", e);
        }
    }
}
