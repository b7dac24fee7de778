package dev.botty.interactions.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.botty.interactions.ClosedPort;
import dev.botty.interactions.TestApp;
import dev.botty.interactions.command.Reply;
import dev.botty.simulator.LoopbackPorts;
import dev.botty.simulator.Simulate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code simulate} command a newcomer uses against local mode. */
class SimulateCliTest {
    private record Run(int exit, String out, String err) {}

    private static Run simulate(List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Simulate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }


    @Test
    void printsAnInlineAnswer(@TempDir Path dir) throws Exception {
        try (TestApp app = TestApp.start()) {
            Path key = dir.resolve("key");
            app.key().writeSeed(key);
            Run run = simulate(List.of("--url", app.baseUri() + "/interactions", "--key", key.toString(),
                    "--discord-port", Integer.toString(LoopbackPorts.free()), "/avatar", "user:80351110224678912"));
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().startsWith("HTTP 200"), run.out());
            assertTrue(run.out().contains("embed/avatars/5.png"), run.out());
        }
    }

    @Test
    void followsADeferredAnswerToItsWebhookEdit(@TempDir Path dir) throws Exception {
        // Held shut while the app starts (which picks ports of its own), free once the simulator binds it.
        ClosedPort reserved = new ClosedPort();
        int discordPort = reserved.port();
        try (reserved; TestApp app = TestApp.start(Map.of("INLINE_BUDGET_MS", "100", "DISCORD_API_URL", "http://127.0.0.1:" + discordPort + "/api/v10"),
                new SlowCommand("slow", Duration.ofMillis(500), Reply.text("finished later")))) {
            Path key = dir.resolve("key");
            app.key().writeSeed(key);
            reserved.close();
            Run run = simulate(List.of("--url", app.baseUri() + "/interactions", "--key", key.toString(),
                    "--discord-port", Integer.toString(discordPort), "/slow"));
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("\"type\" : 5"), run.out());
            assertTrue(run.out().contains("PATCH /api/v10/webhooks/" + TestApp.APPLICATION_ID + "/{token}/messages/@original"), run.out());
            assertTrue(run.out().contains("finished later"), run.out());
        }
    }

    @Test
    void explainsAMissingKey(@TempDir Path dir) throws Exception {
        Run run = simulate(List.of("--key", dir.resolve("absent").toString(), "ping"));
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("start the interactions-api in local mode first"), run.err());
        assertTrue(Files.notExists(dir.resolve("absent")));
    }
}
