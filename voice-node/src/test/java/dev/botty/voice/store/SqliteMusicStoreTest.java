package dev.botty.voice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.botty.service.settings.ConfigException;
import dev.botty.voice.queue.FilterPreset;
import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against real SQLite files in a temporary directory. */
class SqliteMusicStoreTest {
    /** Lavalink's docs' example track, with its real encoding. */
    static final String NEVER_GONNA = "QAAAjQIAJVJpY2sgQXN0bGV5IC0gTmV2ZXIgR29ubmEgR2l2ZSBZb3UgVXAADlJpY2tBc3RsZXlWRVZPAAAAAAADPCAAC2RRdzR3OVdnWGNRAAEAK2h0dHBzOi8vd3d3LnlvdXR1YmUuY29tL3dhdGNoP3Y9ZFF3NHc5V2dYY1EAB3lvdXR1YmUAAAAAAAAAAA==";
    private static final long GUILD = 41771983423143937L;
    /** The node's migrations, V1 to VN: what a database this node made is at. */
    private static final int MIGRATIONS = migrations();

    private static int migrations() {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path dir;
    private final List<MusicStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(MusicStore::close);
    }

    private Path database() {
        return dir.resolve("data").resolve("botty.db");
    }

    private SqliteMusicStore open() {
        return open(database());
    }

    private SqliteMusicStore open(Path file) {
        SqliteMusicStore store = SqliteMusicStore.open(file);
        opened.add(store);
        return store;
    }

    static QueuedTrack track(int i) {
        return new QueuedTrack(NEVER_GONNA, "Track " + i + " - a title of about forty chars", "Artist " + i,
                "https://www.youtube.com/watch?v=dQw4w9WgX" + (i % 10) + (i % 7), 180_000 + i, true, "youtube", 80351110224678912L + i);
    }

    static List<QueuedTrack> queue(int size) {
        return IntStream.range(0, size).mapToObj(SqliteMusicStoreTest::track).toList();
    }

    private static GuildSnapshot playing(long guildId, int queued) {
        return new GuildSnapshot(guildId, guildId + 3, guildId + 2, guildId + 1, track(1000), 61_500, false, queue(queued), LoopMode.QUEUE, 85);
    }

    @Test
    void keepsTheLavalinkSessionsForTheNextStartReplacingTheLast() {
        SqliteMusicStore store = open();
        assertEquals(java.util.Map.of(), store.lavalinkSessions());
        store.saveLavalinkSessions(java.util.Map.of("lavalink:2333", "old-session", "backup:2333", "other"));
        store.saveLavalinkSessions(java.util.Map.of("lavalink:2333", "la7t3st"));
        store.close();
        assertEquals(java.util.Map.of("lavalink:2333", "la7t3st"), open().lavalinkSessions());
    }

    @Test
    void keepsEachGuildsFilter() {
        SqliteMusicStore store = open();
        GuildSnapshot nightcore = new GuildSnapshot(GUILD, 3, 2, 1, track(1), 1_000, false, queue(2), LoopMode.OFF, 100, FilterPreset.NIGHTCORE);
        store.save(nightcore);
        store.save(GuildSnapshot.fresh(GUILD + 1));
        store.close();
        SqliteMusicStore again = open();
        assertEquals(nightcore, again.load(GUILD).orElseThrow());
        assertEquals(FilterPreset.OFF, again.load(GUILD + 1).orElseThrow().filter());
    }

    @Test
    void keepsTheLastFiftyPlayedNewestFirstAcrossAReopenAndPerGuild() {
        SqliteMusicStore store = open();
        java.time.Instant at = java.time.Instant.parse("2026-12-07T12:00:00Z");
        assertEquals(List.of(), store.history(GUILD));
        for (int i = 0; i < 60; i++) {
            store.recordPlayed(GUILD, track(i), at.plusSeconds(i));
        }
        store.recordPlayed(GUILD + 1, track(7), at);
        store.close();

        SqliteMusicStore again = open();
        List<QueuedTrack> history = again.history(GUILD);
        assertEquals(MusicStore.HISTORY, history.size());
        assertEquals(track(59), history.getFirst());
        assertEquals(track(10), history.getLast());
        assertEquals(List.of(track(7)), again.history(GUILD + 1));
    }

