package dev.botty.voice.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.botty.voice.queue.LoopMode;
import dev.botty.voice.queue.QueuedTrack;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The queue's state machine on its own: no Lavalink, no Discord, and time only as the test passes it. */
class QueueStateTest {
    private static QueuedTrack track(String title) {
        return new QueuedTrack("enc-" + title, title, "Band", "https://example.com/" + title, 180_000, true, "youtube", 1L);
    }

    private static final QueuedTrack A = track("a");
    private static final QueuedTrack B = track("b");
    private static final QueuedTrack C = track("c");
    private static final QueuedTrack D = track("d");

    private static QueueState state(QueuedTrack current, LoopMode loop, QueuedTrack... waiting) {
        return new QueueState(5, current, List.of(waiting), loop, 0, false, T0);
    }

    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    private static Instant at(long secondsAfter) {
        return T0.plusSeconds(secondsAfter);
    }

    @Test
    void theHistoryKeepsWhatStartedNewestFirstOnceEachAndAtMostFifty() {
        QueueState state = state(A, LoopMode.TRACK, B);
        assertTrue(state.played(A));
        assertFalse(state.played(A), "a track on loop is one entry");
        state.next(false);
        assertTrue(state.played(B));
        assertEquals(List.of(B, A), state.history());
        for (int i = 0; i < 60; i++) {
            state.played(track("t" + i));
        }
        assertEquals(QueueState.HISTORY, state.history().size());
        assertEquals(track("t59"), state.history().getFirst());
    }

    @Test
    void previousPlaysTheTrackBeforeAndPutsTheCurrentOneFirstInTheQueue() {
        QueueState state = new QueueState(5, B, List.of(C), LoopMode.OFF, 0, false, T0, List.of(B, A));
        assertEquals(java.util.Optional.of(A), state.previous());
        assertSame(A, state.current());
        assertEquals(List.of(B, C), state.queue());

        QueueState finished = new QueueState(5, null, List.of(), LoopMode.OFF, 0, false, T0, List.of(B, A));
        assertEquals(java.util.Optional.of(B), finished.previous(), "after the queue ran out, the last one played");
        assertEquals(List.of(), finished.queue());

        QueueState nothingBefore = new QueueState(5, A, List.of(), LoopMode.OFF, 0, false, T0, List.of(A));
        assertEquals(java.util.Optional.empty(), nothingBefore.previous());
        assertSame(A, nothingBefore.current());

        QueueState full = new QueueState(1, B, List.of(C), LoopMode.OFF, 0, false, T0, List.of(B, A));
        assertEquals(java.util.Optional.of(A), full.previous());
        assertEquals(List.of(C), full.queue(), "no room: the track that was playing is not queued again");
    }

    @Test
    void thePositionMovesOnlyWhileATrackPlays() {
        QueueState state = state(null, LoopMode.OFF);
        assertEquals(0, state.position(at(5)), "nothing current");
        state.enqueue(List.of(A));
        state.playing(A, 0, false, at(0));
        assertEquals(0, state.position(at(10)), "given to Lavalink, not started yet");
        state.started(at(1));
        assertEquals(9_000, state.position(at(10)));
        state.reported(20_000, at(12));
        assertEquals(23_000, state.position(at(15)), "Lavalink's report, moved on by the time since");
        assertTrue(state.pause(true, at(15)));
        assertFalse(state.pause(true, at(16)), "already paused");
        assertEquals(23_000, state.position(at(60)), "frozen while paused");
        assertTrue(state.pause(false, at(60)));
        assertEquals(25_000, state.position(at(62)));
        state.seek(170_000, at(62));
        assertEquals(180_000, state.position(at(99)), "never past the track's end");
        state.halted();
        assertEquals(170_000, state.position(at(99)), "off the player, it stays where it was");
    }

