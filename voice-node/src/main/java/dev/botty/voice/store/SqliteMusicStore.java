package dev.botty.voice.store;

import dev.botty.voice.queue.FilterPreset;
import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link MusicStore} in a SQLite file (schema: {@code db/migration}). A guild is one row in
 * {@code guild} and its tracks are rows in {@code track}: position 0 the current track, 1… the
 * queue.
 *
 * <p>One connection, one caller at a time. SQLite lets one writer in at a time whatever the number
 * of connections, and every call here is a short transaction (a save of a 100-track queue is well
 * under a millisecond, docs/benchmarks.md), so a pool would add a dependency and threads waiting on
 * SQLite's lock instead of this monitor, and nothing else. One connection also keeps the statements
 * prepared once for the life of the store.
 */
public final class SqliteMusicStore implements MusicStore {
    private static final String GUILD_COLUMNS =
            "guild_id, voice_channel_id, text_channel_id, now_playing_message_id, position_ms, paused, loop_mode, volume, filter, autoplay";
    private static final String TRACK_COLUMNS =
            "guild_id, position, encoded, title, author, uri, length_ms, seekable, source_name, requester_id";

    private final Path file;
    private final Connection connection;
    private final PreparedStatement upsertGuild;
    private final PreparedStatement deleteTracks;
    private final PreparedStatement insertTrack;
    private final PreparedStatement updatePosition;
    private final PreparedStatement selectGuild;
    private final PreparedStatement selectTracks;
    private final PreparedStatement selectActiveGuilds;
    private final PreparedStatement selectAllTracks;
    private final PreparedStatement insertPlayed;
    private final PreparedStatement trimPlayed;
    private final PreparedStatement selectPlayed;
    private final PreparedStatement deleteSessions;
    private final PreparedStatement insertSession;
    private final PreparedStatement selectSessions;
    private boolean closed;

