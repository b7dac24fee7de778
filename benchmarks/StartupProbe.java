import dev.botty.simulator.InteractionBuilder;
import dev.botty.simulator.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time from process start to the first answered request: starts a command, then polls every
 * millisecond with a signed PING until the answer is {@code 200} with {@code "type":1}, and reads
 * the resident memory right then. Several variants (JVM flags, the Node endpoint) are measured
 * in interleaved rounds, each round in a different order, so that a burst of load from a
 * neighbour on this shared machine does not land on one variant only. Prints every run and,
 * per variant, the medians.
 *
 * <p>The key: with {@code --key-file} the probe deletes that file before each start and waits for
 * the process to write a new one (botty's local mode); with {@code --seed-file} the key is known
 * beforehand (the Node endpoint gets its public key from the environment).
 *
 * <p>The poll is a raw HTTP/1.1 request on a socket, warmed up before the first run so the probe's
 * own class loading is not counted; it sleeps a millisecond between tries so it does not take a
 * core from the process it is timing.
 *
 * <pre>
 * java -cp SIMULATOR_CLI_JAR benchmarks/StartupProbe.java --port P --rounds N [--log FILE] \
 *     --variant NAME (--key-file F | --seed-file F) -- COMMAND... [--variant ...]
 * </pre>
 */
public final class StartupProbe {
    private static final long GIVE_UP_NANOS = 60_000_000_000L;
    /** When the port first accepted a connection in the current run; 0 before. */
    private static long firstConnect;

    /** One thing to start: its name, how its key is known, its command line. */
    record Variant(String name, Path keyFile, Path seedFile, List<String> command) {}

    /** What one start measured. */
    record Start(double millis, double portOpenMillis, long rssKb) {}

    private StartupProbe() {}

    public static void main(String[] args) throws Exception {
        int port = 8080;
        int rounds = 5;
        Path log = Path.of("/dev/null");
        List<Variant> variants = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--log" -> log = Path.of(args[++i]);
                case "--variant" -> {
                    String name = args[++i];
                    Path keyFile = null;
                    Path seedFile = null;
                    for (i++; i < args.length && !args[i].equals("--"); i++) {
                        switch (args[i]) {
                            case "--key-file" -> keyFile = Path.of(args[++i]);
                            case "--seed-file" -> seedFile = Path.of(args[++i]);
                            default -> usage("unknown variant flag " + args[i]);
                        }
                    }
                    List<String> command = new ArrayList<>();
                    for (i++; i < args.length && !args[i].equals("--variant"); i++) {
                        command.add(args[i]);
                    }
                    if (command.isEmpty() || (keyFile == null) == (seedFile == null)) {
                        usage("variant " + name + " needs a command and one of --key-file, --seed-file");
                    }
                    variants.add(new Variant(name, keyFile, seedFile, command));
                    continue;
                }
                default -> usage("unknown flag " + args[i]);
            }
            i++;
        }
        if (variants.isEmpty()) {
            usage("no --variant given");
        }
        warmUp(port);
        List<List<Start>> starts = new ArrayList<>();
        variants.forEach(v -> starts.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < variants.size(); k++) {
                int index = (k + round) % variants.size();
                Variant variant = variants.get(index);
                Start start = startOnce(variant, port, log);
                starts.get(index).add(start);
                System.out.printf("round %d %-12s %5.0f ms to first answer (port open at %.0f ms), RSS %d MB%n",
                        round + 1, variant.name(), start.millis(), start.portOpenMillis(), start.rssKb() / 1024);
                Thread.sleep(300);
            }
        }
        for (int k = 0; k < variants.size(); k++) {
            List<Start> runs = starts.get(k);
            System.out.printf("BENCH variant=%s start_ms=%.0f port_open_ms=%.0f rss_after_start_mb=%d%n", variants.get(k).name(),
                    median(runs.stream().map(Start::millis).toList()),
                    median(runs.stream().map(Start::portOpenMillis).toList()),
                    Math.round(median(runs.stream().map(r -> r.rssKb() / 1024.0).toList())));
        }
    }

    private static void usage(String problem) {
        System.err.println("StartupProbe: " + problem + "\nusage: StartupProbe --port P --rounds N [--log FILE] "
                + "--variant NAME (--key-file F | --seed-file F) -- COMMAND... [--variant ...]");
        System.exit(2);
    }

    private static Start startOnce(Variant variant, int port, Path log) throws Exception {
        if (variant.keyFile() != null) {
            Files.deleteIfExists(variant.keyFile());
        }
        firstConnect = 0;
        long started = System.nanoTime();
        Process process = new ProcessBuilder(variant.command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            byte[] ping = null;
            while (true) {
                if (System.nanoTime() - started > GIVE_UP_NANOS || !process.isAlive()) {
                    throw new IllegalStateException("no answer from variant " + variant.name() + " (see " + log + ")");
                }
                if (ping == null) {
                    SigningKey key = variant.keyFile() != null ? readWhenWritten(variant.keyFile()) : SigningKey.read(variant.seedFile());
                    ping = key == null ? null : signedPing(key, port);
                }
                if (ping != null && answersPong(port, ping)) {
                    break;
                }
                Thread.sleep(1);
            }
            long answered = System.nanoTime();
            return new Start((answered - started) / 1e6, (firstConnect - started) / 1e6, rssKb(process.pid()));
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** Loads and compiles the polling path before anything is timed. */
    private static void warmUp(int port) throws IOException {
        SigningKey key = SigningKey.generate();
        for (int i = 0; i < 200; i++) {
            answersPong(port, signedPing(key, port));
        }
    }

    private static SigningKey readWhenWritten(Path file) throws IOException {
        try {
            String seed = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return seed.length() == 64 ? SigningKey.fromSeedHex(seed) : null;
        } catch (NoSuchFileException notYet) {
            return null;
        }
    }

    private static byte[] signedPing(SigningKey key, int port) {
        byte[] body = InteractionBuilder.ping().toJson().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String head = "POST /interactions HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "X-Signature-Ed25519: " + key.sign(timestamp, body) + "\r\n"
                + "X-Signature-Timestamp: " + timestamp + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** One try: true only for a 200 whose body is a PONG. Refused or early-closed connections are false. */
    private static boolean answersPong(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            if (firstConnect == 0) {
                firstConnect = System.nanoTime();
            }
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.startsWith("HTTP/1.1 200") && answer.replace(" ", "").contains("{\"type\":1}");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
