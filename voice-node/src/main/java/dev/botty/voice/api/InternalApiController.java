package dev.botty.voice.api;

import dev.botty.internal.MusicRequest;
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
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The internal API the interactions-api calls (docs/internal-api.md): music commands and their
 * autocomplete as the contract's {@link MusicRequest}, and the node's status, each signed with
 * the shared secret. Never routed publicly. A refusal is a 4xx with a one-line reason; nothing a
 * caller sends makes a 5xx. The signature is checked on the raw bytes before they are read.
 */
@Controller("/v1")
final class InternalApiController {
    private static final byte[] NO_BODY = new byte[0];

    private final RequestCheck check;
    private final CommandDispatcher dispatcher;
    private final StatusReport status;
    private final JsonMapper json;

    InternalApiController(RequestCheck check, CommandDispatcher dispatcher, StatusReport status, JsonMapper json) {
        this.check = check;
        this.dispatcher = dispatcher;
        this.status = status;
        this.json = json;
    }

    /** A music command: answers the contract's {@code MusicReply}. */
    @Post(value = "/commands", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> command(
            @Nullable @Header(RequestSignature.TIMESTAMP_HEADER) String timestamp,
            @Nullable @Header(RequestSignature.SIGNATURE_HEADER) String signature,
            @Nullable @Body byte[] body) {
        return signed(timestamp, signature, body, false, request -> dispatcher.run(request).thenApply(HttpResponse::ok));
    }

    /** The autocomplete of a music command's option: answers the contract's {@code MusicSuggestions}. */
    @Post(value = "/suggestions", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> suggestions(
            @Nullable @Header(RequestSignature.TIMESTAMP_HEADER) String timestamp,
            @Nullable @Header(RequestSignature.SIGNATURE_HEADER) String signature,
            @Nullable @Body byte[] body) {
        return signed(timestamp, signature, body, true, request -> dispatcher.suggest(request).thenApply(HttpResponse::ok));
    }

    @Get(value = "/status", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> status(@Nullable @Header(RequestSignature.TIMESTAMP_HEADER) String timestamp,
                           @Nullable @Header(RequestSignature.SIGNATURE_HEADER) String signature) {
        if (!check.accepts(timestamp, NO_BODY, signature)) {
            return refuse(HttpStatus.UNAUTHORIZED, "invalid request signature");
        }
        return HttpResponse.ok(status.now());
    }

    private CompletableFuture<HttpResponse<?>> signed(@Nullable String timestamp, @Nullable String signature, byte @Nullable [] body,
                                                      boolean autocomplete, Function<MusicRequest, CompletableFuture<HttpResponse<?>>> then) {
        byte[] raw = body == null ? NO_BODY : body;
        if (!check.accepts(timestamp, raw, signature)) {
            return CompletableFuture.completedFuture(refuse(HttpStatus.UNAUTHORIZED, "invalid request signature"));
        }
        MusicRequest request;
        try {
            request = json.readValue(raw, MusicRequest.class);
        } catch (IOException | RuntimeException unreadable) {
            return CompletableFuture.completedFuture(refuse(HttpStatus.BAD_REQUEST, "the body is not a music request"));
        }
        String problem = request == null ? "the body is not a music request" : request.problem();
        if (problem == null && request.autocomplete() != autocomplete) {
            problem = autocomplete ? "a suggestion request must name the focused option" : "a command has no focused option";
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(refuse(HttpStatus.BAD_REQUEST, problem));
        }
        return then.apply(request);
    }

    private static HttpResponse<?> refuse(HttpStatus status, String reason) {
        return HttpResponse.status(status).body(Map.of("error", reason));
    }
}
