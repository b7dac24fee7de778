package dev.botty.service.status;

import io.micronaut.http.HttpResponse;

/**
 * The answer for a server-rendered page on a management port (each service's status page): never
 * cached, never content-sniffed, and no scripts or outside resources — the pages are plain HTML
 * with inline styles.
 */
public final class HtmlPages {
    /** What the pages' {@code @Get(produces = …)} declares. */
    public static final String TYPE = "text/html;charset=utf-8";

    private HtmlPages() {}

    public static HttpResponse<String> ok(String html) {
        return HttpResponse.ok(html)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    }
}
