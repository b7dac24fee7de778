package dev.botty.service.status;

import dev.botty.internal.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a node's status looks on a status page: the interactions-api's page shows one section per
 * voice node with it, and each voice node serves a page of its own with it. One HTML document,
 * server-rendered, no JavaScript, inline CSS that follows the reader's light or dark preference.
 * Every value from a status (names, titles, errors — some typed by Discord users) is escaped with
 * {@link #text}. Elements carry ids and classes so tests can read a rendered page back.
 */
public final class StatusHtml {
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final List<String> OUTCOMES = List.of("ok", "deferred", "refused", "failed", "error");

    public static final String STYLE = """
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

    private StatusHtml() {}

    /** The start of a page, through {@code <main>}. */
    public static void open(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<title>").append(text(title)).append("</title><style>").append(STYLE).append("</style></head><body><main>\n");
    }

    public static void close(StringBuilder html) {
        html.append("</main></body></html>\n");
    }

    /** A voice node's own page: the same section the interactions-api's page shows for it. */
    public static String nodePage(NodeStatus status, Instant now) {
        StringBuilder html = new StringBuilder(8192);
        open(html, "botty voice node " + status.shardId());
        html.append("<h1>botty voice node ").append(status.shardId()).append("</h1>\n<p class=\"meta\">shard ").append(status.shardId())
                .append(" of ").append(status.shardCount()).append(" · rendered ").append(text(TIME.format(now))).append("</p>\n");
        html.append("<section class=\"card node\" id=\"node-").append(status.shardId()).append("\" data-reachable=\"true\">\n<header><h3>Node ")
                .append(status.shardId()).append("</h3>");
        node(html, "node-" + status.shardId(), status);
        html.append("</section>\n");
        close(html);
        return html.toString();
    }

    /** A reachable node: its readiness badge (closing the section header), facts, guilds, Lavalink nodes, commands and errors. */
    public static void node(StringBuilder html, String id, NodeStatus status) {
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
                .append("<th class=\"num\">Queue</th><th>Loop</th><th>Filter</th><th class=\"num\">Volume</th></tr></thead><tbody>\n");
        if (status.guilds().isEmpty()) {
            html.append("<tr><td colspan=\"8\" class=\"empty\">No guild has a player.</td></tr>\n");
        }
        for (NodeStatus.GuildPlayer guild : status.guilds()) {
            NodeStatus.NowPlaying playing = guild.nowPlaying();
            html.append("<tr class=\"guild\" data-guild-id=\"").append(text(guild.guildId())).append("\"><td class=\"guild-name\">")
                    .append(text(guild.guildName())).append("</td><td>").append(text(guild.channelName() == null ? "—" : guild.channelName()))
                    .append("</td><td class=\"now-playing\">");
            if (playing == null) {
                html.append("<span class=\"empty\">nothing</span>");
            } else {
                html.append("<span class=\"title\">").append(text(playing.title())).append("</span> — ")
                        .append(text(playing.author())).append(playing.paused() ? " <span class=\"badge warn\">paused</span>" : "");
            }
            html.append("</td><td class=\"num\">").append(playing == null ? "" : text(position(playing)))
                    .append("</td><td class=\"num queue-length\">").append(guild.queueLength())
                    .append("</td><td>").append(text(guild.loop())).append(Boolean.TRUE.equals(guild.autoplay()) ? " · autoplay" : "")
                    .append("</td><td class=\"filter\">")
                    .append(guild.filter() == null ? "—" : text(guild.filter())).append("</td><td class=\"num\">").append(guild.volume())
                    .append("%</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        html.append("<table class=\"lavalink\"><thead><tr><th>Lavalink</th><th>State</th><th>Version</th><th class=\"num\">Players</th>")
                .append("<th class=\"num\">CPU</th><th class=\"num\">Memory</th><th class=\"num\">Frames sent</th>")
                .append("<th class=\"num\">Nulled</th><th class=\"num\">Deficit</th></tr></thead><tbody>\n");
        for (NodeStatus.LavalinkNode lavalink : status.lavalink()) {
            NodeStatus.Frames frames = lavalink.frames();
            html.append("<tr class=\"lavalink-node\"><td class=\"lavalink-name\">").append(text(lavalink.name()))
                    .append("</td><td><span class=\"badge lavalink-state ").append(lavalink.usable() ? "up" : "down").append("\">")
                    .append(text(lavalink.state())).append("</span></td><td>").append(text(lavalink.version() == null ? "—" : lavalink.version()))
                    .append("</td><td class=\"num\">").append(lavalink.playingPlayers()).append(" / ").append(lavalink.players())
                    .append("</td><td class=\"num\">").append(text(String.format(Locale.ROOT, "%.0f%%", lavalink.cpuLoad() * 100)))
                    .append("</td><td class=\"num\">").append(text(mebibytes(lavalink.memoryUsedBytes())))
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
    }

    public static void commands(StringBuilder html, String id, Map<String, Map<String, Long>> commands) {
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
            html.append("<tr data-command=\"").append(text(command.getKey())).append("\"><td>/").append(text(command.getKey())).append("</td>");
            for (String outcome : OUTCOMES) {
                Long count = command.getValue().get(outcome);
                html.append("<td class=\"num\" data-outcome=\"").append(outcome).append("\">").append(count == null ? 0 : count).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    public static void errors(StringBuilder html, String id, List<NodeStatus.RecentError> errors) {
        if (errors.isEmpty()) {
            html.append("<p class=\"empty\" id=\"").append(id).append("\">No errors since start.</p>\n");
            return;
        }
        html.append("<table class=\"errors\" id=\"").append(id).append("\"><thead><tr><th>When</th><th>What</th></tr></thead><tbody>\n");
        for (NodeStatus.RecentError error : errors) {
            html.append("<tr><td>").append(text(error.at() == null ? "" : TIME.format(error.at()))).append("</td><td class=\"error-message\">")
                    .append(text(error.message())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String fact(String label, String cls, String value) {
        return "<dt>" + label + "</dt><dd class=\"" + cls + "\">" + text(value) + "</dd>";
    }

    public static String duration(long seconds) {
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

    /** Escapes the five characters that can end text or a quoted attribute; null is the empty string. */
    public static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
