package dev.botty.interactions.status;

import dev.botty.interactions.voice.VoiceNodeReport;
import dev.botty.internal.NodeStatus.RecentError;
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
 */
@Serdeable
public record ApiStatus(
        String service,
        String version,
        Instant startedAt,
        long uptimeSeconds,
        Map<String, Map<String, Long>> commands,
        List<RecentError> lastErrors,
        List<VoiceNodeReport> voiceNodes) {}
