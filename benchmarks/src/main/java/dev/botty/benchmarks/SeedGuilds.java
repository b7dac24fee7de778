package dev.botty.benchmarks;

import dev.botty.voice.queue.GuildSnapshot;
import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import dev.botty.voice.store.SqliteMusicStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a voice node's {@code botty.db} with guilds that each have a paused track and a queue of
 * realistic tracks, not in voice, so that a node started on it holds them all in memory (it picks
 * up every guild with music at start) without joining any channel. {@code benchmarks/music.sh} compares
 * such a node's heap with an empty one's.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.botty.benchmarks.SeedGuilds DATA_DIR [GUILDS] [QUEUED]</pre>
 */
public final class SeedGuilds {
    private SeedGuilds() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createDirectories(Path.of(args[0]));
        int guilds = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int queued = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        RealisticTracks tracks = new RealisticTracks(20_260_301L);
        try (SqliteMusicStore store = SqliteMusicStore.open(dataDir.resolve("botty.db"))) {
            for (int g = 0; g < guilds; g++) {
                List<QueuedTrack> queue = new ArrayList<>(queued);
                for (int t = 0; t < queued; t++) {
                    queue.add(tracks.track());
                }
                long guildId = 900_000_000_000_000_000L + g;
                store.save(new GuildSnapshot(guildId, 0, 0, 0, tracks.track(), 42_000, true, queue, LoopMode.QUEUE, 80));
            }
        }
        System.out.println("seeded " + guilds + " guilds with " + queued + " queued tracks each in " + dataDir.resolve("botty.db"));
    }
}
