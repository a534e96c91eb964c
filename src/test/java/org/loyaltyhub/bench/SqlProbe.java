package org.loyaltyhub.bench;

import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts what the PostgreSQL JDBC driver sends while it is open, from the driver's own protocol trace (FINEST on
 * its java.util.logging logger): Execute messages (statements, BEGIN and COMMIT included) and Sync messages (each
 * a round trip to the server). Meant for a few sequential requests only: tracing slows the driver down.
 */
final class SqlProbe implements AutoCloseable {

    /** Held strongly, so the level set here is not lost with a collected logger. */
    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final LongAdder executes = new LongAdder();
    private final LongAdder syncs = new LongAdder();
    private final Level previousLevel = DRIVER.getLevel();
    private final boolean previousParents = DRIVER.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String m = record.getMessage();
            if (m == null) {
                return;
            }
            if (m.startsWith(" FE=> Execute")) {
                executes.increment();
            } else if (m.startsWith(" FE=> Sync")) {
                syncs.increment();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    SqlProbe() {
        handler.setLevel(Level.ALL);
        DRIVER.addHandler(handler);
        DRIVER.setUseParentHandlers(false);
        DRIVER.setLevel(Level.FINEST);
    }

    long executes() {
        return executes.sum();
    }

    long syncs() {
        return syncs.sum();
    }

    @Override
    public void close() {
        DRIVER.setLevel(previousLevel);
        DRIVER.setUseParentHandlers(previousParents);
        DRIVER.removeHandler(handler);
    }
}