    @Test
    void givesBackEveryFieldAsSaved() {
        QueuedTrack current = new QueuedTrack("not-base64:a stand-in's encoding", "Ünïcödé 音楽 🎵 — עברית", "Sigur Rós",
                null, Long.MAX_VALUE, false, "soundcloud", Long.MAX_VALUE);
        QueuedTrack live = new QueuedTrack("YWJj", "Radio (live)", "", "http://radio.example/stream", 0, false, "http", Long.MIN_VALUE);
        GuildSnapshot saved = new GuildSnapshot(Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - 2, Long.MAX_VALUE - 3,
                current, Long.MAX_VALUE - 4, true, List.of(live, track(1), track(2)), LoopMode.TRACK, 200);
        SqliteMusicStore store = open();

        store.save(saved);

        GuildSnapshot loaded = store.load(Long.MAX_VALUE).orElseThrow();
        assertEquals(saved, loaded);
        assertNull(loaded.current().uri());
        assertEquals("Ünïcödé 音楽 🎵 — עברית", loaded.current().title());
        assertEquals("not-base64:a stand-in's encoding", loaded.current().encoded());
        assertEquals("YWJj", loaded.queue().getFirst().encoded());
        assertTrue(loaded.queue().getFirst().stream());
    }

    @Test
    void givesBackAGuildWithNothingPlaying() {
        SqliteMusicStore store = open();
        GuildSnapshot fresh = GuildSnapshot.fresh(GUILD);
        GuildSnapshot settingsOnly = new GuildSnapshot(GUILD + 1, 0, 0, 0, null, 0, false, List.of(), LoopMode.OFF, 0);

        store.save(fresh);
        store.save(settingsOnly);

        assertEquals(Optional.of(fresh), store.load(GUILD));
        assertEquals(Optional.of(settingsOnly), store.load(GUILD + 1));
        assertEquals(Optional.empty(), store.load(GUILD + 2));
    }

    @Test
    void keepsAHundredTrackQueueInOrder() {
        SqliteMusicStore store = open();
        GuildSnapshot saved = playing(GUILD, 100);

        store.save(saved);

        GuildSnapshot loaded = store.load(GUILD).orElseThrow();
        assertEquals(100, loaded.queue().size());
        assertEquals(saved.queue(), loaded.queue());
        assertEquals(saved, loaded);
    }

    @Test
    void aQueueWithoutACurrentTrackStaysAQueue() {
        SqliteMusicStore store = open();
        GuildSnapshot saved = new GuildSnapshot(GUILD, 0, 5, 0, null, 0, false, queue(3), LoopMode.OFF, 100);

        store.save(saved);

        assertEquals(saved, store.load(GUILD).orElseThrow());
    }

    @Test
    void aSaveReplacesEverythingBefore() {
        SqliteMusicStore store = open();
        store.save(playing(GUILD, 100));
        store.save(playing(GUILD + 1, 10));
        GuildSnapshot replacement = new GuildSnapshot(GUILD, 9, 8, 7, track(42), 1_000, true, List.of(track(43), track(44)), LoopMode.OFF, 30);

        store.save(replacement);

        assertEquals(replacement, store.load(GUILD).orElseThrow());
        assertEquals(playing(GUILD + 1, 10), store.load(GUILD + 1).orElseThrow(), "another guild is left alone");
        store.save(GuildSnapshot.fresh(GUILD));
        assertEquals(GuildSnapshot.fresh(GUILD), store.load(GUILD).orElseThrow());
    }

    @Test
    void savePositionMovesOnlyThePositionAndWritesNoTrack() throws Exception {
        SqliteMusicStore store = open();
        GuildSnapshot saved = playing(GUILD, 100);
        store.save(saved);
        try (Connection watcher = DriverManager.getConnection("jdbc:sqlite:" + database());
                Statement sql = watcher.createStatement()) {
            sql.execute("CREATE TABLE track_writes (kind TEXT)");
            sql.execute("CREATE TRIGGER track_inserted AFTER INSERT ON track BEGIN INSERT INTO track_writes VALUES ('insert'); END");
            sql.execute("CREATE TRIGGER track_deleted AFTER DELETE ON track BEGIN INSERT INTO track_writes VALUES ('delete'); END");

            store.savePosition(GUILD, 123_456);

            assertEquals(0, count(sql, "SELECT count(*) FROM track_writes"), "the queue was not rewritten");
            store.save(saved);
            assertEquals(202, count(sql, "SELECT count(*) FROM track_writes"), "while a save does rewrite it (the check can fail)");
        }
        GuildSnapshot expected = new GuildSnapshot(saved.guildId(), saved.voiceChannelId(), saved.textChannelId(),
                saved.nowPlayingMessageId(), saved.current(), 123_456, saved.paused(), saved.queue(), saved.loop(), saved.volume());
        store.savePosition(GUILD, 123_456);
        assertEquals(expected, store.load(GUILD).orElseThrow());
    }

