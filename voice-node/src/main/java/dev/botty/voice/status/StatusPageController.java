package dev.botty.voice.status;

import dev.botty.service.status.StatusHtml;
import dev.botty.service.status.HtmlPages;
import dev.botty.voice.api.StatusReport;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.InstantSource;

/**
 * {@code GET /} on the management port: this node's status as a page, the same section the
 * interactions-api's page shows for it. Bound to the management port alone; the internal API's
 * port never routes it.
 */
@Controller(port = "${endpoints.all.port}")
public final class StatusPageController {
    private final StatusReport report;
    private final InstantSource clock;

    public StatusPageController(StatusReport report, InstantSource clock) {
        this.report = report;
        this.clock = clock;
    }

    @Get(produces = HtmlPages.TYPE)
    public HttpResponse<String> page() {
        return HtmlPages.ok(StatusHtml.nodePage(report.now(), clock.instant()));
    }
}
