package dev.botty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code simulate world} — Discord and Lavalink stand-ins that keep running for local mode: the
 * REST API on the local API port (where the services send webhook edits and messages), a gateway
 * a voice node logs into with one guild ("botty local") where the simulator's default user sits in
 * a voice channel, and a Lavalink server whose clock follows the wall clock, so tracks play and
 * end in real time. It writes the settings a voice node needs to {@code world.env} and prints
 * what the bot says in Discord as it happens.
 */
public final class World implements AutoCloseable {
    /** A bot token whose first part is the local application's id, as a real token starts with the bot's id. */
    public static final String BOT_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.local.simulator-token";
    public static final long GUILD = Long.parseLong(InteractionBuilder.LOCAL_GUILD_ID);
    public static final long TEXT_CHANNEL = Long.parseLong(InteractionBuilder.LOCAL_CHANNEL_ID);
    public static final long LOUNGE = 1000000000000000003L;
    public static final long STUDIO = 1000000000000000004L;
    public static final long YOU = Long.parseLong(InteractionBuilder.LOCAL_USER_ID);
    public static final long FRIEND = 1200000000000000002L;
    /** View, send messages, embed links, connect, speak, set voice channel status. */
    static final long PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 20) | (1L << 21) | (1L << 48);
    private static final Duration TICK = Duration.ofMillis(200);

    private final FakeDiscord discord;
    private final FakeGateway gateway;
    private final FakeLavalink lavalink;
    private final FakeLyrics lyrics;
    private final Thread clock;
    private final Thread reporter;

    private World(int discordPort, PrintStream out) throws IOException, InterruptedException {
        discord = FakeDiscord.start(discordPort).requireBotToken(BOT_TOKEN);
        gateway = FakeGateway.start(BOT_TOKEN);
        discord.gatewayUrl(gateway.url());
        gateway.addGuild(new SimulatedGuild(GUILD, "botty local")
                .everyonePermissions(PERMISSIONS)
                .member(YOU, "you")
                .member(FRIEND, "friend")
                .textChannel(TEXT_CHANNEL, "general")
                .voiceChannel(LOUNGE, "Lounge")
                .voiceChannel(STUDIO, "Studio")
                .inVoice(YOU, LOUNGE)
                .inVoice(FRIEND, LOUNGE));
        lavalink = FakeLavalink.start();
        lyrics = FakeLyrics.start();
        clock = Thread.ofPlatform().name("world-clock").daemon().start(this::followWallClock);
        reporter = Thread.ofPlatform().name("world-reporter").daemon().start(() -> report(out));
    }

    public static World start(int discordPort, PrintStream out) throws IOException, InterruptedException {
        return new World(discordPort, out);
    }

    public FakeDiscord discord() {
        return discord;
    }

    public FakeGateway gateway() {
        return gateway;
    }

    public FakeLavalink lavalink() {
        return lavalink;
    }

    /** The voice node's settings for this world, one {@code NAME=value} per line. */
    public String voiceNodeEnvironment() {
        return String.join("\n",
                "DISCORD_BOT_TOKEN=" + BOT_TOKEN,
                "DISCORD_API_URL=" + discord.apiUrl(),
                "DISCORD_GATEWAY_URL=" + gateway.url(),
                "LAVALINK_URLS=" + lavalink.uri(),
                "LAVALINK_PASSWORD=" + lavalink.password()) + "\n";
    }

    /** Where the interactions-api finds the lyrics stand-in ({@code LYRICS_API_URL}), a line of the same file. */
    public String interactionsEnvironment() {
        return "LYRICS_API_URL=" + lyrics.uri() + "\n";
    }

    private void followWallClock() {
        long last = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            lavalink.advance(Duration.ofNanos(now - last));
            last = now;
        }
    }

    /** Prints each message the bot posts or edits, and each answer edited in, as Discord would show them. */
    private void report(PrintStream out) {
        int seen = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                return;
            }
            List<FakeDiscord.Call> calls = discord.calls();
            for (FakeDiscord.Call call : calls.subList(seen, calls.size())) {
                describe(call, out);
            }
            seen = calls.size();
        }
    }

    private static void describe(FakeDiscord.Call call, PrintStream out) {
        if (call.isRateLimited() || call.body().isEmpty() || call.method().equals("GET")) {
            return;
        }
        String where;
        if (call.path().contains("/webhooks/")) {
            where = "answer (edited in)";
        } else if (call.path().endsWith("/voice-status")) {
            String status = call.json().path("status").asText("");
            out.println("[discord] voice channel status: " + (status.isEmpty() ? "(cleared)" : status));
            return;
        } else if (call.path().contains("/messages")) {
            where = call.method().equals("POST") ? "message posted in #general" : "message edited in #general";
        } else {
            return;
        }
        JsonNode json = call.json();
        StringBuilder text = new StringBuilder(json.path("content").asText(""));
        for (JsonNode embed : json.path("embeds")) {
            text.append(text.isEmpty() ? "" : " ").append("[").append(embed.path("title").asText()).append("] ")
                    .append(embed.path("description").asText().replace('\n', ' '));
        }
        out.println("[discord] " + where + ": " + text);
    }

    @Override
    public void close() throws InterruptedException {
        clock.interrupt();
        reporter.interrupt();
        lavalink.close();
        lyrics.close();
        gateway.close();
        discord.close();
    }

    /** Runs the world until the process is stopped, after writing the voice node's settings to {@code envFile}. */
    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        int port = 8089;
        Path envFile = Path.of(".botty/local/world.env");
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--discord-port" -> port = Integer.parseInt(args.get(++i));
                case "--env-file" -> envFile = Path.of(args.get(++i));
                default -> {
                    err.println("usage: simulate world [--discord-port PORT] [--env-file FILE]");
                    return 2;
                }
            }
        }
        World world;
        try {
            world = start(port, out);
        } catch (java.net.BindException busy) {
            err.println("simulate world: port " + port + " is busy (another world or local mode running?)");
            return 1;
        }
        Files.createDirectories(envFile.toAbsolutePath().getParent());
        Path partial = envFile.resolveSibling(envFile.getFileName() + ".tmp");
        Files.writeString(partial, world.voiceNodeEnvironment() + world.interactionsEnvironment());
        Files.move(partial, envFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println("simulate world: Discord on " + world.discord.apiUrl() + ", gateway " + world.gateway.url() + ", Lavalink "
                + world.lavalink.uri() + ", lyrics " + world.lyrics.uri() + "; guild 'botty local' with you in the Lounge voice channel");
        CountDownLatch stopped = new CountDownLatch(1);
        Path written = envFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                world.close();
                Files.deleteIfExists(written);
            } catch (Exception ignored) {
                // Shutting down anyway.
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
