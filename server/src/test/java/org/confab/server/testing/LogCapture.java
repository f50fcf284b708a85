package org.confab.server.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** The INFO lines one class logs while it is open, for tests that check what operators see. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level level;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Class<?> source) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        this.level = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        if (!logger.isInfoEnabled()) {
            logger.setLevel(Level.INFO);
        }
    }

    public static LogCapture of(Class<?> source) {
        return new LogCapture(source);
    }

    /** Waits for a line matching the regular expression. */
    public void await(String regex) {
        Await.until(() -> appender.list.stream().map(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.matches(regex)),
                "a log line matching " + regex);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }
}
