package dev.botty.service.guard;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What {@link ConnectionGuardTest} talks to: a route that takes a whole body, one that answers late. */
@Controller
@Requires(property = "guard-test", value = "true")
final class GuardedEndpoints {
    @Post(value = "/echo", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    String echo(@Body byte[] body) {
        return "got " + body.length;
    }

    @Post(value = "/slow", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    CompletableFuture<String> slow(@Body byte[] body) {
        return CompletableFuture.supplyAsync(() -> "late " + body.length, CompletableFuture.delayedExecutor(1_500, TimeUnit.MILLISECONDS));
    }
}
