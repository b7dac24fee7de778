package dev.botty.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code simulate attack [--url URL] [--key FILE] [--seconds N] [--kind KIND=COUNT ...]} — runs
 * {@link HostileClients} against an endpoint while {@link PingProbe} sends a signed PING every
 * 100 ms, then prints one line per attack and one for the PINGs. Exit status 0 when every PING was
 * answered within Discord's three seconds. The bench runs it against botty and the Node reference
 * alike ({@code benchmarks/hostile.sh}).
 */
final class Attack {
    private Attack() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        URI url = URI.create("http://127.0.0.1:8080/interactions");
        Path keyFile = Path.of(".botty/local/signing-key");
        Duration length = Duration.ofSeconds(30);
        Map<HostileClients.Kind, Integer> mix = HostileClients.standardMix();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--url" -> url = URI.create(args.get(++i));
                case "--key" -> keyFile = Path.of(args.get(++i));
                case "--seconds" -> length = Duration.ofSeconds(Long.parseLong(args.get(++i)));
                case "--kind" -> {
                    String[] kind = args.get(++i).split("=", 2);
                    mix.put(HostileClients.Kind.valueOf(kind[0].toUpperCase(java.util.Locale.ROOT).replace('-', '_')), Integer.parseInt(kind[1]));
                }
                default -> {
                    err.println("usage: simulate attack [--url URL] [--key FILE] [--seconds N] [--kind KIND=COUNT ...]");
                    return 2;
                }
            }
        }
        SigningKey key = SigningKey.read(keyFile);
        InetSocketAddress target = new InetSocketAddress(url.getHost(), url.getPort());
        PingProbe probe = PingProbe.start(target, url.getPath(), key, Duration.ofMillis(100));
        try (HostileClients attack = HostileClients.start(target, url.getPath(), mix)) {
            try {
                Thread.sleep(length);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            attack.tallies().forEach((kind, tally) -> out.println("attack " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + tally));
        } finally {
            probe.close();
        }
        PingProbe.Summary pings = probe.summary();
        out.println("pings " + pings);
        return pings.answered() == pings.sent() ? 0 : 1;
    }
}