    private SqliteMusicStore(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        upsertGuild = connection.prepareStatement("INSERT INTO guild (" + GUILD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (guild_id) DO UPDATE SET voice_channel_id = excluded.voice_channel_id,"
                + " text_channel_id = excluded.text_channel_id, now_playing_message_id = excluded.now_playing_message_id,"
                + " position_ms = excluded.position_ms, paused = excluded.paused, loop_mode = excluded.loop_mode,"
                + " volume = excluded.volume, filter = excluded.filter, autoplay = excluded.autoplay");
        deleteTracks = connection.prepareStatement("DELETE FROM track WHERE guild_id = ?");
        insertTrack = connection.prepareStatement("INSERT INTO track (" + TRACK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updatePosition = connection.prepareStatement("UPDATE guild SET position_ms = ? WHERE guild_id = ?");
        selectGuild = connection.prepareStatement("SELECT " + GUILD_COLUMNS + " FROM guild WHERE guild_id = ?");
        selectTracks = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " FROM track WHERE guild_id = ? ORDER BY position");
        // The same rule as GuildSnapshot.active(): in voice, or with a current track or a queue,
        // both of which are rows in track.
        selectActiveGuilds = connection.prepareStatement("SELECT " + GUILD_COLUMNS + " FROM guild g"
                + " WHERE g.voice_channel_id <> 0 OR EXISTS (SELECT 1 FROM track t WHERE t.guild_id = g.guild_id) ORDER BY g.guild_id");
        // Every track belongs to an active guild, by that same rule.
        selectAllTracks = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " FROM track ORDER BY guild_id, position");
        // The same columns as track, so a played track reads back as a queued one.
        insertPlayed = connection.prepareStatement("INSERT INTO played (guild_id, seq, played_at, encoded, title, author, uri, length_ms,"
                + " seekable, source_name, requester_id) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM played WHERE guild_id = ?");
        deleteSessions = connection.prepareStatement("DELETE FROM lavalink_session");
        insertSession = connection.prepareStatement("INSERT INTO lavalink_session (node, session_id) VALUES (?, ?)");
        selectSessions = connection.prepareStatement("SELECT node, session_id FROM lavalink_session ORDER BY node");
        trimPlayed = connection.prepareStatement("DELETE FROM played WHERE guild_id = ? AND seq <= (SELECT MAX(seq) FROM played WHERE guild_id = ?) - ?");
        selectPlayed = connection.prepareStatement("SELECT guild_id, seq, encoded, title, author, uri, length_ms, seekable, source_name,"
                + " requester_id FROM played WHERE guild_id = ? ORDER BY seq DESC LIMIT ?");
    }

    /**
     * Opens (or creates) the store's file and brings its schema up to date.
     *
     * @throws dev.botty.service.settings.ConfigException in one line naming {@code DATA_DIR} and the path,
     *         when the directory or the file cannot be used
     */
    public static SqliteMusicStore open(Path file) {
        Connection connection = SqliteDatabase.open(file);
        try {
            return new SqliteMusicStore(file.toAbsolutePath(), connection);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException("preparing the store's statements on " + file + " failed", e);
        }
    }

    @Override
    public synchronized void save(GuildSnapshot snapshot) {
        inTransaction("saving guild " + snapshot.guildId(), () -> {
            long guildId = snapshot.guildId();
            upsertGuild.setLong(1, guildId);
            upsertGuild.setLong(2, snapshot.voiceChannelId());
            upsertGuild.setLong(3, snapshot.textChannelId());
            upsertGuild.setLong(4, snapshot.nowPlayingMessageId());
            upsertGuild.setLong(5, snapshot.positionMs());
            upsertGuild.setInt(6, snapshot.paused() ? 1 : 0);
            upsertGuild.setString(7, snapshot.loop().key());
            upsertGuild.setInt(8, snapshot.volume());
            upsertGuild.setString(9, snapshot.filter().key());
            upsertGuild.setInt(10, snapshot.autoplay() ? 1 : 0);
            upsertGuild.executeUpdate();

            deleteTracks.setLong(1, guildId);
            deleteTracks.executeUpdate();
            if (snapshot.current() != null) {
                addTrack(guildId, 0, snapshot.current());
            }
            List<QueuedTrack> queue = snapshot.queue();
            for (int i = 0; i < queue.size(); i++) {
                addTrack(guildId, i + 1, queue.get(i));
            }
            if (snapshot.current() != null || !queue.isEmpty()) {
                insertTrack.executeBatch();
            }
            return null;
        });
    }

    private void addTrack(long guildId, int position, QueuedTrack track) throws SQLException {
        insertTrack.setLong(1, guildId);
        insertTrack.setInt(2, position);
        insertTrack.setString(3, track.encoded());
        insertTrack.setString(4, track.title());
        insertTrack.setString(5, track.author());
        String uri = track.uri();
        if (uri == null) {
            insertTrack.setNull(6, Types.VARCHAR);
        } else {
            insertTrack.setString(6, uri);
        }
        insertTrack.setLong(7, track.lengthMs());
        insertTrack.setInt(8, track.seekable() ? 1 : 0);
        insertTrack.setString(9, track.sourceName());
        insertTrack.setLong(10, track.requesterId());
        insertTrack.addBatch();
    }

    @Override
    public synchronized void savePosition(long guildId, long positionMs) {
        inTransaction("saving guild " + guildId + "'s position", () -> {
            updatePosition.setLong(1, positionMs);
            updatePosition.setLong(2, guildId);
            updatePosition.executeUpdate();
            return null;
        });
    }

    @Override
    public synchronized void recordPlayed(long guildId, QueuedTrack track, Instant at) {
        inTransaction("recording what guild " + guildId + " played", () -> {
            insertPlayed.setLong(1, guildId);
            insertPlayed.setLong(2, at.toEpochMilli());
            insertPlayed.setString(3, track.encoded());
            insertPlayed.setString(4, track.title());
            insertPlayed.setString(5, track.author());
            if (track.uri() == null) {
                insertPlayed.setNull(6, Types.VARCHAR);
            } else {
                insertPlayed.setString(6, track.uri());
            }
            insertPlayed.setLong(7, track.lengthMs());
            insertPlayed.setInt(8, track.seekable() ? 1 : 0);
            insertPlayed.setString(9, track.sourceName());
            insertPlayed.setLong(10, track.requesterId());
            insertPlayed.setLong(11, guildId);
            insertPlayed.executeUpdate();
            trimPlayed.setLong(1, guildId);
            trimPlayed.setLong(2, guildId);
            trimPlayed.setInt(3, HISTORY);
            trimPlayed.executeUpdate();
            return null;
        });
    }

    @Override
    public synchronized void saveLavalinkSessions(Map<String, String> sessions) {
        inTransaction("saving the Lavalink sessions", () -> {
            deleteSessions.executeUpdate();
            for (Map.Entry<String, String> session : sessions.entrySet()) {
                insertSession.setString(1, session.getKey());
                insertSession.setString(2, session.getValue());
                insertSession.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized Map<String, String> lavalinkSessions() {
        return inTransaction("loading the Lavalink sessions", () -> {
            Map<String, String> sessions = new java.util.LinkedHashMap<>();
            try (ResultSet rows = selectSessions.executeQuery()) {
                while (rows.next()) {
                    sessions.put(rows.getString(1), rows.getString(2));
                }
            }
            return Map.copyOf(sessions);
        });
    }

    @Override
    public synchronized List<QueuedTrack> history(long guildId) {
        return inTransaction("loading guild " + guildId + "'s history", () -> {
            selectPlayed.setLong(1, guildId);
            selectPlayed.setInt(2, HISTORY);
            Tracks played = new Tracks();
            try (ResultSet rows = selectPlayed.executeQuery()) {
                while (rows.next()) {
                    played.queue.add(Tracks.track(rows));
                }
            }
            return List.copyOf(played.queue);
        });
    }

    @Override
    public synchronized Optional<GuildSnapshot> load(long guildId) {
        return inTransaction("loading guild " + guildId, () -> {
            GuildRow guild;
            selectGuild.setLong(1, guildId);
            try (ResultSet rows = selectGuild.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                guild = GuildRow.read(rows);
            }
            Tracks tracks = new Tracks();
            selectTracks.setLong(1, guildId);
            try (ResultSet rows = selectTracks.executeQuery()) {
                while (rows.next()) {
                    tracks.add(rows);
                }
            }
            return Optional.of(guild.snapshot(tracks));
        });
    }

    @Override
    public synchronized List<GuildSnapshot> loadActive() {
        return inTransaction("loading the active guilds", () -> {
            Map<Long, Tracks> tracksByGuild = new HashMap<>();
            try (ResultSet rows = selectAllTracks.executeQuery()) {
                while (rows.next()) {
                    tracksByGuild.computeIfAbsent(rows.getLong(1), id -> new Tracks()).add(rows);
                }
            }
            List<GuildSnapshot> active = new ArrayList<>();
            try (ResultSet rows = selectActiveGuilds.executeQuery()) {
                while (rows.next()) {
                    GuildRow guild = GuildRow.read(rows);
                    active.add(guild.snapshot(tracksByGuild.getOrDefault(guild.guildId(), new Tracks())));
                }
            }
            return List.copyOf(active);
        });
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Closing the last connection checkpoints the WAL into the database file and removes it.
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing " + file + " failed", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} as one transaction: committed whole, or rolled back whole and reported. */
    private <T> T inTransaction(String what, Work<T> work) {
        if (closed) {
            throw new IllegalStateException("the music store is closed");
        }
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollBack(e);
            throw new StoreException(what + " in " + file + " failed: " + SqliteDatabase.firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            rollBack(e);
            throw e;
        }
    }

    /** Undoes the transaction that {@code failure} interrupted, so the next call starts clean. */
    private void rollBack(Exception failure) {
        try {
            insertTrack.clearBatch();
            connection.rollback();
        } catch (SQLException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    private record GuildRow(long guildId, long voiceChannelId, long textChannelId, long nowPlayingMessageId, long positionMs,
                            boolean paused, LoopMode loop, int volume, FilterPreset filter, boolean autoplay) {
        static GuildRow read(ResultSet row) throws SQLException {
            String loop = row.getString(7);
            String filter = row.getString(9);
            return new GuildRow(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getInt(6) != 0,
                    LoopMode.fromKey(loop).orElseThrow(() -> new SQLException("unknown loop mode '" + loop + "'")), row.getInt(8),
                    FilterPreset.fromKey(filter).orElseThrow(() -> new SQLException("unknown filter '" + filter + "'")), row.getInt(10) != 0);
        }

        GuildSnapshot snapshot(Tracks tracks) {
            return new GuildSnapshot(guildId, voiceChannelId, textChannelId, nowPlayingMessageId, tracks.current, positionMs, paused,
                    tracks.queue, loop, volume, filter, autoplay);
        }
    }

    /** One guild's track rows, in position order: the current track (position 0) if any, then the queue. */
    private static final class Tracks {
        private @Nullable QueuedTrack current;
        private final List<QueuedTrack> queue = new ArrayList<>();

        /** A track from a row of {@code track} or {@code played}: guild, position or seq, then the track's columns. */
        static QueuedTrack track(ResultSet row) throws SQLException {
            return new QueuedTrack(row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getLong(7),
                    row.getInt(8) != 0, row.getString(9), row.getLong(10));
        }

        void add(ResultSet row) throws SQLException {
            QueuedTrack track = track(row);
            if (row.getInt(2) == 0) {
                current = track;
            } else {
                queue.add(track);
            }
        }
    }
}
