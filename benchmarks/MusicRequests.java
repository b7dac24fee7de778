import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.SigningKey;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes freshly signed interactions for {@code benchmarks/interactions.lua}, for the music round trip
 * in {@code benchmarks/music.sh}: {@code queue} — {@code /queue} (pages 1–3) by the simulated world's
 * user in its guild, which the interactions-api forwards to the voice node — or {@code ping}, the
 * baseline the interactions-api answers itself. One request per line:
 * {@code signature TAB timestamp TAB body}.
 *
 * <pre>java -cp simulator/target/simulator-0.1.0-SNAPSHOT-cli.jar benchmarks/MusicRequests.java KEY_FILE OUT queue|ping [COUNT]</pre>
 */
public final class MusicRequests {
    private MusicRequests() {}

    public static void main(String[] args) throws Exception {
        SigningKey key = SigningKey.read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        boolean queue = args[2].equals("queue");
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                InteractionBuilder interaction = queue
                        ? InteractionBuilder.command("queue").option("page", InteractionBuilder.INTEGER, 1 + i % 3)
                                .inGuild(InteractionBuilder.LOCAL_GUILD_ID)
                        : InteractionBuilder.ping();
                String body = interaction.toJson();
                writer.write(key.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)) + "\t" + timestamp + "\t" + body + "\n");
            }
        }
    }
}
