package dev.botty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback stand-in for Discord's gateway (v10, JSON, uncompressed), as far as a voice-only bot
 * uses it: HELLO, IDENTIFY (token, intents and shard checked, with Discord's close codes), READY
 * and one GUILD_CREATE per guild of the shard, heartbeats, RESUME with replay of missed dispatches,
 * and op 4 voice state updates answered with VOICE_STATE_UPDATE then VOICE_SERVER_UPDATE.
 *
 * <p>Tests drive it like Discord's side of the world: {@link #moveUser} and {@link #disconnectUser}
 * dispatch other users' (or the bot's) voice changes, {@link #addGuild} announces a guild joined
 * while connected, {@link #dropConnection}, {@link #requestReconnect} and
 * {@link #invalidateSession} exercise recovery. Every frame both ways is recorded.
 */
public final class FakeGateway implements AutoCloseable {
    public static final int GUILDS = 1;
    public static final int GUILD_VOICE_STATES = 1 << 7;
    /** GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT; refused with 4014 unless allowed. */
    public static final int PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
    /** The bot's user id: the same application {@link FakeDiscord} answers {@code GET /users/@me} for. */
    public static final long BOT_USER_ID = Long.parseLong(InteractionBuilder.LOCAL_APPLICATION_ID);
    public static final String BOT_USERNAME = "botty";

    public static final int DISPATCH = 0;
    public static final int HEARTBEAT = 1;
    public static final int IDENTIFY = 2;
    public static final int PRESENCE_UPDATE = 3;
    public static final int VOICE_STATE_UPDATE = 4;
    public static final int RESUME = 6;
    public static final int RECONNECT = 7;
    public static final int REQUEST_GUILD_MEMBERS = 8;
    public static final int INVALID_SESSION = 9;
    public static final int HELLO = 10;
    public static final int HEARTBEAT_ACK = 11;

    // Gateway close event codes (developers/topics/opcodes-and-status-codes).
    static final int UNKNOWN_ERROR = 4000;
    static final int UNKNOWN_OPCODE = 4001;
    static final int DECODE_ERROR = 4002;
    static final int NOT_AUTHENTICATED = 4003;
    static final int AUTHENTICATION_FAILED = 4004;
    static final int ALREADY_AUTHENTICATED = 4005;
    static final int INVALID_SHARD = 4010;
    static final int INVALID_API_VERSION = 4012;
    static final int INVALID_INTENTS = 4013;
    static final int DISALLOWED_INTENTS = 4014;

    /** Intents Discord defines, 1 << 0 to 1 << 25; anything beyond is refused with 4013. */
    private static final int KNOWN_INTENTS = (1 << 26) - 1;
    private static final String JOINED_AT = "2025-01-01T00:00:00.000000+00:00";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One frame on the wire, seen from the gateway: {@code SENT} to the bot or {@code RECEIVED} from it. */
    public record Frame(Direction direction, String sessionId, JsonNode json) {
        public enum Direction { SENT, RECEIVED }

        public int op() {
            return json.path("op").asInt(-1);
        }

        /** The dispatch name ({@code t}), or null for other ops. */
        public String type() {
            return json.path("t").isTextual() ? json.path("t").asText() : null;
        }

        public JsonNode d() {
            return json.path("d");
        }

        public boolean isDispatch(String name) {
            return op() == DISPATCH && name.equals(type());
        }
    }

    /** A gateway session: survives its connection so that it can be resumed. */
    private static final class Session {
        final String id;
        final int intents;
        final int shardId;
        final int shardCount;
        final List<ObjectNode> dispatched = new ArrayList<>();
        int sequence;
        Connection connection;

        Session(String id, int intents, int shardId, int shardCount) {
            this.id = id;
            this.intents = intents;
            this.shardId = shardId;
            this.shardCount = shardCount;
        }

        boolean covers(long guildId) {
            return (guildId >> 22) % shardCount == shardId;
        }
    }

    private static final class Connection {
        final WebSocket socket;
        Session session;

        Connection(WebSocket socket) {
            this.socket = socket;
        }
    }

    private final String botToken;
    private final Server server;
    private final Map<Long, SimulatedGuild> guilds = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private volatile Duration heartbeatInterval = Duration.ofMillis(41_250);
    private volatile String voiceEndpoint = "voice.simulator.invalid:443";
    private volatile int allowedPrivilegedIntents = 0;
    /** Sends what Java-WebSocket left queued (see {@link WriteNudge}); set once started. */
    private volatile WriteNudge writeNudge;

    private FakeGateway(String botToken) {
        this.botToken = botToken;
        this.server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Starts on a free loopback port, accepting only {@code botToken}. */
    public static FakeGateway start(String botToken) throws InterruptedException {
        FakeGateway gateway = new FakeGateway(botToken);
        gateway.server.setReuseAddr(true);
        // Discord does not send WebSocket pings; keep the wire to what the bot would see from it.
        gateway.server.setConnectionLostTimeout(0);
        gateway.server.setDaemon(true);
        gateway.server.start();
        if (!gateway.server.started.await(10, TimeUnit.SECONDS) || gateway.server.failure != null) {
            throw new IllegalStateException("the gateway stand-in did not start", gateway.server.failure);
        }
        gateway.writeNudge = WriteNudge.start(gateway.server, Duration.ofMillis(5));
        return gateway;
    }

    /** What {@code SessionController.getGateway()} should return: {@code ws://127.0.0.1:PORT/}. */
    public String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/";
    }

    public URI uri() {
        return URI.create(url());
    }

    /** The interval announced in HELLO; Discord's is about 41 s. */
    public FakeGateway heartbeatInterval(Duration interval) {
        this.heartbeatInterval = interval;
        return this;
    }

    /** The {@code endpoint} of VOICE_SERVER_UPDATE; by default a host that cannot resolve. */
    public FakeGateway voiceEndpoint(String endpoint) {
        this.voiceEndpoint = endpoint;
        return this;
    }

    /** Privileged intents the application is "approved" for; others close the connection with 4014. */
    public FakeGateway allowPrivilegedIntents(int intents) {
        this.allowedPrivilegedIntents = intents & PRIVILEGED_INTENTS;
        return this;
    }

    // ---- Discord's side of the world -------------------------------------------------------

    /**
     * Adds a guild the bot is in. Sessions identified later list it in READY; a session already
     * running whose shard holds it receives its GUILD_CREATE now, as when a bot joins a guild.
     */
    public synchronized void addGuild(SimulatedGuild guild) {
        if (guilds.putIfAbsent(guild.id(), guild) != null) {
            throw new IllegalArgumentException("guild " + guild.id() + " already exists");
        }
        for (Session session : sessions.values()) {
            if (session.covers(guild.id()) && (session.intents & GUILDS) != 0) {
                dispatch(session, "GUILD_CREATE", guildCreate(guild));
            }
        }
    }

    /**
     * Moves a user (or the bot, {@link #BOT_USER_ID}) into a voice channel, as if they joined or
     * were dragged there, and dispatches the VOICE_STATE_UPDATE; for the bot also a fresh
     * VOICE_SERVER_UPDATE, since a new channel means a new voice token.
     */
    public synchronized void moveUser(long guildId, long userId, long channelId) {
        SimulatedGuild guild = guild(guildId);
        if (guild.channel(channelId).filter(SimulatedGuild.Channel::isVoice).isEmpty()) {
            throw new IllegalArgumentException(channelId + " is not a voice channel of guild " + guildId);
        }
        if (userId != BOT_USER_ID && !guild.members().containsKey(userId)) {
            throw new IllegalArgumentException(userId + " is not a member of guild " + guildId);
        }
        SimulatedGuild.VoiceState before = guild.voiceStates().get(userId);
        String sessionId = userId == BOT_USER_ID ? botVoiceSession(guildId) : SimulatedGuild.sessionId(userId);
        setVoiceState(guild, userId, new SimulatedGuild.VoiceState(channelId, sessionId,
                before != null && before.selfMute(), before != null && before.selfDeaf()));
    }

    /** Disconnects a user (or the bot) from voice, dispatching VOICE_STATE_UPDATE with a null channel. */
    public synchronized void disconnectUser(long guildId, long userId) {
        SimulatedGuild guild = guild(guildId);
        if (guild.voiceStates().containsKey(userId)) {
            setVoiceState(guild, userId, null);
        }
    }

    /** The voice channel a user (or the bot) sits in, as far as Discord is concerned. */
    public synchronized OptionalLong voiceChannelOf(long guildId, long userId) {
        SimulatedGuild.VoiceState state = guild(guildId).voiceStates().get(userId);
        return state == null ? OptionalLong.empty() : OptionalLong.of(state.channelId());
    }

    /** Closes every live connection's TCP socket without a close frame; sessions stay resumable. */
    public synchronized void dropConnection() {
        for (Session session : sessions.values()) {
            if (session.connection != null) {
                WebSocket socket = session.connection.socket;
                // NIO defers closing a socket registered with a selector until the selector next
                // runs; shutting the socket down sends the FIN now, whatever the selector does.
                if (socket instanceof WebSocketImpl impl && impl.getChannel() instanceof SocketChannel channel) {
                    try {
                        channel.shutdownOutput();
                        channel.shutdownInput();
                    } catch (IOException e) {
                        // Already gone: dropped all the same.
                    }
                }
                socket.closeConnection(1006, "dropped by the simulator");
                // Wake the selector so that it lets go of the cancelled key and the socket.
                server.onWriteDemand(socket);
                session.connection = null;
            }
        }
    }

    /** Sends op 7 RECONNECT: the bot should reconnect and resume. */
    public synchronized void requestReconnect() {
        sendToLiveSessions(op(RECONNECT, JSON.nullNode()));
    }

    /** Sends op 9 INVALID_SESSION; when not resumable, the sessions are forgotten. */
    public synchronized void invalidateSession(boolean resumable) {
        sendToLiveSessions(op(INVALID_SESSION, JSON.booleanNode(resumable)));
        if (!resumable) {
            sessions.clear();
        }
    }

    private void sendToLiveSessions(ObjectNode frame) {
        for (Session session : sessions.values()) {
            if (session.connection != null) {
                send(session.connection, frame);
            }
        }
    }

    // ---- Recorded frames --------------------------------------------------------------------

    public synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** Waits for a frame that matches, already recorded or still to come. */
    public synchronized Frame awaitFrame(Predicate<Frame> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Frame> found = frames.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching frame within " + timeout + "; frames: " + summary());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits for a frame received from the bot with this op. */
    public Frame awaitReceived(int op, Predicate<JsonNode> matchingD, Duration timeout) throws InterruptedException {
        return awaitFrame(f -> f.direction() == Frame.Direction.RECEIVED && f.op() == op && matchingD.test(f.d()), timeout);
    }

    /** Waits for a dispatch sent to the bot. */
    public Frame awaitDispatch(String type, Predicate<JsonNode> matchingD, Duration timeout) throws InterruptedException {
        return awaitFrame(f -> f.direction() == Frame.Direction.SENT && f.isDispatch(type) && matchingD.test(f.d()), timeout);
    }

    private String summary() {
        return frames.stream()
                .map(f -> (f.direction() == Frame.Direction.SENT ? "→" : "←") + f.op() + (f.type() == null ? "" : " " + f.type()))
                .toList()
                .toString();
    }

    // ---- Protocol ---------------------------------------------------------------------------

    private synchronized void opened(WebSocket socket, ClientHandshake handshake) {
        Connection connection = new Connection(socket);
        socket.setAttachment(connection);
        Map<String, String> query = query(URI.create(handshake.getResourceDescriptor()).getRawQuery());
        if (!"10".equals(query.get("v"))) {
            close(connection, INVALID_API_VERSION, "Invalid API version");
        } else if (!"json".equals(query.getOrDefault("encoding", "json")) || query.containsKey("compress")) {
            // Discord would compress; the stand-in speaks plain JSON only, so say so plainly.
            close(connection, DECODE_ERROR, "the simulator speaks uncompressed JSON only (Compression.NONE)");
        } else {
            send(connection, op(HELLO, JSON.objectNode().put("heartbeat_interval", heartbeatInterval.toMillis())));
        }
    }

    private synchronized void received(WebSocket socket, String text) {
        Connection connection = socket.getAttachment();
        JsonNode frame;
        try {
            frame = MAPPER.readTree(text);
        } catch (IOException e) {
            record(Frame.Direction.RECEIVED, connection, JSON.textNode(text));
            close(connection, DECODE_ERROR, "Decode error");
            return;
        }
        record(Frame.Direction.RECEIVED, connection, frame);
        int op = frame.path("op").asInt(-1);
        JsonNode d = frame.path("d");
        switch (op) {
            case HEARTBEAT -> send(connection, JSON.objectNode().put("op", HEARTBEAT_ACK));
            case IDENTIFY -> identify(connection, d);
            case RESUME -> resume(connection, d);
            case VOICE_STATE_UPDATE, PRESENCE_UPDATE, REQUEST_GUILD_MEMBERS -> {
                if (connection.session == null) {
                    close(connection, NOT_AUTHENTICATED, "Not authenticated");
                } else if (op == VOICE_STATE_UPDATE) {
                    voiceStateUpdate(connection.session, d);
                }
            }
            default -> close(connection, UNKNOWN_OPCODE, "Unknown opcode");
        }
    }

    private void identify(Connection connection, JsonNode d) {
        if (connection.session != null) {
            close(connection, ALREADY_AUTHENTICATED, "Already authenticated");
            return;
        }
        if (!tokenMatches(d.path("token").asText(""))) {
            close(connection, AUTHENTICATION_FAILED, "Authentication failed");
            return;
        }
        if (!d.path("intents").canConvertToInt() || (d.path("intents").asInt() & ~KNOWN_INTENTS) != 0) {
            close(connection, INVALID_INTENTS, "Invalid intent(s)");
            return;
        }
        int intents = d.path("intents").asInt();
        if ((intents & PRIVILEGED_INTENTS & ~allowedPrivilegedIntents) != 0) {
            close(connection, DISALLOWED_INTENTS, "Disallowed intent(s)");
            return;
        }
        int shardId = 0;
        int shardCount = 1;
        if (d.has("shard")) {
            shardId = d.path("shard").path(0).asInt(-1);
            shardCount = d.path("shard").path(1).asInt(0);
            if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
                close(connection, INVALID_SHARD, "Invalid shard");
                return;
            }
        }
        Session session = new Session(randomHex(16), intents, shardId, shardCount);
        sessions.put(session.id, session);
        session.connection = connection;
        connection.session = session;

        List<SimulatedGuild> shardGuilds = guilds.values().stream().filter(g -> session.covers(g.id())).toList();
        ObjectNode ready = JSON.objectNode();
        ready.put("v", 10);
        ready.set("user", user(BOT_USER_ID, BOT_USERNAME, true));
        ArrayNode unavailable = ready.putArray("guilds");
        shardGuilds.forEach(g -> unavailable.addObject().put("id", Long.toString(g.id())).put("unavailable", true));
        ready.put("session_id", session.id);
        ready.put("resume_gateway_url", url());
        if (d.has("shard")) {
            ready.putArray("shard").add(shardId).add(shardCount);
        }
        ready.putObject("application").put("id", Long.toString(BOT_USER_ID)).put("flags", 0);
        // Not in the docs' field list, but JDA reads it and Discord still sends it (empty for bots).
        ready.putArray("private_channels");
        dispatch(session, "READY", ready);
        if ((intents & GUILDS) != 0) {
            shardGuilds.forEach(g -> dispatch(session, "GUILD_CREATE", guildCreate(g)));
        }
    }

    private void resume(Connection connection, JsonNode d) {
        if (!tokenMatches(d.path("token").asText(""))) {
            close(connection, AUTHENTICATION_FAILED, "Authentication failed");
            return;
        }
        Session session = sessions.get(d.path("session_id").asText(""));
        if (session == null) {
            send(connection, op(INVALID_SESSION, JSON.booleanNode(false)));
            return;
        }
        if (session.connection != null && session.connection != connection) {
            session.connection.socket.close(UNKNOWN_ERROR, "Session resumed elsewhere");
        }
        session.connection = connection;
        connection.session = session;
        int seen = d.path("seq").asInt(0);
        for (ObjectNode missed : session.dispatched) {
            if (missed.path("s").asInt() > seen) {
                send(connection, missed);
            }
        }
        // JDA only handles dispatches whose d is an object, so RESUMED carries {} rather than null.
        dispatch(session, "RESUMED", JSON.objectNode());
    }

    private void voiceStateUpdate(Session session, JsonNode d) {
        OptionalLong guildId = snowflake(d.path("guild_id"));
        SimulatedGuild guild = guildId.isPresent() ? guilds.get(guildId.getAsLong()) : null;
        if (guild == null || !session.covers(guild.id())) {
            return;
        }
        boolean selfMute = d.path("self_mute").asBoolean(false);
        boolean selfDeaf = d.path("self_deaf").asBoolean(false);
        OptionalLong channelId = snowflake(d.path("channel_id"));
        SimulatedGuild.VoiceState current = guild.voiceStates().get(BOT_USER_ID);
        if (channelId.isEmpty()) {
            if (current != null) {
                setVoiceState(guild, BOT_USER_ID, null);
            }
            return;
        }
        Optional<SimulatedGuild.Channel> channel = guild.channel(channelId.getAsLong()).filter(SimulatedGuild.Channel::isVoice);
        if (channel.isEmpty()) {
            return;
        }
        boolean moving = current == null || current.channelId() != channelId.getAsLong();
        int limit = channel.get().userLimit();
        if (moving && limit > 0 && guild.occupants(channelId.getAsLong()) >= limit) {
            // A full channel: Discord answers nothing (docs: voice-connections, "Bot users respect the user limit").
            return;
        }
        setVoiceState(guild, BOT_USER_ID, new SimulatedGuild.VoiceState(channelId.getAsLong(), session.id, selfMute, selfDeaf));
    }

    /** Changes a voice state and dispatches it; the bot entering or changing channel also gets a voice server. */
    private void setVoiceState(SimulatedGuild guild, long userId, SimulatedGuild.VoiceState state) {
        SimulatedGuild.VoiceState before = state == null ? guild.voiceStates().remove(userId) : guild.voiceStates().put(userId, state);
        ObjectNode update = voiceState(guild, userId, state != null ? state : before, state == null);
        update.put("guild_id", Long.toString(guild.id()));
        update.set("member", member(guild, userId));
        for (Session session : sessions.values()) {
            if (session.covers(guild.id()) && (session.intents & GUILD_VOICE_STATES) != 0) {
                dispatch(session, "VOICE_STATE_UPDATE", update.deepCopy());
            }
        }
        boolean botChangedChannel = userId == BOT_USER_ID && state != null
                && (before == null || before.channelId() != state.channelId());
        if (botChangedChannel) {
            Session session = sessions.get(state.sessionId());
            if (session != null) {
                dispatch(session, "VOICE_SERVER_UPDATE", JSON.objectNode()
                        .put("token", randomHex(8))
                        .put("guild_id", Long.toString(guild.id()))
                        .put("endpoint", voiceEndpoint));
            }
        }
    }

    private String botVoiceSession(long guildId) {
        return sessions.values().stream()
                .filter(s -> s.covers(guildId))
                .reduce((first, second) -> second)
                .map(s -> s.id)
                .orElse(SimulatedGuild.sessionId(BOT_USER_ID));
    }

    // ---- Payloads, shaped on the docs' examples (see fixtures/discord/README.md) -------------

    private ObjectNode guildCreate(SimulatedGuild guild) {
        String id = Long.toString(guild.id());
        ObjectNode g = JSON.objectNode();
        g.put("id", id);
        g.put("name", guild.name());
        g.putNull("icon");
        g.putNull("description");
        g.putNull("splash");
        g.putNull("discovery_splash");
        g.putArray("features");
        g.putArray("emojis");
        g.putArray("stickers");
        g.putNull("banner");
        g.put("owner_id", Long.toString(guild.ownerId()));
        g.putNull("application_id");
        g.putNull("region");
        g.putNull("afk_channel_id");
        g.put("afk_timeout", 300);
        g.putNull("system_channel_id");
        g.put("widget_enabled", false);
        g.putNull("widget_channel_id");
        g.put("verification_level", 0);
        ObjectNode everyone = g.putArray("roles").addObject();
        everyone.put("id", id);
        everyone.put("name", "@everyone");
        everyone.put("color", 0);
        // JDA 6.2+ reads colors.primary_color and fails on a role without it.
        everyone.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        everyone.put("hoist", false);
        everyone.putNull("icon");
        everyone.putNull("unicode_emoji");
        everyone.put("position", 0);
        everyone.put("permissions", Long.toString(guild.everyonePermissions()));
        everyone.put("managed", false);
        everyone.put("mentionable", false);
        everyone.put("flags", 0);
        g.put("default_message_notifications", 0);
        g.put("mfa_level", 0);
        g.put("explicit_content_filter", 0);
        g.putNull("max_presences");
        g.put("max_members", 500_000);
        g.putNull("vanity_url_code");
        g.put("premium_tier", 0);
        g.put("premium_subscription_count", 0);
        g.put("system_channel_flags", 0);
        g.put("preferred_locale", "en-US");
        g.putNull("rules_channel_id");
        g.putNull("public_updates_channel_id");
        g.putNull("safety_alerts_channel_id");
        g.put("nsfw_level", 0);
        g.put("premium_progress_bar_enabled", false);
        // Guild Create extra fields.
        g.put("joined_at", JOINED_AT);
        g.put("large", false);
        g.put("unavailable", false);
        ArrayNode voiceStates = g.putArray("voice_states");
        guild.voiceStates().forEach((userId, state) -> voiceStates.add(voiceState(guild, userId, state, false)));
        ArrayNode members = g.putArray("members");
        members.add(member(guild, BOT_USER_ID));
        guild.members().keySet().forEach(userId -> members.add(member(guild, userId)));
        // Equal to the members sent: a larger count makes JDA wait for member chunks.
        g.put("member_count", members.size());
        ArrayNode channels = g.putArray("channels");
        guild.channels().forEach(c -> channels.add(channel(guild, c)));
        g.putArray("threads");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        g.putArray("soundboard_sounds");
        return g;
    }

    private static ObjectNode channel(SimulatedGuild guild, SimulatedGuild.Channel c) {
        ObjectNode channel = JSON.objectNode();
        channel.put("id", Long.toString(c.id()));
        channel.putNull("last_message_id");
        channel.put("type", c.type());
        channel.put("name", c.name());
        channel.put("position", c.position());
        channel.putNull("parent_id");
        if (c.isVoice()) {
            channel.put("bitrate", 64_000);
            channel.put("user_limit", c.userLimit());
            channel.putNull("rtc_region");
        } else {
            channel.putNull("topic");
        }
        channel.put("guild_id", Long.toString(guild.id()));
        channel.putArray("permission_overwrites");
        channel.put("rate_limit_per_user", 0);
        channel.put("nsfw", false);
        return channel;
    }

    private static ObjectNode voiceState(SimulatedGuild guild, long userId, SimulatedGuild.VoiceState state, boolean left) {
        ObjectNode v = JSON.objectNode();
        if (left) {
            v.putNull("channel_id");
        } else {
            v.put("channel_id", Long.toString(state.channelId()));
        }
        v.put("user_id", Long.toString(userId));
        v.put("session_id", state.sessionId());
        v.put("deaf", false);
        v.put("mute", false);
        v.put("self_deaf", state.selfDeaf());
        v.put("self_mute", state.selfMute());
        v.put("self_video", false);
        v.put("self_stream", false);
        v.put("suppress", false);
        v.putNull("request_to_speak_timestamp");
        return v;
    }

    private static ObjectNode member(SimulatedGuild guild, long userId) {
        SimulatedGuild.Member known = guild.members().get(userId);
        ObjectNode member = JSON.objectNode();
        member.set("user", userId == BOT_USER_ID ? user(BOT_USER_ID, BOT_USERNAME, true)
                : user(userId, known == null ? "user" + userId : known.username(), known != null && known.bot()));
        member.putNull("nick");
        member.putNull("avatar");
        member.putNull("banner");
        member.putArray("roles");
        member.put("joined_at", JOINED_AT);
        member.putNull("premium_since");
        member.put("deaf", false);
        member.put("mute", false);
        member.put("flags", 0);
        member.put("pending", false);
        member.putNull("communication_disabled_until");
        return member;
    }

    private static ObjectNode user(long id, String username, boolean bot) {
        ObjectNode user = JSON.objectNode();
        user.put("id", Long.toString(id));
        user.put("username", username);
        user.putNull("global_name");
        user.put("discriminator", "0");
        user.putNull("avatar");
        user.put("bot", bot);
        user.put("verified", true);
        user.putNull("email");
        user.put("flags", 0);
        user.putNull("banner");
        user.putNull("accent_color");
        user.put("premium_type", 0);
        user.put("public_flags", 0);
        user.putNull("avatar_decoration_data");
        user.putNull("collectibles");
        user.putNull("primary_guild");
        return user;
    }

    // ---- Plumbing ---------------------------------------------------------------------------

    private void dispatch(Session session, String type, ObjectNode d) {
        ObjectNode frame = JSON.objectNode();
        frame.put("t", type);
        frame.put("s", ++session.sequence);
        frame.put("op", DISPATCH);
        frame.set("d", d);
        session.dispatched.add(frame);
        if (session.connection != null) {
            send(session.connection, frame);
        }
    }

    private static ObjectNode op(int op, JsonNode d) {
        ObjectNode frame = JSON.objectNode();
        frame.put("op", op);
        frame.set("d", d);
        frame.putNull("s");
        frame.putNull("t");
        return frame;
    }

    private void send(Connection connection, ObjectNode frame) {
        record(Frame.Direction.SENT, connection, frame);
        if (connection.socket.isOpen()) {
            connection.socket.send(frame.toString());
        }
    }

    private void close(Connection connection, int code, String reason) {
        connection.socket.close(code, reason);
    }

    private void record(Frame.Direction direction, Connection connection, JsonNode json) {
        frames.add(new Frame(direction, connection.session == null ? null : connection.session.id, json.deepCopy()));
        notifyAll();
    }

    private synchronized void closed(WebSocket socket) {
        Connection connection = socket.getAttachment();
        if (connection != null && connection.session != null && connection.session.connection == connection) {
            connection.session.connection = null;
        }
    }

    private SimulatedGuild guild(long guildId) {
        SimulatedGuild guild = guilds.get(guildId);
        if (guild == null) {
            throw new IllegalArgumentException("no guild " + guildId);
        }
        return guild;
    }

    private boolean tokenMatches(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Snowflakes arrive as strings or, from JDA, as JSON numbers; Discord takes both. */
    private static OptionalLong snowflake(JsonNode node) {
        if (node.isIntegralNumber()) {
            return OptionalLong.of(node.asLong());
        }
        if (node.isTextual() && node.asText().matches("\\d{1,20}")) {
            return OptionalLong.of(Long.parseUnsignedLong(node.asText()));
        }
        return OptionalLong.empty();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                values.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return values;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public void close() throws InterruptedException {
        if (writeNudge != null) {
            writeNudge.close();
        }
        server.stop(1000);
    }

    private final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        volatile Exception failure;

        Server(InetSocketAddress address) {
            super(address, 1);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            opened(socket, handshake);
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            received(socket, message);
        }

        @Override
        public void onMessage(WebSocket socket, ByteBuffer message) {
            // Binary frames are ETF or compressed payloads, neither of which the stand-in speaks.
            socket.close(DECODE_ERROR, "Decode error");
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            // Java-WebSocket calls this holding the connection's monitor, while the gateway's own
            // lock is held around calls into the connection: taking it here could deadlock.
            Thread.startVirtualThread(() -> closed(socket));
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
            if (socket == null) {
                failure = e;
                started.countDown();
            }
        }
    }
}
