package dev.botty.voice.store;

import dev.botty.voice.config.VoiceNodeConfig.StoreConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

/**
 * Opens the store with the application and closes it on shutdown (which checkpoints the WAL into
 * the database file). Eager and first among the eager beans, so that an unusable {@code DATA_DIR}
 * stops the node in one line before it logs in to Discord.
 */
@Factory
final class StoreBeans {
    @Context
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Bean(preDestroy = "close")
    MusicStore musicStore(StoreConfig config) {
        return SqliteMusicStore.open(config.database());
    }
}
