package dev.botty.internal;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a voice node reports about itself: {@code GET /v1/status} on its internal API (signed like
 * every internal request) and {@code /api/status} on its management port. The interactions-api's
 * status page shows one of these per node.
 *
 * @param version          the node's version
 * @param startedAt        when the process started
 * @param uptimeSeconds    seconds since then
 * @param shardId          the gateway shard this node runs
 * @param shardCount       how many shards (nodes) there are
 * @param gateway          the gateway connection
 * @param voiceConnections guilds in which the bot sits in a voice channel
 * @param guilds           every guild with a player (in voice, or with something queued)
 * @param lavalink         each configured Lavalink node
 * @param commands         command name → outcome ({@code ok}, {@code refused}, {@code error}) → count
 * @param lastErrors       the most recent errors, newest first (a handful at most)
 */
@Serdeable
public record NodeStatus(
        String version,
        Instant startedAt,
        long uptimeSeconds,
        int shardId,
        int shardCount,
        Gateway gateway,
        int voiceConnections,
        List<GuildPlayer> guilds,
        List<LavalinkNode> lavalink,
        Map<String, Map<String, Long>> commands,
        List<RecentError> lastErrors) {

    /** Whether the node can play music: gateway connected and at least one usable Lavalink node. */
    public boolean ready() {
        return gateway.connected() && lavalink.stream().anyMatch(LavalinkNode::usable);
    }

    /**
     * @param state  JDA's status name, e.g. {@code CONNECTED}, {@code RECONNECT_QUEUED}
     * @param pingMs the last heartbeat round trip, or -1 before the first
     * @param guilds guilds the shard holds
     */
    @Serdeable
    public record Gateway(String state, long pingMs, int guilds) {
        public boolean connected() {
            return "CONNECTED".equals(state);
        }
    }

    /**
     * One guild's music.
     *
     * @param guildId      the guild's id (a snowflake, as a string like Discord's JSON)
     * @param guildName    its name
     * @param channelName  the voice channel the bot sits in, or null when it is not in voice
     * @param nowPlaying   the current track, or null
     * @param queueLength  tracks waiting after the current one
     * @param loop         {@code off}, {@code track} or {@code queue}
     * @param volume       percent
     * @param filter       the sound filter on ({@code bassboost}, {@code nightcore}, …), or null when none is (or the node predates filters)
     * @param autoplay     whether a related track follows when the queue runs out; null from a node that predates it
     */
    @Serdeable
    public record GuildPlayer(String guildId, String guildName, @Nullable String channelName, @Nullable NowPlaying nowPlaying,
                              int queueLength, String loop, int volume, @Nullable String filter, @Nullable Boolean autoplay) {}

    /**
     * @param title      the track's title
     * @param author     its author or artist
     * @param uri        where it lives, if known
     * @param positionMs how far along it is
     * @param lengthMs   its length; 0 for a stream
     * @param paused     whether playback is paused
     */
    @Serdeable
    public record NowPlaying(String title, String author, @Nullable String uri, long positionMs, long lengthMs, boolean paused) {}

    /**
     * One Lavalink server as the node sees it.
     *
     * @param name           its configured name
     * @param state          {@code CONNECTED}, {@code CONNECTING}, {@code RECONNECTING}, {@code DISCONNECTED} or {@code REFUSED} (too old)
     * @param version        the server's version from {@code /v4/info}, or null before it is known
     * @param players        players on it, from its last stats
     * @param playingPlayers of which playing
     * @param cpuLoad        Lavalink's own CPU share, 0–1
     * @param memoryUsedBytes the server's used heap
     * @param frames         the last minute's frame stats, or null when the server sent none (no player)
     */
    @Serdeable
    public record LavalinkNode(String name, String state, @Nullable String version, int players, int playingPlayers,
                               double cpuLoad, long memoryUsedBytes, @Nullable Frames frames) {
        public boolean usable() {
            return "CONNECTED".equals(state);
        }
    }

    /**
     * Lavalink's frame stats over the last minute, summed over its players (3,000 per playing player is perfect).
     *
     * @param sent    frames sent to Discord
     * @param nulled  frames that were empty (nothing to send)
     * @param deficit frames expected but neither sent nor nulled: stutter
     */
    @Serdeable
    public record Frames(int sent, int nulled, int deficit) {}

    /**
     * @param at      when it happened
     * @param message what happened, for people (no secrets, no stack traces)
     */
    @Serdeable
    public record RecentError(Instant at, String message) {}
}
