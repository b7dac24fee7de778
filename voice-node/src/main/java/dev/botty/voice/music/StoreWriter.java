package dev.botty.voice.music;

import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.QueuedTrack;
import dev.botty.voice.store.MusicStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes guilds' music to the store off the callers' threads, one write at a time and in the
 * order asked, so a command never waits for the disk and a later state never loses to an earlier.
 */
final class StoreWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

    private final MusicStore store;
    private final Consumer<String> errors;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("music-store").daemon().factory());

    StoreWriter(MusicStore store, Consumer<String> errors) {
        this.store = store;
        this.errors = errors;
    }

    MusicStore store() {
        return store;
    }

    void save(GuildSnapshot snapshot) {
        submit(() -> store.save(snapshot), snapshot.guildId());
    }

    void recordPlayed(long guildId, QueuedTrack track, java.time.Instant at) {
        submit(() -> store.recordPlayed(guildId, track, at), guildId);
    }

    void savePosition(long guildId, long positionMs) {
        submit(() -> store.savePosition(guildId, positionMs), guildId);
    }

    private void submit(Runnable write, long guildId) {
        try {
            writer.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.error("could not store guild {}'s music", guildId, e);
                    errors.accept("could not store a guild's queue: " + e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("store closed; guild {}'s last change not written", guildId);
        }
    }

    /** Waits for every write asked so far (tests, shutdown). */
    void flush() throws InterruptedException {
        java.util.concurrent.CompletableFuture.runAsync(() -> {}, writer).join();
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("music store writes still pending at shutdown");
        }
    }
}
