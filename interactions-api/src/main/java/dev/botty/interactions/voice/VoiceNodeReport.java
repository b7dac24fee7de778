package dev.botty.interactions.voice;

import dev.botty.internal.NodeStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One voice node as the interactions-api sees it: either its own status, or why there is none.
 *
 * @param index     the node's place in {@code VOICE_NODE_URLS}, which is its gateway shard
 * @param address   host:port of its internal API
 * @param reachable whether it answered with a status
 * @param problem   why not, for people; null when reachable
 * @param status    what it reported; null when not reachable
 */
@Serdeable
public record VoiceNodeReport(int index, String address, boolean reachable, @Nullable String problem, @Nullable NodeStatus status) {
    static VoiceNodeReport reachable(int index, String address, NodeStatus status) {
        return new VoiceNodeReport(index, address, true, null, status);
    }

    static VoiceNodeReport unreachable(int index, String address, String problem) {
        return new VoiceNodeReport(index, address, false, problem, null);
    }
}
