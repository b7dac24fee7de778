package dev.botty.interactions.status;

import dev.botty.interactions.voice.VoiceNodeReport;
import dev.botty.internal.NodeStatus;
import dev.botty.service.status.StatusHtml;
import java.time.Instant;

/**
 * The interactions-api's status page: its own figures, and a section per voice node as
 * {@link StatusHtml} shows a node — or, for a node that does not answer, why. Server-rendered,
 * no JavaScript; every dynamic value escaped.
 */
final class StatusPage {
    private StatusPage() {}

    static String render(ApiStatus status, Instant now) {
        StringBuilder html = new StringBuilder(8192);
        StatusHtml.open(html, "botty status");
        html.append("<h1>botty status</h1>\n<p class=\"meta\">interactions-api <span id=\"api-version\">").append(StatusHtml.text(status.version()))
                .append("</span> · up <span id=\"api-uptime\" data-seconds=\"").append(status.uptimeSeconds()).append("\">")
                .append(StatusHtml.text(StatusHtml.duration(status.uptimeSeconds()))).append("</span> · rendered ").append(StatusHtml.text(StatusHtml.TIME.format(now)))
                .append("</p>\n");

        html.append("<h2>Voice nodes</h2>\n");
        if (status.voiceNodes().isEmpty()) {
            html.append("<p class=\"empty\">No voice nodes are configured (VOICE_NODE_URLS): music is off.</p>\n");
        }
        for (VoiceNodeReport node : status.voiceNodes()) {
            node(html, node);
        }
        html.append("<h2>Commands</h2>\n");
        StatusHtml.commands(html, "api-commands", status.commands());
        html.append("<h2>Recent errors</h2>\n");
        StatusHtml.errors(html, "api-errors", status.lastErrors());
        StatusHtml.close(html);
        return html.toString();
    }

    private static void node(StringBuilder html, VoiceNodeReport node) {
        String id = "node-" + node.index();
        html.append("<section class=\"card node").append(node.reachable() ? "" : " down").append("\" id=\"").append(id)
                .append("\" data-reachable=\"").append(node.reachable()).append("\">\n<header><h3>Node ").append(node.index())
                .append(" · <code>").append(StatusHtml.text(node.address())).append("</code></h3>");
        NodeStatus status = node.status();
        if (!node.reachable() || status == null) {
            html.append("<span class=\"badge down node-state\">unreachable</span></header>\n<p class=\"problem\">This node ")
                    .append(StatusHtml.text(node.problem())).append(".</p>\n<p class=\"problem-hint\">Music commands for its guilds are answered with")
                    .append(" an apology until it is back.</p>\n</section>\n");
            return;
        }
        StatusHtml.node(html, id, status);
        html.append("</section>\n");
    }
}
