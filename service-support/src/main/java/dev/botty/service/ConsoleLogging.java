package dev.botty.service;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Every botty service's logging, set up in code: one line per event on stdout, written from a queue so
 * that logging never slows the event loop, a run of queued lines in one write
 * ({@link BatchedStdoutAppender}). Logback finds this class through the service loader
 * and skips its XML configurator, whose XML parser and rule engine cost about a tenth of a second
 * of every start. An operator's own file still wins: with {@code -Dlogback.configurationFile=…}
 * this steps aside.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    /** ISO-8601 time with offset, level, a shortened logger name, the message. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{24} %msg%n";
    /** Events waiting to be written; when it is 80 % full, DEBUG and INFO are dropped rather than block. */
    static final int QUEUE_SIZE = 8192;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        AsyncAppender queue = new AsyncAppender();
        queue.setContext(context);
        queue.setName("ASYNC");
        queue.setQueueSize(QUEUE_SIZE);
        queue.setNeverBlock(true);

        BatchedStdoutAppender console = new BatchedStdoutAppender(() -> queue.getNumberOfElementsInQueue() > 0);
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();

        queue.addAppender(console);
        queue.start();

        context.getLogger("io.micronaut").setLevel(Level.WARN);
        context.getLogger("io.netty").setLevel(Level.WARN);
        // The voice node's libraries: JDA narrates every connect and Flyway every start at INFO;
        // their warnings and errors are what matter (the store logs the schema version itself).
        context.getLogger("net.dv8tion.jda").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        // "Startup completed in … ms": the one framework line worth keeping.
        context.getLogger("io.micronaut.runtime.Micronaut").setLevel(Level.INFO);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(queue);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
