package org.loyaltyhub.tenancy.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.loyaltyhub.shared.TenantWall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Hands out connections from two pools whose sessions never change role: a circuit's request gets one of the tenant
 * pool ({@link TenantWall#TENANT_ROLE}, set once when the pool opens the connection), everything else (jobs, sign-in,
 * sessions, shops' webhooks before the shop is known) one of the platform pool ({@link TenantWall#PLATFORM_ROLE}:
 * every circuit, no DDL). The owner's pool it wraps is left to Flyway and the benchmarks' DDL.
 * <p>
 * A tenant connection carries its circuit as a session setting, set when it is taken for another circuit than the
 * one it last served: the setting is made outside any transaction (so nothing rolls it back) and every tenant
 * connection is set before use, so nothing has to be undone when it goes back to the pool. The common case, the same
 * circuit again, costs no round trip at all.
 */
final class CircuitScopedDataSource extends DelegatingDataSource implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CircuitScopedDataSource.class);

    private static final ThreadLocal<Boolean> READING_THE_CALLER = new ThreadLocal<>();

    private final HikariDataSource owner;
    private final Supplier<Optional<Long>> circuitOfRequest;
    /** The circuit each tenant session is set to (the driver's connection, alive as long as the session). */
    private final Map<Connection, Long> circuitOfSession = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile Pools pools;

    private record Pools(HikariDataSource tenant, HikariDataSource platform) {
    }

    CircuitScopedDataSource(HikariDataSource owner, Supplier<Optional<Long>> circuitOfRequest) {
        super(owner);
        this.owner = owner;
        this.circuitOfRequest = circuitOfRequest;
    }

    /** Once the migrations (and their wall) have run: the two walled pools, if this login may take their roles. */
    @Override
    public void afterSingletonsInstantiated() {
        boolean wallBuilt;
        try (Connection c = owner.getConnection();
             PreparedStatement q = c.prepareStatement("select bool_and(pg_has_role(current_user, oid, 'MEMBER')), "
                     + "count(*) = 2 from pg_roles where rolname in (?, ?)")) {
            q.setString(1, TenantWall.TENANT_ROLE);
            q.setString(2, TenantWall.PLATFORM_ROLE);
            try (var rs = q.executeQuery()) {
                wallBuilt = rs.next() && rs.getBoolean(1) && rs.getBoolean(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell whether the tenant wall is built", e);
        }
        if (wallBuilt) {
            pools = new Pools(pool(TenantWall.TENANT_ROLE, "tenant"), pool(TenantWall.PLATFORM_ROLE, "platform"));
        } else {
            log.warn("No row-level security between circuits: the database login may not take the roles {} and {}",
                    TenantWall.TENANT_ROLE, TenantWall.PLATFORM_ROLE);
        }
    }

    /** A pool like the owner's whose connections take the role once, when opened. */
    private HikariDataSource pool(String role, String name) {
        HikariConfig config = new HikariConfig();
        owner.copyStateTo(config);
        config.setPoolName(owner.getPoolName() + "-" + name);
        config.setConnectionInitSql("set role " + role);
        config.setMinimumIdle(Math.min(4, owner.getMaximumPoolSize()));
        return new HikariDataSource(config);
    }

    @Override
    public void destroy() {
        Pools p = pools;
        pools = null;
        if (p != null) {
            p.tenant().close();
            p.platform().close();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Pools p = pools;
        if (p == null) {
            return owner.getConnection();
        }
        Optional<Long> circuit = circuitOfRequest();
        return circuit.isPresent() ? walled(p.tenant(), circuit.get()) : p.platform().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("The circuit wall hands out its own pools' connections only");
    }

    /**
     * The request's circuit. Reading it may itself need the database (a signed-in operator's security context is
     * loaded from the session store when first asked for): that inner connection is the platform's, rather than
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

    private Connection walled(HikariDataSource tenant, long circuit) throws SQLException {
        Connection connection = tenant.getConnection();
        try {
            Connection session = connection.unwrap(Connection.class);
            if (!Long.valueOf(circuit).equals(circuitOfSession.get(session))) {
                circuitOfSession.remove(session);
                boolean outsideATransaction = connection.getAutoCommit();
                try (PreparedStatement set = connection.prepareStatement(
                        "select set_config('" + TenantWall.CIRCUIT_SETTING + "', ?, false)")) {
                    set.setString(1, Long.toString(circuit));
                    set.execute();
                }
                if (outsideATransaction) { // inside one, a rollback would undo the setting: set it again next time
                    circuitOfSession.put(session, circuit);
                }
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            tenant.evictConnection(connection); // never handed out with an unknown circuit
            throw e;
        }
    }
}
