package dev.botty.voice.music;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botty.internal.MusicReply;
import dev.botty.internal.MusicRequest;
import dev.botty.internal.MusicSuggestions;
import dev.botty.simulator.FakeDiscord;
import dev.botty.simulator.FakeGateway;
import dev.botty.simulator.FakeLavalink;
import dev.botty.simulator.LoopbackPorts;
import dev.botty.simulator.SimulatedGuild;
import dev.botty.voice.command.MusicCommand;
import dev.botty.voice.config.VoiceNodeConfig.GatewayConfig;
import dev.botty.voice.config.VoiceNodeConfig.MusicConfig;
import dev.botty.voice.config.VoiceNodeConfig;
import dev.botty.voice.gateway.VoiceGateway;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A voice node playing music in a simulated world: Discord (REST and gateway, one guild with
 * people in voice) and a Lavalink server, all on loopback, with a clock the test moves. The node
 * can be stopped and started again on the same data directory, as after a restart.
 */
public final class MusicWorld implements AutoCloseable {
    /** A bot token whose first part is the simulator bot's id, as real tokens begin with the bot's id. */
    public static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.simulated.token";
    /** Generous: JDA resends a voice connect only every 10 s when the gateway was reconnecting as it asked. */
    public static final Duration TIMEOUT = Duration.ofSeconds(25);
    public static final Duration IDLE = Duration.ofMinutes(10);
    public static final Duration ALONE = Duration.ofSeconds(30);
    public static final String SECRET = "a shared secret of more than thirty-two characters";

    public static final long GUILD = 41771983423143937L;
    public static final long GENERAL = 41771983423143938L;
    public static final long LOUNGE = 41771983423143939L;
    public static final long MUSIC = 41771983423143940L;
    public static final long EMPTY_ROOM = 41771983423143941L;
    public static final long ALICE = 80351110224678912L;
    public static final long BOB = 80351110224678913L;
    public static final long CAROL = 80351110224678915L;
    public static final long JUKEBOX = 80351110224678914L;

