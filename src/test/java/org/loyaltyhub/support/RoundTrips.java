package org.loyaltyhub.support;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the statements (round trips to the database) that some work makes on this thread: the work joins a
 * transaction of the application's data source on a counting connection, rolled back at the end, so nothing it
 * writes stays. A measure of work that does not depend on the machine's speed (tests never time).
 */
public final class RoundTrips {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private RoundTrips() {
    }

    public static long of(DataSource dataSource, Runnable work) throws SQLException {
        AtomicLong count = new AtomicLong();
        try (Connection real = dataSource.getConnection()) {
            real.setAutoCommit(false);
            TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(counting(real, count), true));
            try {
                work.run();
            } finally {
                TransactionSynchronizationManager.unbindResource(dataSource);
                real.rollback();
                real.setAutoCommit(true);
            }
        }
        return count.get();
    }

    private static Connection counting(Connection real, AtomicLong count) {
        return (Connection) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    return result instanceof Statement s ? counting(s, method.getReturnType(), count) : result;
                });
    }

    private static Object counting(Statement real, Class<?> type, AtomicLong count) {
        return Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                count.incrementAndGet();
            }
            return invoke(method, real, args);
        });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