    @Test
    void aTrackPickedUpAgainKeepsItsPauseAndPlaceAndAStreamHasNoEnd() {
        QueuedTrack stream = new QueuedTrack("enc-radio", "Radio", "Station", "https://example.com/radio", 0, false, "http", 1L);
        QueueState state = new QueueState(5, stream, List.of(), LoopMode.OFF, 400_000, true, T0);
        assertTrue(state.paused());
        assertEquals(400_000, state.position(at(30)), "kept as it was saved");
        state.playing(stream, state.position(at(30)), true, at(30));
        state.started(at(31));
        assertTrue(state.paused(), "picked up again paused");
        assertEquals(400_000, state.position(at(90)));
        state.pause(false, at(90));
        assertEquals(1_000_000, state.position(at(690)), "a stream plays on without an end");
        state.playing(A, 0, true, at(700));
        assertFalse(state.paused(), "keepPaused keeps only a pause there was");
        assertEquals(1, state.clear());
        assertEquals(0, state.position(at(800)));
        assertFalse(state.started());
    }

    @Test
    void theFirstTrackAddedToNothingPlaysAtOnceTheRestQueueUp() {
        QueueState state = state(null, LoopMode.OFF);
        QueueState.Enqueued first = state.enqueue(List.of(A, B));
        assertEquals(0, first.position());
        assertSame(A, first.startNow());
        assertSame(A, state.current());
        assertEquals(List.of(B), state.queue());

        QueueState.Enqueued later = state.enqueue(List.of(C));
        assertEquals(2, later.position());
        assertNull(later.startNow());
    }

    @Test
    void whatDoesNotFitIsDropped() {
        QueueState state = state(A, LoopMode.OFF, B, C, D);
        assertEquals(2, state.room());
        state.enqueue(List.of(track("e"), track("f"), track("g")));
        assertEquals(5, state.size());
        assertEquals(0, state.room());
        assertEquals(6, state.enqueue(List.of(track("h"))).position(), "nothing fits: the position it would have had");
        assertEquals(5, state.size());
    }

    @Test
    void withoutLoopTheNextTrackPlaysAndTheLastEndsTheQueue() {
        QueueState state = state(A, LoopMode.OFF, B);
        assertEquals(new QueueState.Next.Play(B), state.next(true));
        assertEquals(new QueueState.Next.Finished(B), state.next(true));
        assertNull(state.current());
        assertEquals(new QueueState.Next.Finished(null), state.next(true), "nothing was playing");
    }

    @Test
    void loopTrackRepeatsATrackThatFinishedButNotOneSkipped() {
        QueueState state = state(A, LoopMode.TRACK, B);
        assertEquals(new QueueState.Next.Repeat(A), state.next(true));
        assertSame(A, state.current());
        assertEquals(new QueueState.Next.Play(B), state.next(false), "a skip (or a stuck track) moves on");
    }

    @Test
    void loopQueueSendsEveryTrackToTheEnd() {
        QueueState state = state(A, LoopMode.QUEUE, B);
        assertEquals(new QueueState.Next.Play(B), state.next(true));
        assertEquals(List.of(A), state.queue());
        assertEquals(new QueueState.Next.Play(A), state.next(false));
        assertEquals(List.of(B), state.queue());
    }

    @Test
    void jumpDropsWhatIsPassedUnlessTheQueueLoops() {
        QueueState plain = state(A, LoopMode.OFF, B, C, D);
        assertSame(C, plain.jump(2));
        assertSame(C, plain.current());
        assertEquals(List.of(D), plain.queue());

        QueueState looping = state(A, LoopMode.QUEUE, B, C, D);
        assertSame(C, looping.jump(2));
        assertEquals(List.of(D, A, B), looping.queue(), "the current track, then those passed, go to the end");
    }

    @Test
    void removeShuffleAndClear() {
        QueueState state = state(A, LoopMode.OFF, B, C, D);
        assertSame(C, state.remove(2));
        assertEquals(List.of(B, D), state.queue());
        assertEquals(2, state.shuffle(RandomGenerator.of("L64X128MixRandom")));
        assertEquals(2, state.queue().size());
        assertEquals(3, state.clear(), "two waiting and the current one");
        assertNull(state.current());
        assertEquals(List.of(), state.queue());
        assertEquals(0, state.clear());
    }
}
