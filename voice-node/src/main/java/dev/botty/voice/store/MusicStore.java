package dev.botty.voice.store;

import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where guilds' music outlives the process. Implementations are thread-safe; each call is one
 * transaction, so a crash leaves either the old or the new state, never a half-written queue. A
 * call that cannot reach the storage throws {@link StoreException} and changes nothing.
 */
public interface MusicStore extends AutoCloseable {
    /** How many played tracks a guild's history keeps. */
    int HISTORY = 50;

    /** Replaces everything stored for the guild with {@code snapshot}. */
    void save(GuildSnapshot snapshot);

    /**
     * Records how far the current track is, without rewriting the queue (called every few
     * seconds while something plays). Does nothing for a guild with nothing stored.
     */
    void savePosition(long guildId, long positionMs);

    /** The guild as last saved, if anything was. */
    Optional<GuildSnapshot> load(long guildId);

    /** Every guild to pick up again after a restart: those whose snapshot is {@link GuildSnapshot#active() active}. */
    List<GuildSnapshot> loadActive();

    /** Adds {@code track} to the guild's history as played {@code at}, keeping the last {@link #HISTORY}. */
    void recordPlayed(long guildId, QueuedTrack track, Instant at);

    /** The guild's history, newest first, at most {@link #HISTORY}. */
    List<QueuedTrack> history(long guildId);

    /** Replaces the Lavalink sessions kept for the next start: node name → session id. */
    void saveLavalinkSessions(java.util.Map<String, String> sessions);

    /** The Lavalink sessions kept at the last stop, node name → session id. */
    java.util.Map<String, String> lavalinkSessions();

    @Override
    void close();
}
