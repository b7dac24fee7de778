package dev.botty.voice.music;

import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A guild's queue as a pure state machine: the track that is current, those waiting after it, the
 * loop mode, what played before (the last {@value #HISTORY}), where in the current track playback
 * is (the position clock), and what each command
 * and each event of Lavalink's does to them. No I/O, no lock, and no clock of its own: the time is
 * passed in. {@link GuildMusic} holds it under its own lock and does the talking to Lavalink,
 * Discord and the store around it.
 *
 * <p>The position is the last one known (Lavalink's report, a seek, a pause, where a track was
 * picked up) moved on by the time since, but only while the track plays: after Lavalink said it
 * started and until it ended or was stopped, and not while paused.
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

    /** How many played tracks the history keeps. */
    static final int HISTORY = 50;

    private final int capacity;
    private @Nullable QueuedTrack current;
    private final List<QueuedTrack> queue = new ArrayList<>();
    /** What played, newest first. */
    private final Deque<QueuedTrack> history = new ArrayDeque<>();
    private LoopMode loop;
    private long positionMs;
    private Instant positionAt;
    private boolean paused;
    /** Whether Lavalink said the current track started (so the position moves). */
    private boolean started;

    /** A guild's state as it was kept: {@code positionMs} into {@code current}, not yet started again. */
    QueueState(int capacity, @Nullable QueuedTrack current, List<QueuedTrack> queue, LoopMode loop, long positionMs, boolean paused,
               Instant now) {
        this(capacity, current, queue, loop, positionMs, paused, now, List.of());
    }

    /** As kept, with what played before, newest first. */
    QueueState(int capacity, @Nullable QueuedTrack current, List<QueuedTrack> queue, LoopMode loop, long positionMs, boolean paused,
               Instant now, List<QueuedTrack> played) {
        this.capacity = capacity;
        this.current = current;
        this.queue.addAll(queue);
        played.stream().limit(HISTORY).forEach(this.history::addLast);
        this.loop = loop;
        this.positionMs = positionMs;
        this.positionAt = now;
        this.paused = paused;
    }

    // ---- The position clock ----------------------------------------------------------------------

    /** Where the current track is at {@code now}: 0 without one, never past its end (a stream has none). */
    long position(Instant now) {
        if (current == null) {
            return 0;
        }
        long at = positionMs;
        if (started && !paused) {
            at += Math.max(0, Duration.between(positionAt, now).toMillis());
        }
        return current.stream() ? at : Math.min(at, current.lengthMs());
    }

    boolean paused() {
        return paused;
    }

    /** Whether Lavalink said the current track started and nothing has stopped it since. */
    boolean started() {
        return started;
    }

    /** Pauses or resumes, the position frozen or moving on from where it is; false when there was nothing to change. */
    boolean pause(boolean pause, Instant now) {
        if (current == null || paused == pause) {
            return false;
        }
        positionMs = position(now);
        positionAt = now;
        paused = pause;
        return true;
    }

    /** The current track goes to {@code toMs}. */
    void seek(long toMs, Instant now) {
        positionMs = toMs;
        positionAt = now;
    }

    /** Lavalink reported where its player is. */
    void reported(long ms, Instant now) {
        positionMs = ms;
        positionAt = now;
    }

    /** Lavalink said the current track started: the position moves from here. */
    void started(Instant now) {
        started = true;
        positionAt = now;
    }

    /** The track is off the player (ended, stopped, its player or voice lost): the position stays where it is. */
    void halted() {
        started = false;
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

    /**
     * {@code track} is current from now on, from {@code fromMs}: it is about to be given to
     * Lavalink. {@code keepPaused} for a track picked up again (a restart, a lost node) stays
     * paused if it was; anything else plays.
     */
    void playing(QueuedTrack track, long fromMs, boolean keepPaused, Instant now) {
        current = track;
        paused = keepPaused && paused;
        positionMs = fromMs;
        positionAt = now;
        started = false;
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

    // ---- History -----------------------------------------------------------------------------------

    /**
     * {@code track} started playing: it is the newest in the history, unless it already is (a
     * track on loop, or picked up again after a restart). Returns whether it was added.
     */
    boolean played(QueuedTrack track) {
        if (!history.isEmpty() && history.peekFirst().encoded().equals(track.encoded())) {
            return false;
        }
        history.addFirst(track);
        while (history.size() > HISTORY) {
            history.removeLast();
        }
        return true;
    }

    /** What played, newest first (the current track first once it started). */
    List<QueuedTrack> history() {
        return List.copyOf(history);
    }

    /**
     * The newest track of the history that is not the current one becomes current, to play from
     * its start; the track that was current waits first in the queue (when there is room). Empty
     * when nothing else has played.
     */
    Optional<QueuedTrack> previous() {
        QueuedTrack before = history.stream().filter(track -> current == null || !track.encoded().equals(current.encoded()))
                .findFirst().orElse(null);
        if (before == null) {
            return Optional.empty();
        }
        if (current != null && room() > 0) {
            queue.addFirst(current);
        }
        current = before;
        return Optional.of(before);
    }

    /** Nothing current, nothing waiting, nothing paused; returns how many tracks were dropped, the current one included. */
    int clear() {
        int dropped = queue.size() + (current == null ? 0 : 1);
        queue.clear();
        current = null;
        paused = false;
        started = false;
        positionMs = 0;
        return dropped;
    }
}
