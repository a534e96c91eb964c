package org.loyaltyhub.privacy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;

/**
 * What the application logs while a test runs (every logger), to look for values that must not be there; registered
 * with {@code @RegisterExtension}.
 */
final class LogLines implements BeforeEachCallback, AfterEachCallback {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.start();
        root().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root().detachAppender(appender);
    }

    /** The lines that hold one of the values, whatever their case. */
    List<String> holding(Collection<String> values) {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> values.stream().anyMatch(v -> line.toLowerCase().contains(v.toLowerCase()))).toList();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
