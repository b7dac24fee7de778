package dev.botty.voice.gateway;

import dev.botty.voice.config.VoiceNodeConfig.GatewayConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.GuildVoiceState;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice node's one gateway connection: it sees guilds and voice states, and asks Discord to
 * move the bot in and out of voice channels. It never carries audio; Discord's answers come out as
 * {@link VoiceConnectionUpdate}s for Lavalink and {@link VoiceEvent}s for the music logic.
 */
public final class VoiceGateway implements AutoCloseable {
    /**
     * Voice states are the one intent voice needs besides GUILDS (channels, roles, permissions),
     * which JDA has no constant for and always adds itself: IDENTIFY carries 1 | 1 << 7.
     */
    static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_VOICE_STATES);

    private static final Logger LOG = LoggerFactory.getLogger(VoiceGateway.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final JDA jda;
    private final CountDownLatch ready;
    private final ChannelNotices notices;

    private VoiceGateway(JDA jda, CountDownLatch ready) {
        this.jda = jda;
        this.ready = ready;
        this.notices = new ChannelNotices(jda);
    }

    /** The bot's messages and voice channel statuses. */
    public ChannelNotices notices() {
        return notices;
    }

    /**
     * Logs in (checking the token over REST, which blocks) and starts connecting the gateway in
     * the background; {@link #awaitReady} waits for the shard's guilds to arrive.
     *
     * @throws GatewayLoginException when Discord refuses the token or cannot be reached
     */
    public static VoiceGateway connect(
            GatewayConfig config, List<VoiceConnectionListener> connections, List<VoiceEventListener> events) {
        CountDownLatch ready = new CountDownLatch(1);
        JDABuilder builder = builder(config, connections, events).addEventListeners(new ListenerAdapter() {
            @Override
            public void onReady(ReadyEvent event) {
                LOG.info("gateway ready: shard {}/{}, {} guilds", config.shardId(), config.shardCount(), event.getGuildTotalCount());
            }

            @Override
            public void onStatusChange(StatusChangeEvent event) {
                // JDA fires ReadyEvent before it sets CONNECTED; waiting for the status keeps
                // awaitReady and isReady in agreement.
                if (event.getNewStatus() == JDA.Status.CONNECTED) {
                    ready.countDown();
                }
            }
        });
        try {
            return new VoiceGateway(builder.build(), ready);
        } catch (InvalidTokenException e) {
            throw new GatewayLoginException("Discord refused DISCORD_BOT_TOKEN (401 from " + config.apiUrl() + ")", e);
        } catch (RuntimeException e) {
            throw new GatewayLoginException("cannot log in to Discord at " + config.apiUrl() + ": " + e.getMessage(), e);
        }
    }

    /** JDA as voice needs it: the smallest intents and cache, no audio of its own. */
    static JDABuilder builder(GatewayConfig config, List<VoiceConnectionListener> connections, List<VoiceEventListener> events) {
        JDABuilder builder = JDABuilder.createLight(config.botToken(), INTENTS)
                .enableCache(CacheFlag.VOICE_STATE)
                // Members are kept only while in voice: enough to tell whether the bot is alone.
                .setMemberCachePolicy(MemberCachePolicy.VOICE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setVoiceDispatchInterceptor(new VoiceUpdateInterceptor(connections))
                .addEventListeners(new ChannelPresenceTracker(events))
                .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl().toString()))
                .useSharding(config.shardId(), config.shardCount())
                // Micronaut closes this bean on shutdown; JDA's own hook would race it.
                .setEnableShutdownHook(false);
        config.gatewayUrl().ifPresent(url -> builder
                .setSessionController(new PinnedGatewaySessionController(url.toString()))
                // Only Discord's own gateway is known to speak zlib-stream; the simulator does not.
                .setCompression(Compression.NONE));
        return builder;
    }

    /** Waits until READY and every guild of the shard have arrived; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connected, with the shard's guilds loaded (not while reconnecting). */
    public boolean isReady() {
        return jda.getStatus() == JDA.Status.CONNECTED;
    }

    public int guildCount() {
        return jda.getGuilds().size();
    }

    /** Asks Discord to put the bot into a voice channel, or says why not without asking. */
    public JoinOutcome join(long guildId, long channelId) {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) {
            return JoinOutcome.UNKNOWN_GUILD;
        }
        AudioChannel channel = guild.getChannelById(AudioChannel.class, channelId);
        if (channel == null) {
            return JoinOutcome.NOT_A_VOICE_CHANNEL;
        }
        Member self = guild.getSelfMember();
        if (currentChannel(guild) == channelId) {
            return JoinOutcome.ALREADY_THERE;
        }
        if (!self.hasPermission(channel, Permission.VOICE_CONNECT)) {
            return JoinOutcome.NO_PERMISSION;
        }
        int limit = channel.getUserLimit();
        if (limit > 0 && channel.getMembers().size() >= limit && !self.hasPermission(channel, Permission.VOICE_MOVE_OTHERS)) {
            return JoinOutcome.CHANNEL_FULL;
        }
        jda.getDirectAudioController().connect(channel);
        return JoinOutcome.REQUESTED;
    }

    /**
     * Asks Discord again for the voice connection in a channel the bot already sits in (after a
     * restart Discord may still show it there): fresh voice state and server updates follow.
     */
    public void reconnect(long guildId, long channelId) {
        Guild guild = jda.getGuildById(guildId);
        AudioChannel channel = guild == null ? null : guild.getChannelById(AudioChannel.class, channelId);
        if (channel != null) {
            jda.getDirectAudioController().reconnect(channel);
        }
    }

    /**
     * Asks Discord to take the bot out of voice in a guild; a {@link VoiceEvent.BotDisconnected}
     * follows if it was in. Returns whether the bot was in a voice channel there.
     */
    public boolean leave(long guildId) {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) {
            return false;
        }
        boolean wasIn = currentChannel(guild) != 0;
        // Sent even when the cache says the bot is out: a disconnect is harmless, a stale cache is not.
        jda.getDirectAudioController().disconnect(guild);
        return wasIn;
    }

    /** The voice channel the bot sits in, as far as the gateway has told. */
    public OptionalLong channelOf(long guildId) {
        Guild guild = jda.getGuildById(guildId);
        long channel = guild == null ? 0 : currentChannel(guild);
        return channel == 0 ? OptionalLong.empty() : OptionalLong.of(channel);
    }

    /** The voice channel a member sits in, as far as the gateway has told; empty when not in voice or unknown. */
    public OptionalLong memberChannel(long guildId, long userId) {
        Guild guild = jda.getGuildById(guildId);
        Member member = guild == null ? null : guild.getMemberById(userId);
        GuildVoiceState state = member == null ? null : member.getVoiceState();
        AudioChannel channel = state == null ? null : state.getChannel();
        return channel == null ? OptionalLong.empty() : OptionalLong.of(channel.getIdLong());
    }

    /** How many people (not bots) sit in the channel. */
    public int listeners(long guildId, long channelId) {
        Guild guild = jda.getGuildById(guildId);
        AudioChannel channel = guild == null ? null : guild.getChannelById(AudioChannel.class, channelId);
        return channel == null ? 0 : (int) channel.getMembers().stream().filter(member -> !member.getUser().isBot()).count();
    }

    /** Whether anyone but bots sits in the channel. */
    public boolean hasListeners(long guildId, long channelId) {
        Guild guild = jda.getGuildById(guildId);
        AudioChannel channel = guild == null ? null : guild.getChannelById(AudioChannel.class, channelId);
        return channel != null && channel.getMembers().stream().anyMatch(member -> !member.getUser().isBot());
    }

    public Optional<String> guildName(long guildId) {
        return Optional.ofNullable(jda.getGuildById(guildId)).map(Guild::getName);
    }

    public Optional<String> channelName(long guildId, long channelId) {
        return Optional.ofNullable(jda.getGuildById(guildId))
                .map(guild -> guild.getGuildChannelById(channelId))
                .map(GuildChannel::getName);
    }

    /** The bot's own user id, known once logged in. */
    public long selfUserId() {
        return jda.getSelfUser().getIdLong();
    }

    /** JDA's status, e.g. {@code CONNECTED}, and the last heartbeat round trip in ms (-1 before the first). */
    public String state() {
        return jda.getStatus().name();
    }

    public long pingMillis() {
        return jda.getGatewayPing();
    }

    /** The guilds of this shard. */
    public List<Long> guildIds() {
        return jda.getGuilds().stream().map(Guild::getIdLong).toList();
    }

    private static long currentChannel(Guild guild) {
        GuildVoiceState state = guild.getSelfMember().getVoiceState();
        return state == null || state.getChannel() == null ? 0 : state.getChannel().getIdLong();
    }

    @Override
    public void close() throws InterruptedException {
        jda.shutdown();
        if (!jda.awaitShutdown(SHUTDOWN_GRACE)) {
            jda.shutdownNow();
            jda.awaitShutdown(SHUTDOWN_GRACE);
        }
    }
}
