package dev.botty.service.status;

import java.util.concurrent.CompletionStage;

/**
 * What a service reports about itself on its management port: the status as an object (served as
 * JSON at {@code /api/status}) and the same status as a page (at {@code /}). Each service has one
 * bean of this type; {@link StatusEndpoint} and {@link StatusPageController} serve it.
 */
public interface StatusSource {
    /** The status now, serialised as JSON by {@link StatusEndpoint}. */
    CompletionStage<?> status();

    /** The status page now, as HTML. */
    CompletionStage<String> page();
}
