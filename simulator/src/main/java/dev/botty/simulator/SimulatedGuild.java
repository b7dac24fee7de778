package dev.botty.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guild as {@link FakeGateway} announces it: channels, members and who sits in which voice
 * channel. Describe it fully, then hand it to {@link FakeGateway#addGuild}; from then on the
 * gateway owns it, and voice changes go through {@link FakeGateway#moveUser} so that they are
 * dispatched. The bot is always a member; it need not be added.
 */
public final class SimulatedGuild {
    /** VIEW_CHANNEL | CONNECT | SPEAK: enough for a bot to join voice. */
    public static final long VOICE_PERMISSIONS = (1L << 10) | (1L << 20) | (1L << 21);

    static final int GUILD_TEXT = 0;
    static final int GUILD_VOICE = 2;
    static final int GUILD_STAGE_VOICE = 13;

    record Channel(long id, int type, String name, int position, int userLimit) {
        boolean isVoice() {
            return type == GUILD_VOICE || type == GUILD_STAGE_VOICE;
        }
    }

    record Member(long id, String username, boolean bot) {}

    record VoiceState(long channelId, String sessionId, boolean selfMute, boolean selfDeaf) {}

    private final long id;
    private final String name;
    private final List<Channel> channels = new ArrayList<>();
    private final Map<Long, Member> members = new LinkedHashMap<>();
    private final Map<Long, VoiceState> voiceStates = new LinkedHashMap<>();
    private long ownerId;
    private long everyonePermissions = VOICE_PERMISSIONS;

    public SimulatedGuild(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public SimulatedGuild textChannel(long channelId, String channelName) {
        channels.add(new Channel(channelId, GUILD_TEXT, channelName, channels.size(), 0));
        return this;
    }

    public SimulatedGuild voiceChannel(long channelId, String channelName) {
        return voiceChannel(channelId, channelName, 0);
    }

    /** A voice channel holding at most {@code userLimit} users (0: no limit). */
    public SimulatedGuild voiceChannel(long channelId, String channelName, int userLimit) {
        channels.add(new Channel(channelId, GUILD_VOICE, channelName, channels.size(), userLimit));
        return this;
    }

    /** A human member; the first one added owns the guild unless {@link #ownedBy} says otherwise. */
    public SimulatedGuild member(long userId, String username) {
        return addMember(new Member(userId, username, false));
    }

    /** Another bot in the guild (say, a second music bot). */
    public SimulatedGuild botMember(long userId, String username) {
        return addMember(new Member(userId, username, true));
    }

    /** The member sits in this voice channel when the guild is announced. */
    public SimulatedGuild inVoice(long userId, long channelId) {
        if (!members.containsKey(userId)) {
            throw new IllegalArgumentException("add member " + userId + " before seating them");
        }
        if (channel(channelId).filter(Channel::isVoice).isEmpty()) {
            throw new IllegalArgumentException(channelId + " is not a voice channel of guild " + id);
        }
        voiceStates.put(userId, new VoiceState(channelId, sessionId(userId), false, false));
        return this;
    }

    public SimulatedGuild ownedBy(long userId) {
        this.ownerId = userId;
        return this;
    }

    /** The permission bits of the @everyone role; {@link #VOICE_PERMISSIONS} unless set. */
    public SimulatedGuild everyonePermissions(long permissions) {
        this.everyonePermissions = permissions;
        return this;
    }

    private SimulatedGuild addMember(Member member) {
        members.put(member.id(), member);
        if (ownerId == 0 && !member.bot()) {
            ownerId = member.id();
        }
        return this;
    }

    // The gateway's view, read and changed under its lock.

    List<Channel> channels() {
        return channels;
    }

    Optional<Channel> channel(long channelId) {
        return channels.stream().filter(c -> c.id() == channelId).findFirst();
    }

    Map<Long, Member> members() {
        return members;
    }

    Map<Long, VoiceState> voiceStates() {
        return voiceStates;
    }

    long ownerId() {
        return ownerId;
    }

    long everyonePermissions() {
        return everyonePermissions;
    }

    long occupants(long channelId) {
        return voiceStates.values().stream().filter(s -> s.channelId() == channelId).count();
    }

    static String sessionId(long userId) {
        return String.format("%032x", Long.hashCode(userId) * 0x9E3779B97F4A7C15L);
    }
}
