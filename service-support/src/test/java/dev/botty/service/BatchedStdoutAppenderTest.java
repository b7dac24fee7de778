package dev.botty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lines held while the queue has more, written in one go when it has none, never lost or reordered. */
class BatchedStdoutAppenderTest {
    private final PrintStream original = System.out;
    /** Each write that reached stdout, as text. */
    private final List<String> writes = new ArrayList<>();
    private final AtomicBoolean moreWaiting = new AtomicBoolean();
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("botty.test");
    private BatchedStdoutAppender appender;

    @BeforeEach
    void captureStdout() {
        // What logback's service provider gives the context the services log through.
        context.setMDCAdapter(new LogbackMDCAdapter());
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8) {
            @Override
            public void write(byte[] bytes, int offset, int count) {
                writes.add(new String(bytes, offset, count, StandardCharsets.UTF_8));
            }
        });
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender = new BatchedStdoutAppender(moreWaiting::get);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(original);
        context.stop();
    }

    private void log(String message) {
        appender.doAppend(new LoggingEvent(getClass().getName(), logger, Level.INFO, message, null, null));
    }

    @Test
    void writesEachLineAtOnceWhenNothingElseIsWaiting() {
        log("one");
        assertEquals(List.of("one\n"), writes);
        log("two");
        assertEquals(List.of("one\n", "two\n"), writes);
    }

    @Test
    void holdsLinesWhileMoreAreQueuedAndWritesThemTogetherAfterTheLast() {
        moreWaiting.set(true);
        log("one");
        log("two");
        assertEquals(List.of(), writes, "nothing written while the queue has more");
        moreWaiting.set(false);
        log("three");
        assertEquals(List.of("one\ntwo\nthree\n"), writes);
    }

    @Test
    void writesAFullBatchEvenWhileEventsKeepComing() {
        moreWaiting.set(true);
        String line = "x".repeat(99);
        int fit = BatchedStdoutAppender.BATCH_BYTES / 100;
        for (int i = 0; i <= fit; i++) {
            log(line);
        }
        assertEquals(1, writes.size(), "the batch that filled up, written before the next line");
        assertEquals((line + "\n").repeat(fit), writes.get(0));
        moreWaiting.set(false);
        log("last");
        assertEquals(List.of((line + "\n").repeat(fit), line + "\nlast\n"), writes);
    }

    @Test
    void writesALineLongerThanABatchOnItsOwnAfterWhatCameBefore() {
        moreWaiting.set(true);
        log("before");
        String huge = "y".repeat(BatchedStdoutAppender.BATCH_BYTES + 10);
        log(huge);
        assertEquals(2, writes.size());
        assertEquals("before\n", writes.get(0));
        assertEquals(huge + "\n", writes.get(1), "the long line whole, in one write");
    }

    @Test
    void writesWhatIsHeldWhenStopped() {
        moreWaiting.set(true);
        log("one");
        log("two");
        appender.stop();
        assertEquals(List.of("one\ntwo\n"), writes);
    }

    @Test
    void waitsAfterEachWriteBeforeTakingTheNextEvent() {
        long started = System.nanoTime();
        log("one");
        long took = System.nanoTime() - started;
        assertEquals(List.of("one\n"), writes);
        assertTrue(took >= BatchedStdoutAppender.LINGER_NANOS, "returned after " + took + " ns");
    }

    @Test
    void doesNotWaitOnceTheQueuesThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                log("line " + i);
            }
            long took = System.nanoTime() - started;
            assertEquals(100, writes.size(), "each line still written");
            assertTrue(took < 50 * BatchedStdoutAppender.LINGER_NANOS, "100 writes took " + took / 1_000_000 + " ms");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void writesEveryLineInOrderThroughTheServicesQueue() throws Exception {
        LoggerContext service = new LoggerContext();
        service.setMDCAdapter(new LogbackMDCAdapter());
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(service);
        logging.configure(service);
        Logger log = service.getLogger("botty.interactions");
        int count = 5_000;
        for (int i = 0; i < count; i++) {
            log.info("line {}", i);
        }
        service.stop();
        String[] lines = String.join("", writes).split("\n");
        assertEquals(count, lines.length);
        assertTrue(writes.size() < count / 2, count + " lines in " + writes.size() + " writes: the queue's lines were not batched");
        for (int i = 0; i < count; i++) {
            assertEquals("line " + i, lines[i].substring(lines[i].indexOf("line ")), "line " + i);
        }
    }
}
