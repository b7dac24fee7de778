package dev.botty.service.status;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /} on the management port: the service's status page, rendered by its
 * {@link StatusSource} from the same status as {@code /api/status}. Management endpoints cannot sit
 * at {@code /}, so this is a controller bound to the management port alone; the service's other
 * port never routes it.
 */
@Controller(port = "${endpoints.all.port}")
public final class StatusPageController {
    private final StatusSource source;

    public StatusPageController(StatusSource source) {
        this.source = source;
    }

    @Get(produces = HtmlPages.TYPE)
    public CompletionStage<HttpResponse<String>> page() {
        return source.page().thenApply(HtmlPages::ok);
    }
}
