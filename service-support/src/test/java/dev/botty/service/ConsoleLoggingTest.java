package dev.botty.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import org.junit.jupiter.api.Test;

/** Logging set up in code: the same output as the XML file it replaced, and an operator's own file still wins. */
class ConsoleLoggingTest {
    private static ExecutionStatus configure(LoggerContext context) {
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);
        return logging.configure(context);
    }

    @Test
    void logsThroughAQueueThatNeverBlocksAndKeepsFrameworksQuiet() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configure(context), "no XML configuration after this one");
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        AsyncAppender queue = assertInstanceOf(AsyncAppender.class, root.getAppender("ASYNC"));
        assertTrue(queue.isStarted());
        assertTrue(queue.isNeverBlock(), "a full queue drops events rather than stall the event loop");
        assertTrue(queue.getAppender("STDOUT").isStarted());
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(Level.WARN, context.getLogger("io.netty").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("io.micronaut.http").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("io.micronaut.runtime.Micronaut").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("botty.interactions").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("net.dv8tion.jda.internal.requests.WebSocketClient").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel());
        context.stop();
    }

    @Test
    void stepsAsideForAnOperatorsOwnConfigurationFile() {
        System.setProperty("logback.configurationFile", "/etc/botty/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, configure(context));
            assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(), "nothing configured here");
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }
}
