package dev.botty.voice.music;

import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A guild's queue as a pure state machine: the track that is current, those waiting after it, the
 * loop mode, and what each command and each end of a track does to them. No I/O, no clock, no
 * lock: {@link GuildMusic} holds it under its own lock and does the talking to Lavalink, Discord
 * and the store around it.
 */
final class QueueState {
    /** What comes after the current track. */
    sealed interface Next {
        /** The track that ended plays again from the start (loop=track, and it played to its end). */
        record Repeat(QueuedTrack track) implements Next {}

        /** This track plays now. */
        record Play(QueuedTrack track) implements Next {}

        /** Nothing is left to play; {@code ended} was current (null when nothing was). */
        record Finished(@Nullable QueuedTrack ended) implements Next {}
    }

    /** Where added tracks went: {@code position} of the first in the queue (0: it plays now, as nothing did). */
    record Enqueued(int position, @Nullable QueuedTrack startNow) {}

    private final int capacity;
    private @Nullable QueuedTrack current;
    private final List<QueuedTrack> queue = new ArrayList<>();
    private LoopMode loop;

    QueueState(int capacity, @Nullable QueuedTrack current, List<QueuedTrack> queue, LoopMode loop) {
        this.capacity = capacity;
        this.current = current;
        this.queue.addAll(queue);
        this.loop = loop;
    }

    @Nullable QueuedTrack current() {
        return current;
    }

    List<QueuedTrack> queue() {
        return List.copyOf(queue);
    }

    int size() {
        return queue.size();
    }

    LoopMode loop() {
        return loop;
    }

    void loop(LoopMode mode) {
        loop = mode;
    }

    /** Free places in the queue. */
    int room() {
        return capacity - queue.size();
    }

    /** {@code track} is current from now on (it was picked up again, or is about to play). */
    void playing(QueuedTrack track) {
        current = track;
    }

    /** Adds what fits; the first added becomes current when nothing was. */
    Enqueued enqueue(List<QueuedTrack> tracks) {
        List<QueuedTrack> accepted = tracks.subList(0, Math.min(tracks.size(), Math.max(0, room())));
        queue.addAll(accepted);
        int position = queue.size() - accepted.size() + 1;
        if (current == null && !queue.isEmpty()) {
            current = queue.removeFirst();
            return new Enqueued(0, current);
        }
        return new Enqueued(position, null);
    }

    /**
     * Moves past the current track. {@code finished}: it played to its end, so with loop=track it
     * plays again; with loop=queue the track goes to the end of the queue either way.
     */
    Next next(boolean finished) {
        QueuedTrack ended = current;
        if (ended != null && finished && loop == LoopMode.TRACK) {
            return new Next.Repeat(ended);
        }
        if (ended != null && loop == LoopMode.QUEUE) {
            queue.add(ended);
        }
        if (queue.isEmpty()) {
            current = null;
            return new Next.Finished(ended);
        }
        current = queue.removeFirst();
        return new Next.Play(current);
    }

    /**
     * Queue entry {@code position} (1-based) becomes current; those before it are dropped, or with
     * loop=queue go to the end after the track that was current.
     */
    QueuedTrack jump(int position) {
        QueuedTrack target = queue.get(position - 1);
        List<QueuedTrack> passed = new ArrayList<>(queue.subList(0, position - 1));
        queue.subList(0, position).clear();
        if (loop == LoopMode.QUEUE) {
            if (current != null) {
                queue.add(current);
            }
            queue.addAll(passed);
        }
        current = target;
        return target;
    }

    /** Takes queue entry {@code position} (1-based) out. */
    QueuedTrack remove(int position) {
        return queue.remove(position - 1);
    }

    /** Shuffles what waits; returns how many tracks that is. */
    int shuffle(RandomGenerator random) {
        Collections.shuffle(queue, random);
        return queue.size();
    }

    /** Nothing current, nothing waiting; returns how many tracks were dropped, the current one included. */
    int clear() {
        int dropped = queue.size() + (current == null ? 0 : 1);
        queue.clear();
        current = null;
        return dropped;
    }
}
