package dev.botty.interactions.status;

import dev.botty.interactions.voice.VoiceNodeReport;
import dev.botty.internal.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status page as one server-rendered HTML document: no JavaScript, no front-end build,
 * inline CSS that follows the reader's light or dark preference. Every value that comes from
 * the status (names, titles, errors — some typed by Discord users) is escaped with {@link Html#text}.
 * Elements carry ids and classes so tests can read the rendered page back.
 */
final class StatusPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final List<String> OUTCOMES = List.of("ok", "deferred", "refused", "failed", "error");

    private static final String STYLE = """
            :root { color-scheme: light dark; --fg: #1b1f24; --muted: #5b636d; --bg: #ffffff; --card: #f5f7fa; --line: #d8dee4;
              --ok: #1a7f37; --bad: #c62828; --warn: #9a6700; }
            @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9aa4ae; --bg: #0d1117; --card: #161b22;
              --line: #30363d; --ok: #3fb950; --bad: #f85149; --warn: #d29922; } }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
            main { max-width: 1200px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; } h3 { font-size: 16px; margin: 0; }
            .meta, .empty, .problem-hint { color: var(--muted); }
            .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin: 12px 0; }
            .card.down { border-color: var(--bad); }
            .card header { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0; }
            th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { font-weight: 600; color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: .03em; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 13px; font-weight: 700; color: #fff; }
            .badge.up { background: var(--ok); } .badge.down { background: var(--bad); } .badge.warn { background: var(--warn); }
            .problem { color: var(--bad); font-weight: 600; }
            dl.facts { display: grid; grid-template-columns: repeat(3, max-content minmax(0, 1fr)); gap: 4px 16px; margin: 8px 0; }
            h4 { font-size: 13px; margin: 14px 0 0; color: var(--muted); }
            dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
            """;

    private StatusPage() {}

    static String render(ApiStatus status, Instant now) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<title>botty status</title><style>").append(STYLE).append("</style></head><body><main>\n");
        html.append("<h1>botty status</h1>\n<p class=\"meta\">interactions-api <span id=\"api-version\">").append(Html.text(status.version()))
                .append("</span> · up <span id=\"api-uptime\" data-seconds=\"").append(status.uptimeSeconds()).append("\">")
                .append(Html.text(duration(status.uptimeSeconds()))).append("</span> · rendered ").append(Html.text(TIME.format(now)))
                .append("</p>\n");

        html.append("<h2>Voice nodes</h2>\n");
        if (status.voiceNodes().isEmpty()) {
            html.append("<p class=\"empty\">No voice nodes are configured (VOICE_NODE_URLS): music is off.</p>\n");
        }
        for (VoiceNodeReport node : status.voiceNodes()) {
            node(html, node);
        }
        html.append("<h2>Commands</h2>\n");
        commands(html, "api-commands", status.commands());
        html.append("<h2>Recent errors</h2>\n");
        errors(html, "api-errors", status.lastErrors());
        html.append("</main></body></html>\n");
        return html.toString();
    }

    private static void node(StringBuilder html, VoiceNodeReport node) {
        String id = "node-" + node.index();
        html.append("<section class=\"card node").append(node.reachable() ? "" : " down").append("\" id=\"").append(id)
                .append("\" data-reachable=\"").append(node.reachable()).append("\">\n<header><h3>Node ").append(node.index())
                .append(" · <code>").append(Html.text(node.address())).append("</code></h3>");
        NodeStatus status = node.status();
        if (!node.reachable() || status == null) {
            html.append("<span class=\"badge down node-state\">unreachable</span></header>\n<p class=\"problem\">This node ")
                    .append(Html.text(node.problem())).append(".</p>\n<p class=\"problem-hint\">Music commands for its guilds are answered with")
                    .append(" an apology until it is back.</p>\n</section>\n");
            return;
        }
        boolean ready = status.ready();
        html.append("<span class=\"badge ").append(ready ? "up" : "warn").append(" node-state\">")
                .append(ready ? "up" : "up, not ready").append("</span></header>\n");
        html.append("<dl class=\"facts\">")
                .append(fact("Version", "version", status.version()))
                .append(fact("Uptime", "uptime", duration(status.uptimeSeconds())))
                .append(fact("Shard", "shard", status.shardId() + " of " + status.shardCount()))
                .append(fact("Gateway", "gateway", status.gateway().state()
                        + (status.gateway().pingMs() >= 0 ? " · ping " + status.gateway().pingMs() + " ms" : "")))
                .append(fact("Guilds", "guild-count", Integer.toString(status.gateway().guilds())))
                .append(fact("Voice connections", "voice-connections", Integer.toString(status.voiceConnections())))
                .append("</dl>\n");

        html.append("<table class=\"guilds\"><thead><tr><th>Guild</th><th>Channel</th><th>Now playing</th><th class=\"num\">Position</th>")
                .append("<th class=\"num\">Queue</th><th>Loop</th><th class=\"num\">Volume</th></tr></thead><tbody>\n");
        if (status.guilds().isEmpty()) {
            html.append("<tr><td colspan=\"7\" class=\"empty\">No guild has a player.</td></tr>\n");
        }
        for (NodeStatus.GuildPlayer guild : status.guilds()) {
            NodeStatus.NowPlaying playing = guild.nowPlaying();
            html.append("<tr class=\"guild\" data-guild-id=\"").append(Html.text(guild.guildId())).append("\"><td class=\"guild-name\">")
                    .append(Html.text(guild.guildName())).append("</td><td>").append(Html.text(guild.channelName() == null ? "—" : guild.channelName()))
                    .append("</td><td class=\"now-playing\">");
            if (playing == null) {
                html.append("<span class=\"empty\">nothing</span>");
            } else {
                html.append("<span class=\"title\">").append(Html.text(playing.title())).append("</span> — ")
                        .append(Html.text(playing.author())).append(playing.paused() ? " <span class=\"badge warn\">paused</span>" : "");
            }
            html.append("</td><td class=\"num\">").append(playing == null ? "" : Html.text(position(playing)))
                    .append("</td><td class=\"num queue-length\">").append(guild.queueLength())
                    .append("</td><td>").append(Html.text(guild.loop())).append("</td><td class=\"num\">").append(guild.volume())
                    .append("%</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        html.append("<table class=\"lavalink\"><thead><tr><th>Lavalink</th><th>State</th><th>Version</th><th class=\"num\">Players</th>")
                .append("<th class=\"num\">CPU</th><th class=\"num\">Memory</th><th class=\"num\">Frames sent</th>")
                .append("<th class=\"num\">Nulled</th><th class=\"num\">Deficit</th></tr></thead><tbody>\n");
        for (NodeStatus.LavalinkNode lavalink : status.lavalink()) {
            NodeStatus.Frames frames = lavalink.frames();
            html.append("<tr class=\"lavalink-node\"><td class=\"lavalink-name\">").append(Html.text(lavalink.name()))
                    .append("</td><td><span class=\"badge lavalink-state ").append(lavalink.usable() ? "up" : "down").append("\">")
                    .append(Html.text(lavalink.state())).append("</span></td><td>").append(Html.text(lavalink.version() == null ? "—" : lavalink.version()))
                    .append("</td><td class=\"num\">").append(lavalink.playingPlayers()).append(" / ").append(lavalink.players())
                    .append("</td><td class=\"num\">").append(Html.text(String.format(Locale.ROOT, "%.0f%%", lavalink.cpuLoad() * 100)))
                    .append("</td><td class=\"num\">").append(Html.text(mebibytes(lavalink.memoryUsedBytes())))
                    .append("</td><td class=\"num\">").append(frames == null ? "—" : Integer.toString(frames.sent()))
                    .append("</td><td class=\"num\">").append(frames == null ? "—" : Integer.toString(frames.nulled()))
                    .append("</td><td class=\"num frames-deficit\">").append(frames == null ? "—" : Integer.toString(frames.deficit()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        html.append("<h4>Commands on this node</h4>\n");
        commands(html, id + "-commands", status.commands());
        html.append("<h4>Recent errors on this node</h4>\n");
        errors(html, id + "-errors", status.lastErrors());
        html.append("</section>\n");
    }

    private static void commands(StringBuilder html, String id, Map<String, Map<String, Long>> commands) {
        if (commands.isEmpty()) {
            html.append("<p class=\"empty\" id=\"").append(id).append("\">No commands yet.</p>\n");
            return;
        }
        html.append("<table class=\"commands\" id=\"").append(id).append("\"><thead><tr><th>Command</th>");
        for (String outcome : OUTCOMES) {
            html.append("<th class=\"num\">").append(outcome).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (Map.Entry<String, Map<String, Long>> command : commands.entrySet()) {
            html.append("<tr data-command=\"").append(Html.text(command.getKey())).append("\"><td>/").append(Html.text(command.getKey())).append("</td>");
            for (String outcome : OUTCOMES) {
                Long count = command.getValue().get(outcome);
                html.append("<td class=\"num\" data-outcome=\"").append(outcome).append("\">").append(count == null ? 0 : count).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void errors(StringBuilder html, String id, List<NodeStatus.RecentError> errors) {
        if (errors.isEmpty()) {
            html.append("<p class=\"empty\" id=\"").append(id).append("\">No errors since start.</p>\n");
            return;
        }
        html.append("<table class=\"errors\" id=\"").append(id).append("\"><thead><tr><th>When</th><th>What</th></tr></thead><tbody>\n");
        for (NodeStatus.RecentError error : errors) {
            html.append("<tr><td>").append(Html.text(error.at() == null ? "" : TIME.format(error.at()))).append("</td><td class=\"error-message\">")
                    .append(Html.text(error.message())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String fact(String label, String cls, String value) {
        return "<dt>" + label + "</dt><dd class=\"" + cls + "\">" + Html.text(value) + "</dd>";
    }

    static String duration(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h " + d.toMinutesPart() + "m";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }

    private static String position(NodeStatus.NowPlaying playing) {
        String at = clock(playing.positionMs());
        return playing.lengthMs() <= 0 ? at + " (live)" : at + " / " + clock(playing.lengthMs());
    }

    private static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
