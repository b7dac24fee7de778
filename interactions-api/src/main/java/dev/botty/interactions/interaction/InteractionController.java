package dev.botty.interactions.interaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /interactions}, the service's one public route, on Micronaut's own request path:
 * Micronaut reads the request (pipelining, keep-alive, {@code Expect}, the body limit), this hands
 * the headers and raw body bytes to {@link InteractionEndpoint}.
 */
@Controller
public final class InteractionController {
    private final InteractionEndpoint endpoint;

    public InteractionController(InteractionEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Post(value = "/interactions", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> receive(
            @Nullable @Header("X-Signature-Ed25519") String signature,
            @Nullable @Header("X-Signature-Timestamp") String timestamp,
            @Nullable @Body byte[] body) {
        return endpoint.answer(signature, timestamp, body == null ? new byte[0] : body)
                .thenApply(answer -> HttpResponse.status(answer.status()).body(answer.body()));
    }
}
