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
 * {@code POST /interactions} through Micronaut's routing: the requests
 * {@link InteractionChannelHandler} leaves to Micronaut (an {@code Expect: 100-continue}, a
 * compressed body, one pipelined behind a request Micronaut is still answering) arrive here and
 * get the same answer from {@link InteractionEndpoint}.
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