    @Test
    void savePositionOfAnUnknownGuildStoresNothing() {
        SqliteMusicStore store = open();

        store.savePosition(GUILD, 5_000);

        assertEquals(Optional.empty(), store.load(GUILD));
        assertEquals(List.of(), store.loadActive());
    }

    @Test
    void loadActiveReturnsTheGuildsToPickUpAgainOnly() {
        SqliteMusicStore store = open();
        GuildSnapshot inVoiceOnly = new GuildSnapshot(1, 11, 0, 0, null, 0, false, List.of(), LoopMode.OFF, 100);
        GuildSnapshot currentOnly = new GuildSnapshot(2, 0, 0, 0, track(2), 5, true, List.of(), LoopMode.OFF, 100);
        GuildSnapshot queueOnly = new GuildSnapshot(3, 0, 33, 0, null, 0, false, queue(5), LoopMode.QUEUE, 100);
        GuildSnapshot playing = playing(4, 100);
        GuildSnapshot settingsOnly = new GuildSnapshot(5, 0, 55, 56, null, 0, false, List.of(), LoopMode.TRACK, 50);
        List<GuildSnapshot> all = List.of(settingsOnly, playing, queueOnly, currentOnly, inVoiceOnly);
        all.forEach(store::save);

        List<GuildSnapshot> active = store.loadActive();

        assertEquals(List.of(inVoiceOnly, currentOnly, queueOnly, playing), active);
        assertEquals(all.stream().filter(GuildSnapshot::active).collect(HashSet::new, Set::add, Set::addAll), new HashSet<>(active),
                "the same rule as GuildSnapshot.active()");
        assertEquals(Optional.of(settingsOnly), store.load(5), "an inactive guild keeps its settings");
        store.save(GuildSnapshot.fresh(4));
        assertEquals(List.of(inVoiceOnly, currentOnly, queueOnly), store.loadActive(), "a guild that stopped is no longer picked up");
    }

    @Test
    void everythingIsBackAfterReopening() {
        SqliteMusicStore first = open();
        List<GuildSnapshot> saved = List.of(playing(1, 100), playing(2, 0), GuildSnapshot.fresh(3),
                new GuildSnapshot(4, 0, 0, 0, null, 0, false, List.of(), LoopMode.QUEUE, 7));
        saved.forEach(first::save);
        first.savePosition(1, 99_000);
        first.close();
        assertFalse(Files.exists(database().resolveSibling("botty.db-wal")), "closing checkpoints the write-ahead log into the file");

        SqliteMusicStore second = open();

        GuildSnapshot one = second.load(1).orElseThrow();
        assertEquals(99_000, one.positionMs());
        assertEquals(saved.get(0).queue(), one.queue());
        for (GuildSnapshot guild : saved.subList(1, 4)) {
            assertEquals(Optional.of(guild), second.load(guild.guildId()));
        }
        assertEquals(List.of(1L, 2L), second.loadActive().stream().map(GuildSnapshot::guildId).toList());
    }

