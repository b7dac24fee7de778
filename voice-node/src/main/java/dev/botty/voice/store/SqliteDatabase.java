package dev.botty.voice.store;

import dev.botty.service.settings.ConfigException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file under {@code DATA_DIR}: its directory made and checked, the file opened with
 * botty's settings, the schema migrated to this version. Every way the path can be unusable ends
 * in a {@link ConfigException} whose one line names {@code DATA_DIR} and the path, so an operator
 * sees what to fix instead of a driver's stack trace.
 */
final class SqliteDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    /**
     * How long a statement waits for a lock held by someone else before failing. The node is the
     * only writer; what can hold a lock is an operator's {@code sqlite3} shell or a backup, and
     * waiting out a few seconds of those beats losing a save.
     */
    static final int BUSY_TIMEOUT_MS = 5_000;
    static final String MIGRATIONS = "classpath:db/migration";

    // SQLite's primary result codes (the low byte of an extended one).
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqliteDatabase() {}

    /**
     * Opens {@code file}, creating it and its directory if missing, and migrates its schema.
     * The connection is in manual-commit mode: each use ends in a commit or a rollback.
     */
    static Connection open(Path path) {
        Path file = path.toAbsolutePath();
        Path directory = file.getParent();
        prepareDirectory(directory);
        checkFile(file);
        SQLiteDataSource source = dataSource(file);
        Connection connection = connect(source, file);
        try {
            refuseNewerSchema(source, file);
            migrate(source, file);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw unusable(file, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * WAL: readers never block the writer, and a commit appends to the log instead of rewriting
     * pages. {@code synchronous=NORMAL} is WAL's usual pairing: a crash or kill of the process
     * loses nothing committed; a power cut may lose the last commits before the next checkpoint,
     * which for a music queue is seconds of history. Foreign keys keep every track tied to its
     * guild.
     */
    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    private static void prepareDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException("DATA_DIR " + directory + " is not a directory");
        } catch (AccessDeniedException e) {
            throw new ConfigException("DATA_DIR " + directory + " cannot be created: permission denied on " + e.getFile());
        } catch (IOException e) {
            throw new ConfigException("DATA_DIR " + directory + " cannot be created: " + reason(e));
        }
        if (!Files.isWritable(directory)) {
            throw new ConfigException("DATA_DIR " + directory + " is not writable by this user; the voice node keeps its database there");
        }
    }

    private static void checkFile(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ConfigException("DATA_DIR holds " + file + ", which is not a regular file; move it away");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new ConfigException("DATA_DIR holds " + file + ", which is not writable by this user");
        }
    }

    /**
     * Opens the connection; setting WAL reads the file's header, so a file that is not SQLite is
     * found here rather than in the middle of a migration.
     */
    private static Connection connect(SQLiteDataSource source, Path file) {
        try {
            return source.getConnection();
        } catch (SQLException e) {
            throw unusable(file, e);
        }
    }

    /**
     * Flyway would ignore migrations it does not know, and an older node would then write into a
     * schema it does not understand; refuse instead.
     */
    private static void refuseNewerSchema(SQLiteDataSource source, Path file) {
        MigrationInfoService info = flyway(source).info();
        Optional<MigrationVersion> future = Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        if (future.isPresent()) {
            String known = Arrays.stream(info.all())
                    .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                    .map(MigrationInfo::getVersion)
                    .max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion)
                    .orElse("none");
            throw new ConfigException("DATA_DIR holds " + file + " at schema version " + future.get().getVersion()
                    + ", newer than this voice node knows (" + known + "); run a voice node at least as new, or restore a backup");
        }
    }

    private static void migrate(SQLiteDataSource source, Path file) {
        try {
            MigrateResult result = flyway(source).migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("store {}: schema migrated from version {} to {}", file,
                        result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion, result.targetSchemaVersion);
            } else {
                LOG.info("store {}: schema at version {}", file, result.initialSchemaVersion);
            }
        } catch (FlywayException e) {
            LOG.debug("migrating {} failed", file, e);
            throw new ConfigException("DATA_DIR holds " + file + ", whose schema could not be migrated: " + firstLine(e.getMessage()));
        }
    }

    private static Flyway flyway(SQLiteDataSource source) {
        return Flyway.configure(SqliteDatabase.class.getClassLoader())
                .dataSource(source)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load();
    }

    /** One line for an operator, from what SQLite said when the file was opened or first read. */
    private static ConfigException unusable(Path file, SQLException e) {
        return switch (e.getErrorCode() & 0xff) {
            case SQLITE_NOTADB -> new ConfigException("DATA_DIR holds " + file
                    + ", which is not a SQLite database; move it away or set DATA_DIR to another directory");
            case SQLITE_READONLY, SQLITE_PERM -> new ConfigException("DATA_DIR holds " + file + ", which cannot be written: " + firstLine(e.getMessage()));
            case SQLITE_CANTOPEN -> new ConfigException("DATA_DIR holds " + file + ", which cannot be opened: " + firstLine(e.getMessage()));
            default -> new ConfigException("DATA_DIR holds " + file + ", which SQLite cannot use: " + firstLine(e.getMessage()));
        };
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : String.valueOf(e.getMessage());
    }

    static String firstLine(String message) {
        return message == null ? "(no message)" : message.strip().lines().findFirst().orElse("");
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one worth reporting.
        }
    }
}
