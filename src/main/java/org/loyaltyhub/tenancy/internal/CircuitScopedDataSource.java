package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.shared.TenantWall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands out the pool's connections, switched to {@link TenantWall#TENANT_ROLE} and the request's circuit when the
 * request has one, and switched back when the connection returns to the pool. The switch is made on the session
 * rather than with {@code SET LOCAL}, so that statements outside a transaction are walled too; returning the
 * connection always undoes it (a connection whose undo fails is closed for good, never reused by another circuit).
 */
final class CircuitScopedDataSource extends DelegatingDataSource implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CircuitScopedDataSource.class);

    private static final ThreadLocal<Boolean> READING_THE_CALLER = new ThreadLocal<>();

    private final Supplier<Optional<Long>> circuitOfRequest;
    private volatile boolean wallBuilt;

    CircuitScopedDataSource(DataSource pool, Supplier<Optional<Long>> circuitOfRequest) {
        super(pool);
        this.circuitOfRequest = circuitOfRequest;
    }

    /** Once the migrations (and their wall) have run: whether this login may take the tenant role. */
    @Override
    public void afterSingletonsInstantiated() {
        try (Connection c = getTargetDataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select pg_has_role(current_user, oid, 'MEMBER') from pg_roles where rolname = ?")) {
            q.setString(1, TenantWall.TENANT_ROLE);
            try (var rs = q.executeQuery()) {
                wallBuilt = rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell whether the tenant wall is built", e);
        }
        if (!wallBuilt) {
            log.warn("No row-level security between circuits: the database login may not take the role {}",
                    TenantWall.TENANT_ROLE);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return walled(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return walled(super.getConnection(username, password));
    }

    /**
     * The request's circuit. Reading it may itself need the database (a signed-in operator's security context is
     * loaded from the session store when first asked for): that inner connection is taken unwalled, rather than
     * asking for the circuit again and again, each time holding one more connection.
     */
    private Optional<Long> circuitOfRequest() {
        if (READING_THE_CALLER.get() != null) {
            return Optional.empty();
        }
        READING_THE_CALLER.set(Boolean.TRUE);
        try {
            return circuitOfRequest.get();
        } finally {
            READING_THE_CALLER.remove();
        }
    }

    private Connection walled(Connection connection) throws SQLException {
        Optional<Long> circuit = wallBuilt ? circuitOfRequest() : Optional.empty();
        if (circuit.isEmpty()) {
            return connection;
        }
        try (PreparedStatement set = connection.prepareStatement(
                "select set_config('role', ?, false), set_config('" + TenantWall.CIRCUIT_SETTING + "', ?, false)")) {
            set.setString(1, TenantWall.TENANT_ROLE);
            set.setString(2, circuit.get().toString());
            set.execute();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                        giveBack(connection);
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void giveBack(Connection connection) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try (Statement undo = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // what the pool would undo anyway, so that the reset below is not undone with it
            }
            undo.execute("reset role; reset " + TenantWall.CIRCUIT_SETTING);
        } catch (SQLException | RuntimeException e) {
            connection.abort(Runnable::run); // never back in the pool still walled to this circuit
            throw e;
        } finally {
            connection.close();
        }
    }
}
