package org.loyaltyhub.site;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Readiness: whether the database answers now. It opens its own short-lived connection with second-long timeouts
 * instead of waiting for the pool (up to 30 s when the server is gone), so a probe always answers at once.
 */
@Component
class DatabaseHealthIndicator implements HealthIndicator {

    private final HikariDataSource pool;

    DatabaseHealthIndicator(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public Health health() {
        Properties props = new Properties();
        props.setProperty("user", pool.getUsername());
        props.setProperty("password", pool.getPassword());
        props.setProperty("connectTimeout", "1");
        props.setProperty("loginTimeout", "2");
        props.setProperty("socketTimeout", "2");
        props.setProperty("ApplicationName", "loyaltyhub-health");
        try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), props)) {
            return c.isValid(1) ? Health.up().build() : Health.down().withDetail("error", "no answer").build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
