package dev.botty.interactions.status;

import io.micronaut.http.HttpResponse;
import dev.botty.service.status.HtmlPages;
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

    @Get(produces = HtmlPages.TYPE)
    public CompletableFuture<HttpResponse<String>> page() {
        return report.now().thenApply(status -> HtmlPages.ok(StatusPage.render(status, clock.instant())));
    }
}