    @Test
    void migratesAFreshFileIntoWalMode() throws Exception {
        open().close();

        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database()); Statement sql = raw.createStatement()) {
            try (ResultSet mode = sql.executeQuery("PRAGMA journal_mode")) {
                assertTrue(mode.next());
                assertEquals("wal", mode.getString(1));
            }
            assertEquals(1, count(sql, "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success = 1"));
            assertEquals(2, count(sql, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('guild', 'track')"));
        }
    }

    @Test
    void opensAnAlreadyMigratedFileWithoutMigratingAgain() throws Exception {
        SqliteMusicStore first = open();
        first.save(playing(GUILD, 3));
        first.close();

        SqliteMusicStore second = open();

        assertEquals(playing(GUILD, 3), second.load(GUILD).orElseThrow());
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database()); Statement sql = raw.createStatement()) {
            assertEquals(MIGRATIONS, count(sql, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"), "each migration once");
        }
    }

    @Test
    void refusesADatabaseANewerNodeHasMigrated() throws Exception {
        open().close();
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + database(), null, null)
                .locations(SqliteDatabase.MIGRATIONS, "classpath:db/newer-node")
                .load()
                .migrate();

        ConfigException refused = assertThrows(ConfigException.class, this::open);

        assertEquals("DATA_DIR holds " + database() + " at schema version 1000, newer than this voice node knows (" + MIGRATIONS + ");"
                + " run a voice node at least as new, or restore a backup", refused.getMessage());
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database()); Statement sql = raw.createStatement()) {
            assertEquals(MIGRATIONS + 1, count(sql, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"), "left as it was");
        }
    }

    @Test
    void refusesAFileThatIsNotADatabaseAndLeavesItAlone() throws Exception {
        Files.createDirectories(database().getParent());
        String notes = "These are my notes, not a database.\n".repeat(200);
        Files.writeString(database(), notes);

        ConfigException refused = assertThrows(ConfigException.class, this::open);

        assertEquals("DATA_DIR holds " + database() + ", which is not a SQLite database; move it away or set DATA_DIR to another directory",
                refused.getMessage());
        assertEquals(notes, Files.readString(database(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesADataDirThatIsAFile() throws Exception {
        Path data = dir.resolve("data");
        Files.writeString(data, "a file where the directory should be");

        ConfigException refused = assertThrows(ConfigException.class, this::open);

        assertEquals("DATA_DIR " + data + " is not a directory", refused.getMessage());
    }

    @Test
    void refusesADirectoryItCannotWrite() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(data), "this user writes through permissions (root)");

            ConfigException refused = assertThrows(ConfigException.class, this::open);

            assertEquals("DATA_DIR " + data + " is not writable by this user; the voice node keeps its database there", refused.getMessage());
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void refusesADirectoryItCannotCreate() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(parent), "this user writes through permissions (root)");
            Path file = parent.resolve("data").resolve("botty.db");

            ConfigException refused = assertThrows(ConfigException.class, () -> open(file));

            assertEquals("DATA_DIR " + file.getParent() + " cannot be created: permission denied on " + file.getParent(), refused.getMessage());
        } finally {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFailedSaveChangesNothing() throws Exception {
        SqliteMusicStore store = open();
        GuildSnapshot before = playing(GUILD, 10);
        store.save(before);
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database()); Statement sql = raw.createStatement()) {
            sql.execute("CREATE TRIGGER full_disk BEFORE INSERT ON track WHEN NEW.title = 'boom'"
                    + " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
        }
        List<QueuedTrack> withBoom = new ArrayList<>(queue(50));
        withBoom.add(new QueuedTrack(NEVER_GONNA, "boom", "x", null, 1, true, "youtube", 1));
        GuildSnapshot failing = new GuildSnapshot(GUILD, 1, 2, 3, track(7), 0, true, withBoom, LoopMode.OFF, 10);

        StoreException failure = assertThrows(StoreException.class, () -> store.save(failing));

        assertTrue(failure.getMessage().startsWith("saving guild " + GUILD + " in " + database() + " failed"), failure.getMessage());
        assertEquals(before, store.load(GUILD).orElseThrow(), "the guild row and the queue are as before");
        store.save(playing(GUILD, 2));
        assertEquals(playing(GUILD, 2), store.load(GUILD).orElseThrow(), "and the store goes on working");
    }

    @Test
    void savesFromManyThreadsAtOnce() throws Exception {
        SqliteMusicStore store = open();
        int threads = 8;
        int guildsPerThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 4; round++) {
                        for (int g = 0; g < guildsPerThread; g++) {
                            long guildId = 1_000L * thread + g;
                            store.save(playing(guildId, 10 + round * 10));
                            store.savePosition(guildId, round);
                            store.load(guildId).orElseThrow();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<GuildSnapshot> active = store.loadActive();
        assertEquals(threads * guildsPerThread, active.size());
        for (GuildSnapshot guild : active) {
            GuildSnapshot last = playing(guild.guildId(), 40);
            assertEquals(40, guild.queue().size());
            assertEquals(last.queue(), guild.queue());
            assertEquals(3, guild.positionMs());
        }
    }

    @Test
    void aClosedStoreRefusesWork() {
        SqliteMusicStore store = open();
        store.close();
        store.close();

        assertThrows(IllegalStateException.class, () -> store.save(GuildSnapshot.fresh(GUILD)));
        assertThrows(IllegalStateException.class, () -> store.load(GUILD));
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }
}
