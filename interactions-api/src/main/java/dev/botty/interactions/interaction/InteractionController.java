package dev.botty.interactions.interaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /interactions}, the service's one public route, on Micronaut's own request path:
 * Micronaut reads the request (pipelining, keep-alive, {@code Expect}, the body limit), this hands
 * the headers and raw body bytes to {@link InteractionEndpoint}.
 */
@Controller
public final class InteractionController {
    private static final String SIGNATURE = "X-Signature-Ed25519";
    private static final String TIMESTAMP = "X-Signature-Timestamp";

    private final InteractionEndpoint endpoint;

    public InteractionController(InteractionEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The headers as a whole rather than two {@code @Header} arguments: one binding, not three. */
    @Post(value = "/interactions", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<byte[]>> receive(HttpHeaders headers, @Nullable @Body byte[] body) {
        return endpoint.answer(headers.get(SIGNATURE), headers.get(TIMESTAMP), body == null ? new byte[0] : body)
                .thenApply(answer -> HttpResponse.<byte[]>status(answer.status())
                        .header(HttpHeaders.DATE, HttpDate.now())
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .body(answer.json()));
    }
}
