package dev.botty.interactions.status;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /} on the management port: the {@link StatusPage}, rendered from the same
 * {@link ApiStatus} as {@code /api/status}. Management endpoints cannot sit at {@code /}, so this
 * is a controller bound to the management port alone ({@code port}); the public port never routes it.
 */
@Controller(port = "${endpoints.all.port}")
public final class StatusPageController {
    private final ApiStatusReport report;
    private final Clock clock;

    public StatusPageController(ApiStatusReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML + ";charset=utf-8")
    public CompletableFuture<HttpResponse<String>> page() {
        return report.now().thenApply(status -> HttpResponse.ok(StatusPage.render(status, clock.instant()))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"));
    }
}
