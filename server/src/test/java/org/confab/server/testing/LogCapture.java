package org.confab.server.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Records what Confab (or one of its classes) logs while it is open. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** Everything Confab logs, from {@code level} up. */
    public LogCapture(Level level) {
        this((Logger) LoggerFactory.getLogger("org.confab"), level);
    }

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.previous = logger.getLevel();
        appender.start();
        logger.setLevel(level);
        logger.addAppender(appender);
    }

    /** The INFO lines one class logs: what operators see. */
    public static LogCapture of(Class<?> source) {
        return new LogCapture((Logger) LoggerFactory.getLogger(source), Level.INFO);
    }

    public List<String> messages(Level atLeast) {
        return lines(e -> e.getLevel().isGreaterOrEqual(atLeast));
    }

    /** Lines logged with an exception: Confab logs an unexpected one as a bug, at WARN or above. */
    public List<String> withExceptions() {
        return lines(e -> e.getThrowableProxy() != null);
    }

    private List<String> lines(Predicate<ILoggingEvent> which) {
        synchronized (appender.list) {
            return appender.list.stream().filter(which)
                    .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                            : " " + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage()))
                    .toList();
        }
    }

    /** Waits for a line matching the regular expression. */
    public void await(String regex) {
        Await.until(() -> messages(Level.TRACE).stream().anyMatch(m -> m.matches(regex)), "a log line matching " + regex);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
