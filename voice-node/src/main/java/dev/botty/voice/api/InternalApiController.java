package dev.botty.voice.api;

import dev.botty.internal.RequestSignature;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The internal API the interactions-api calls (docs/internal-api.md): forwarded music
 * interactions and the node's status, each signed with the shared secret. Never routed publicly.
 * A refusal is a 4xx with a one-line reason; nothing a caller sends makes a 5xx.
 */
@Controller("/v1")
final class InternalApiController {
    private static final byte[] NO_BODY = new byte[0];

    private final RequestCheck check;
    private final CommandDispatcher dispatcher;
    private final StatusReport status;

    InternalApiController(RequestCheck check, CommandDispatcher dispatcher, StatusReport status) {
        this.check = check;
        this.dispatcher = dispatcher;
        this.status = status;
    }

    @Post(value = "/interactions", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> interaction(
            @Nullable @Header(RequestSignature.TIMESTAMP_HEADER) String timestamp,
            @Nullable @Header(RequestSignature.SIGNATURE_HEADER) String signature,
            @Nullable @Body byte[] body) {
        byte[] raw = body == null ? NO_BODY : body;
        if (!check.accepts(timestamp, raw, signature)) {
            return CompletableFuture.completedFuture(refuse(HttpStatus.UNAUTHORIZED, "invalid request signature"));
        }
        return switch (ForwardedInteraction.parse(raw)) {
            case ForwardedInteraction.Parsed.Refused refused -> CompletableFuture.completedFuture(refuse(HttpStatus.BAD_REQUEST, refused.reason()));
            case ForwardedInteraction.Parsed.Request request -> dispatcher.dispatch(request.request())
                    .thenApply(reply -> HttpResponse.ok(reply.toString()).contentType(MediaType.APPLICATION_JSON_TYPE));
        };
    }

    @Get(value = "/status", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> status(@Nullable @Header(RequestSignature.TIMESTAMP_HEADER) String timestamp,
                           @Nullable @Header(RequestSignature.SIGNATURE_HEADER) String signature) {
        if (!check.accepts(timestamp, NO_BODY, signature)) {
            return refuse(HttpStatus.UNAUTHORIZED, "invalid request signature");
        }
        return HttpResponse.ok(status.now());
    }

    private static HttpResponse<?> refuse(HttpStatus status, String reason) {
        return HttpResponse.status(status).body(Map.of("error", reason));
    }
}
