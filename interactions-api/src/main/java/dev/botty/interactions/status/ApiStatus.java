package dev.botty.interactions.status;

import dev.botty.interactions.voice.VoiceNodeReport;
import dev.botty.internal.NodeStatus;
import dev.botty.internal.NodeStatus.RecentError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code /api/status} answers and the status page shows: the interactions-api itself and,
 * per voice node, its own status or why there is none.
 *
 * @param service       always {@code interactions-api}
 * @param version       this build's version ({@code dev} when run from the IDE or tests)
 * @param startedAt     when the process started
 * @param uptimeSeconds seconds since then
 * @param commands      command name → outcome ({@code ok}, {@code refused}, {@code failed}) → count since start
 * @param lastErrors    the most recent errors, newest first
 * @param voiceNodes    each configured voice node, in shard order
 * @param summary       the few numbers a dashboard tile shows (Homepage's customapi widget, for one)
 */
@Serdeable
public record ApiStatus(
        String service,
        String version,
        Instant startedAt,
        long uptimeSeconds,
        Map<String, Map<String, Long>> commands,
        List<RecentError> lastErrors,
        List<VoiceNodeReport> voiceNodes,
        Summary summary) {

    /**
     * @param voiceNodes     voice nodes configured
     * @param voiceNodesUp   of which reachable and ready to play (gateway connected, a usable Lavalink node)
     * @param guildsPlaying  guilds where a track is playing or paused, over every node
     * @param nowPlaying     "title — author" of one of them (the first node's first), or null when none
     */
    @Serdeable
    public record Summary(int voiceNodes, int voiceNodesUp, int guildsPlaying, @Nullable String nowPlaying) {

        static Summary of(List<VoiceNodeReport> nodes) {
            int up = 0;
            int playing = 0;
            String nowPlaying = null;
            for (VoiceNodeReport node : nodes) {
                NodeStatus status = node.status();
                if (!node.reachable() || status == null) {
                    continue;
                }
                if (status.ready()) {
                    up++;
                }
                for (NodeStatus.GuildPlayer guild : status.guilds()) {
                    NodeStatus.NowPlaying track = guild.nowPlaying();
                    if (track != null) {
                        playing++;
                        if (nowPlaying == null) {
                            nowPlaying = track.title() + " — " + track.author();
                        }
                    }
                }
            }
            return new Summary(nodes.size(), up, playing, nowPlaying);
        }
    }
}
