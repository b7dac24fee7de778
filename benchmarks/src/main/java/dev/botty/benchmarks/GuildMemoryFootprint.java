package dev.botty.benchmarks;

import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.openjdk.jol.info.GraphLayout;

/**
 * How much heap a voice node holds per guild for 1,000 guilds, each playing one track with 100
 * queued ({@link RealisticTracks}), measured two ways:
 * <ul>
 *   <li>the heap in use after a full collection, before and after building them (what the
 *       process really grows by; run with {@code -XX:+UseSerialGC} so {@code System.gc()} is one
 *       full, compacting collection);</li>
 *   <li>JOL's walk of the object graph (exact sizes of every object reachable from the guilds).</li>
 * </ul>
 * for botty's {@link QueuedTrack} and, for comparison, the same data as a plain eight-component
 * record ({@link PlainTrack}, what {@code QueuedTrack} was before).
 *
 * <pre>java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar dev.botty.benchmarks.GuildMemoryFootprint</pre>
 */
public final class GuildMemoryFootprint {
    static final int GUILDS = 1_000;
    static final int QUEUED = 100;

    /** The track as a record of its eight fields, each text its own String. */
    record PlainTrack(String encoded, String title, String author, String uri, long lengthMs, boolean seekable,
                      String sourceName, long requesterId) {
        static PlainTrack of(RealisticTracks tracks) {
            QueuedTrack track = tracks.track();
            // Fresh strings, as decoding Lavalink's JSON gives them.
            return new PlainTrack(copy(track.encoded()), copy(track.title()), copy(track.author()), copy(track.uri()),
                    track.lengthMs(), track.seekable(), copy(track.sourceName()), track.requesterId());
        }

        private static String copy(String text) {
            return text == null ? null : new String(text.toCharArray());
        }
    }

    /** {@link GuildSnapshot} with {@link PlainTrack}s. */
    record PlainGuild(long guildId, long voiceChannelId, long textChannelId, long nowPlayingMessageId, PlainTrack current,
                      long positionMs, boolean paused, List<PlainTrack> queue, LoopMode loop, int volume) {}

    private GuildMemoryFootprint() {}

    public static void main(String[] args) {
        // JOL reads field offsets through Unsafe, which refuses record classes unless told to find them another way.
        System.setProperty("jol.magicFieldOffset", "true");
        System.out.printf(Locale.ROOT, "%d guilds, 1 current + %d queued tracks each; java %s, %s%n", GUILDS, QUEUED,
                Runtime.version(), String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        RealisticTracks sample = new RealisticTracks(1);
        QueuedTrack track = sample.track();
        System.out.printf(Locale.ROOT, "a track: encoded %d chars, title %d, author %d, uri %d%n",
                track.encoded().length(), track.title().length(), track.author().length(), track.uri().length());

        measure("QueuedTrack (botty)", i -> {
            RealisticTracks tracks = new RealisticTracks(i);
            return tracks.playingGuild(i, QUEUED);
        });
        measure("PlainTrack (8-field record)", i -> {
            RealisticTracks tracks = new RealisticTracks(i);
            List<PlainTrack> queue = new ArrayList<>(QUEUED);
            PlainTrack current = PlainTrack.of(tracks);
            for (int t = 0; t < QUEUED; t++) {
                queue.add(PlainTrack.of(tracks));
            }
            return new PlainGuild(i, i + 1, i + 2, i + 3, current, 60_000, false, List.copyOf(queue), LoopMode.OFF, 100);
        });
    }

    private static void measure(String name, IntFunction<Object> guild) {
        long before = usedAfterFullGc();
        List<Object> guilds = new ArrayList<>(GUILDS);
        for (int i = 0; i < GUILDS; i++) {
            guilds.add(guild.apply(i));
        }
        long after = usedAfterFullGc();
        long walked = jolTotal(guilds);
        System.out.printf(Locale.ROOT, "%-28s heap growth %6.1f KB/guild   object graph (JOL) %s%n", name,
                (after - before) / 1024.0 / GUILDS, walked < 0 ? "n/a" : String.format(Locale.ROOT, "%6.1f KB/guild", walked / 1024.0 / GUILDS));
        Reference.reachabilityFence(guilds);
    }

    private static long jolTotal(List<Object> guilds) {
        try {
            return GraphLayout.parseInstance(guilds.toArray()).totalSize();
        } catch (RuntimeException e) {
            System.out.println("JOL could not walk the graph: " + e);
            return -1;
        }
    }

    private static long usedAfterFullGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
