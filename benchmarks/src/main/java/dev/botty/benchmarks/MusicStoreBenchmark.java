package dev.botty.benchmarks;

import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.store.SqliteMusicStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The voice node's {@link SqliteMusicStore} on a real file: 1,000 guilds stored, each playing with
 * {@link #queued} tracks queued (realistic tracks, {@link RealisticTracks}); every operation picks
 * the next guild in turn, so each one replaces or reads a guild that is really there.
 * <ul>
 *   <li>{@link #save} — one guild's whole state replaced: the guild row upserted, its track rows
 *       deleted and inserted again (batch), one transaction and commit;</li>
 *   <li>{@link #savePosition} — the position update sent every few seconds while a guild plays;</li>
 *   <li>{@link #load} — one guild with its queue;</li>
 *   <li>{@link #loadActive} — every guild at once, what a restarted node reads.</li>
 * </ul>
 * The file lives under {@code java.io.tmpdir} (set {@code -Djava.io.tmpdir=} to measure another
 * disk); WAL with {@code synchronous=NORMAL} as in production, so a commit writes to the log and
 * does not wait for the disk.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar MusicStore</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx512m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MusicStoreBenchmark {
    static final int GUILDS = 1_000;

    @Param({"100"})
    public int queued;

    private Path directory;
    private SqliteMusicStore store;
    private List<GuildSnapshot> guilds;
    private int next;
    private long position;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        directory = Files.createTempDirectory("botty-store-bench");
        store = SqliteMusicStore.open(directory.resolve("botty.db"));
        RealisticTracks tracks = new RealisticTracks(7);
        guilds = new ArrayList<>(GUILDS);
        for (long id = 1; id <= GUILDS; id++) {
            GuildSnapshot guild = tracks.playingGuild(id << 22, queued);
            guilds.add(guild);
            store.save(guild);
        }
        if (store.loadActive().size() != GUILDS || !store.load(guilds.getLast().guildId()).orElseThrow().equals(guilds.getLast())) {
            throw new IllegalStateException("the store does not give back what was saved; nothing to measure");
        }
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private GuildSnapshot nextGuild() {
        GuildSnapshot guild = guilds.get(next);
        next = (next + 1) % GUILDS;
        return guild;
    }

    @Benchmark
    public void save() {
        store.save(nextGuild());
    }

    @Benchmark
    public void savePosition() {
        store.savePosition(nextGuild().guildId(), position += 5_000);
    }

    @Benchmark
    public Optional<GuildSnapshot> load() {
        return store.load(nextGuild().guildId());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<GuildSnapshot> loadActive() {
        return store.loadActive();
    }
}