    /** View, send messages, embed links, connect, speak, set voice channel status. */
    static final long PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 20) | (1L << 21) | (1L << 48);

    final FakeDiscord discord;
    final FakeGateway gateway;
    final FakeLavalink lavalink;
    final MutableClock clock = new MutableClock(Instant.now());
    final Path dataDir;
    private ApplicationContext node;
    private final List<Object> extraBeans = new java.util.ArrayList<>();
    private final Map<String, Object> properties = new java.util.HashMap<>();
    public int port;
    public int managementPort;

    private MusicWorld(Path dataDir) throws Exception {
        this.dataDir = dataDir;
        this.discord = FakeDiscord.start(0).requireBotToken(TOKEN);
        this.gateway = FakeGateway.start(TOKEN).voiceEndpoint("voice.simulator.invalid:443");
        discord.gatewayUrl(gateway.url());
        gateway.addGuild(new SimulatedGuild(GUILD, "Homelab")
                .everyonePermissions(PERMISSIONS)
                .member(ALICE, "alice")
                .member(BOB, "bob")
                .member(CAROL, "carol")
                .botMember(JUKEBOX, "jukebox")
                .textChannel(GENERAL, "general")
                .voiceChannel(LOUNGE, "Lounge")
                .voiceChannel(MUSIC, "Music")
                .voiceChannel(EMPTY_ROOM, "Empty room")
                .inVoice(ALICE, LOUNGE)
                .inVoice(BOB, LOUNGE)
                .inVoice(JUKEBOX, MUSIC));
        this.lavalink = FakeLavalink.start();
    }

    /** The world, with a node started and ready. */

    /** The world with a node started with these extra beans (test commands, say). */
    public static MusicWorld start(Path dataDir, Object... beans) throws Exception {
        return start(new MusicWorld(dataDir).with(beans));
    }

    public FakeDiscord discord() {
        return discord;
    }

    public FakeLavalink lavalink() {
        return lavalink;
    }

    /** The world without a node yet: add beans and properties, then {@link #start(MusicWorld)}. */
    public static MusicWorld prepare(Path dataDir) throws Exception {
        return new MusicWorld(dataDir);
    }

    static MusicWorld start(MusicWorld world) throws Exception {
        try {
            world.startNode();
        } catch (Exception | Error e) {
            world.close();
            throw e;
        }
        return world;
    }

    VoiceNodeConfig config() {
        return new VoiceNodeConfig(
                new GatewayConfig(TOKEN, URI.create(discord.apiUrl()), Optional.of(gateway.uri()), 0, 1),
                new MusicConfig(List.of(lavalink.uri()), lavalink.password(), List.of("ytsearch", "scsearch"), IDLE, ALONE, djRole),
                new VoiceNodeConfig.StoreConfig(dataDir),
                new VoiceNodeConfig.ApiConfig(SECRET));
    }

    /** The DJ role the next {@link #startNode()} configures ({@code DJ_ROLE_ID}); none by default. */
    java.util.OptionalLong djRole = java.util.OptionalLong.empty();

    /** Runs a command as {@code user} with these roles typed it in #general. */
    MusicReply runWithRoles(long user, List<Long> roles, String command, Map<String, String> options) throws Exception {
        return command(command).run(new MusicRequest(GUILD, GENERAL, user, "en-US", command, options, null, roles)).toCompletableFuture()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Beans the next {@link #startNode()} adds (test commands, say). */
    MusicWorld with(Object... beans) {
        extraBeans.addAll(List.of(beans));
        return this;
    }

    /** Configuration properties for the next {@link #startNode()}. */
    MusicWorld property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Starts the node, its internal API and management port, and waits for its gateway and its Lavalink connection. */
    void startNode() throws Exception {
        startNode(true);
    }

    /** Starts the node and waits for its gateway, and for Lavalink only when asked. */
    public void startNode(boolean awaitLavalink) throws Exception {
        // Both ports were free a moment ago; if another socket takes one before the server binds
        // it, the node starts again on others.
        node = LoopbackPorts.retryWhileTaken(() -> {
            int[] ports = LoopbackPorts.free(2);
            port = ports[0];
            managementPort = ports[1];
            Map<String, Object> all = new java.util.HashMap<>(properties);
            all.put("micronaut.server.port", port);
            all.put("endpoints.all.port", managementPort);
            ApplicationContext started = ApplicationContext.builder().singletons(config()).singletons(extraBeans.toArray()).properties(all).banner(false).build();
            started.registerSingleton(InstantSource.class, clock);
            started.start();
            try {
                started.getBean(io.micronaut.runtime.server.EmbeddedServer.class).start();
                return started;
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
        });
        if (!node.getBean(VoiceGateway.class).awaitReady(TIMEOUT)) {
            throw new AssertionError("gateway not ready");
        }
        if (awaitLavalink) {
            eventually(() -> jukebox().lavalinkNodes().stream().allMatch(n -> n.state().equals("CONNECTED")), "Lavalink connected");
        }
    }

    /** Stops the node as a shutdown would: the gateway closes, Lavalink's socket closes, the store is flushed. */
    void stopNode() {
        if (node != null) {
            node.close();
            node = null;
        }
    }

    public dev.botty.service.status.RecentErrors errors() {
        return node.getBean(dev.botty.service.status.RecentErrors.class);
    }

    public Jukebox jukebox() {
        return node.getBean(Jukebox.class);
    }

    GuildMusic music() {
        return jukebox().guild(GUILD);
    }

    /** Runs a command as {@code user} typed it in #general. */
    MusicReply run(long user, String command, Map<String, String> options) throws Exception {
        return command(command).run(request(user, command, options, null)).toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every music command bean, as the internal API gets them. */
    java.util.Collection<MusicCommand> commands() {
        return node.getBeansOfType(MusicCommand.class);
    }

    /** The command bean of that name, found as the internal API finds it. */
    private MusicCommand command(String name) {
        return node.getBeansOfType(MusicCommand.class).stream().filter(command -> command.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no music command /" + name));
    }

    MusicReply run(long user, String command) throws Exception {
        return run(user, command, Map.of());
    }

    List<MusicSuggestions.Choice> suggest(long user, String command, String option, String typed) throws Exception {
        return command(command).suggest(request(user, command, Map.of(option, typed), option)).toCompletableFuture()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static MusicRequest request(long user, String command, Map<String, String> options, String focused) {
        return new MusicRequest(GUILD, GENERAL, user, "en-US", command, options, focused);
    }

    /** What the node reports about itself, as its status page and {@code /v1/status} show it. */
    dev.botty.internal.NodeStatus status() {
        return node.getBean(dev.botty.voice.api.StatusReport.class).now();
    }

    /** The guild's player on the Lavalink stand-in, once it has one. */
    JsonNode player() throws InterruptedException {
        eventually(() -> lavalink.player(GUILD).isPresent(), "a Lavalink player");
        return lavalink.player(GUILD).orElseThrow();
    }

    /** The title of the track Lavalink's player holds, or null. */
    String playingTitle() {
        return lavalink.player(GUILD).map(p -> p.path("track").path("info").path("title").asText(null)).orElse(null);
    }

    /** Waits until Lavalink plays the track with a voice connection, so that its clock moves it along. */
    public void awaitPlaying(String title) throws InterruptedException {
        eventually(() -> title.equals(playingTitle()) && lavalink.player(GUILD).get().path("state").path("connected").asBoolean(),
                "Lavalink playing " + title + " (it plays " + playingTitle() + ")");
    }

    /** Moves Lavalink's clock (tracks progress and end) and the node's clock together. */
    void advance(Duration by) {
        clock.advance(by);
        lavalink.advance(by);
    }

    public static void eventually(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TIMEOUT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        stopNode();
        lavalink.close();
        try {
            gateway.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        discord.close();
    }
}
