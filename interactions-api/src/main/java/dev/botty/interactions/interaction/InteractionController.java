package dev.botty.interactions.interaction;

import dev.botty.interactions.discord.Interaction;
import dev.botty.interactions.discord.InteractionType;
import dev.botty.interactions.discord.InteractionVerifier;
import dev.botty.interactions.discord.InteractionVerifier.Verdict;
import dev.botty.interactions.status.InteractionMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /interactions}: the only public route. Verifies the signature over the raw bytes,
 * parses, and hands over to the dispatcher. Every refusal is a 4xx with a one-line JSON reason.
 */
@Controller
public final class InteractionController {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionController.class);

    private final InteractionVerifier verifier;
    private final InteractionDispatcher dispatcher;
    private final JsonMapper json;
    private final InteractionMetrics metrics;

    public InteractionController(InteractionVerifier verifier, InteractionDispatcher dispatcher, JsonMapper json, InteractionMetrics metrics) {
        this.verifier = verifier;
        this.metrics = metrics;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @Post(value = "/interactions", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> receive(
            @Nullable @Header("X-Signature-Ed25519") String signature,
            @Nullable @Header("X-Signature-Timestamp") String timestamp,
            @Nullable @Body byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
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
        return dispatcher.dispatch(type.get(), interaction.get(), raw).thenApply(HttpResponse::ok);
    }

    private Optional<Interaction> parse(byte[] raw) {
        try {
            return Optional.ofNullable(json.readValue(raw, Interaction.class));
        } catch (Exception malformed) {
            // Any parse failure of a client's bytes is the client's problem: 400, never 500.
            return Optional.empty();
        }
    }

    private static CompletableFuture<HttpResponse<?>> refuse(HttpStatus status, String reason) {
        return CompletableFuture.completedFuture(HttpResponse.status(status).body(Map.of("error", reason)));
    }
}
