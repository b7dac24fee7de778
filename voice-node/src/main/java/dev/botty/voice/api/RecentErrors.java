package dev.botty.voice.api;

import dev.botty.internal.NodeStatus;
import dev.botty.voice.music.MusicTrouble;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last few things that went wrong, newest first, for the status page; one place everyone reports to. */
@Singleton
public final class RecentErrors implements MusicTrouble {
    static final int KEPT = 20;

    private final InstantSource clock;
    private final Deque<NodeStatus.RecentError> errors = new ArrayDeque<>();

    public RecentErrors(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void report(String message) {
        errors.addFirst(new NodeStatus.RecentError(clock.instant(), message.length() > 300 ? message.substring(0, 299) + "…" : message));
        while (errors.size() > KEPT) {
            errors.removeLast();
        }
    }

    public synchronized List<NodeStatus.RecentError> list() {
        return List.copyOf(errors);
    }
}
