package dev.botty.service;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Log lines to stdout, as logback's {@code ConsoleAppender} writes them, but one write to stdout for
 * every run of events the queue in front of it hands over, not one per line. Behind
 * {@link ConsoleLogging}'s queue the events come one thread at a time; after each, the lines so far
 * are written out as soon as the queue has nothing more waiting, and the queue's thread then
 * lingers a millisecond ({@link #LINGER_NANOS}) before it takes the next. A service logging one
 * line per interaction then makes one wake-up and one write per millisecond under load instead of
 * one per interaction, and at a quiet moment every line still goes out as soon as it is encoded.
 *
 * <p>Lines go to whatever {@link System#out} is at the time of writing, as {@code ConsoleAppender}'s
 * do, so a test that replaces it sees them.
 */
final class BatchedStdoutAppender extends OutputStreamAppender<ILoggingEvent> {
    /** What is held before being written out even while events keep coming. */
    static final int BATCH_BYTES = 16 * 1024;
    /**
     * How long the queue's thread waits after a write before it takes the next event. Without the
     * wait it went back to the queue at once and, under load, was woken for almost every event —
     * a wake-up and a write per interaction; with it, the event loops hand events to a thread that
     * is not waiting (no wake-up to make) and a millisecond's events are written together: 12 % less
     * CPU per interaction at full speed. A line reaches stdout at most this much later.
     */
    static final long LINGER_NANOS = 1_000_000;

    private final BooleanSupplier moreWaiting;
    private final Batch batch = new Batch();

    /** @param moreWaiting whether the queue in front of this appender holds further events */
    BatchedStdoutAppender(BooleanSupplier moreWaiting) {
        this.moreWaiting = moreWaiting;
        setImmediateFlush(false);
    }

    @Override
    public void start() {
        setOutputStream(batch);
        super.start();
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (!moreWaiting.getAsBoolean()) {
            batch.flush();
            linger();
        }
    }

    /**
     * Keeps the queue's thread from taking the next event for {@link #LINGER_NANOS}, so that what
     * arrives meanwhile is written as one batch; stops early when the thread is interrupted (the
     * queue stopping).
     */
    private static void linger() {
        long deadline = System.nanoTime() + LINGER_NANOS;
        for (long left = LINGER_NANOS; left > 0 && !Thread.currentThread().isInterrupted();
                left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Whole lines collected into one array and written to stdout in one go. */
    private static final class Batch extends OutputStream {
        private final byte[] held = new byte[BATCH_BYTES];
        private int length;

        @Override
        public synchronized void write(int b) {
            if (length == held.length) {
                flush();
            }
            held[length++] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int count) {
            if (count > held.length - length) {
                flush();
            }
            if (count > held.length) {
                write(System.out, bytes, offset, count);
                return;
            }
            System.arraycopy(bytes, offset, held, length, count);
            length += count;
        }

        @Override
        public synchronized void flush() {
            if (length > 0) {
                write(System.out, held, 0, length);
                length = 0;
            }
        }

        @Override
        public void close() {
            flush();
        }

        private static void write(PrintStream out, byte[] bytes, int offset, int count) {
            out.write(bytes, offset, count);
            out.flush();
        }
    }
}
