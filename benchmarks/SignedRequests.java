import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.SigningKey;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes freshly signed interactions for {@code benchmarks/interactions.lua}: a mix of PING (one in
 * four) and {@code /avatar} in its different shapes, signed with the local key exactly as Discord
 * signs them. One request per line: {@code signature TAB timestamp TAB body}. Line 1 is always a
 * PING and line 2 an {@code /avatar}, which the correctness checks use. Prints the public key.
 *
 * <p>The timestamps are now: the endpoints refuse anything older than five minutes, so this runs
 * right before each measurement.
 *
 * <pre>java -cp simulator/target/simulator-0.1.0-SNAPSHOT-cli.jar benchmarks/SignedRequests.java KEY_FILE OUT [COUNT]</pre>
 */
public final class SignedRequests {
    private SignedRequests() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SignedRequests KEY_FILE OUT [COUNT]");
            System.exit(2);
        }
        SigningKey key = SigningKey.read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String body = interaction(i).toJson();
                String signature = key.sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
                writer.write(signature + "\t" + timestamp + "\t" + body + "\n");
            }
        }
        System.out.println(key.publicKeyHex());
    }

    /** Every fourth a PING; the rest cycle through the ways /avatar is asked. */
    static InteractionBuilder interaction(int i) {
        if (i % 4 == 0) {
            return InteractionBuilder.ping();
        }
        String user = Long.toString(80_351_110_224_678_912L + i);
        return switch (i % 5) {
            // Another user without an avatar: the default one, index from the id.
            case 0 -> InteractionBuilder.command("avatar").userOption("user", user, "user" + i, "0", null);
            // Another user with a still avatar.
            case 1 -> InteractionBuilder.command("avatar").userOption("user", user, "user" + i, "0", "8342729096ea3675442027381ff50dfe");
            // An animated avatar and its server avatar.
            case 2 -> InteractionBuilder.command("avatar")
                    .userOption("user", user, "user" + i, "0", "a_d5efa99b3eeaa7dd43acca82f5692432")
                    .resolvedMember(user, "a_9f5a0e3b4c2d1e8f7a6b5c4d3e2f1a0b")
                    .option("server", InteractionBuilder.BOOLEAN, true);
            // Asking for a server avatar the user does not have.
            case 3 -> InteractionBuilder.command("avatar")
                    .userOption("user", user, "user" + i, "0", "8342729096ea3675442027381ff50dfe")
                    .option("server", InteractionBuilder.BOOLEAN, true);
            // No option: the invoker's own avatar.
            default -> InteractionBuilder.command("avatar").avatar("f2a1e7c0b9d84e3a8c5b6d7e8f9a0b1c");
        };
    }
}
