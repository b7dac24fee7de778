package dev.botty.interactions.interaction;

import dev.botty.interactions.discord.Interaction;
import dev.botty.interactions.discord.InteractionType;
import dev.botty.interactions.discord.InteractionVerifier;
import dev.botty.interactions.discord.InteractionVerifier.Verdict;
import dev.botty.interactions.status.InteractionMetrics;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
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

    /** An HTTP status and the object to send as JSON. */
    public record Answer(HttpStatus status, Object body) {}

    private final InteractionVerifier verifier;
    private final InteractionDispatcher dispatcher;
    private final JsonMapper json;
    private final InteractionMetrics metrics;

    public InteractionEndpoint(InteractionVerifier verifier, InteractionDispatcher dispatcher, JsonMapper json, InteractionMetrics metrics) {
        this.verifier = verifier;
        this.dispatcher = dispatcher;
        this.json = json;
        this.metrics = metrics;
    }

    /** The answer to a request with these signature headers (either may be null) and body bytes. */
    public CompletableFuture<Answer> answer(String signature, String timestamp, byte[] raw) {
        Verdict verdict = verifier.verify(signature, timestamp, raw);
        if (verdict != Verdict.VALID) {
            LOG.debug("refused an interaction: {}", verdict);
            metrics.refused(verdict);
            return refuse(HttpStatus.UNAUTHORIZED, "invalid request signature");
        }
        Optional<Interaction> interaction = parse(raw);
        if (interaction.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "the body is not an interaction (malformed JSON)");
        }
        Optional<InteractionType> type = InteractionType.of(interaction.get().type());
        if (type.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "unknown interaction type " + interaction.get().type());
        }
        return dispatcher.dispatch(type.get(), interaction.get(), raw).thenApply(response -> new Answer(HttpStatus.OK, response));
    }

    /** An error answer shaped like every other: {@code {"error": reason}}. */
    public static Answer error(HttpStatus status, String reason) {
        return new Answer(status, Map.of("error", reason));
    }

    private Optional<Interaction> parse(byte[] raw) {
        try {
            return Optional.ofNullable(json.readValue(raw, Interaction.class));
        } catch (Exception malformed) {
            // Any parse failure of a client's bytes is the client's problem: 400, never 500.
            return Optional.empty();
        }
    }

    private static CompletableFuture<Answer> refuse(HttpStatus status, String reason) {
        return CompletableFuture.completedFuture(error(status, reason));
    }
}
