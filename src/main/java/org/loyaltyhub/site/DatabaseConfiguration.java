package org.loyaltyhub.site;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The owner's DataSource: a PostgreSQL server when configured, otherwise an embedded one owned by this process. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) throws IOException {
        if (!settings.embedded()) {
            return EmbeddedDatabase.NONE;
        }
        Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        OrphanedPostmaster.stopIfRunning(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(settings.cleanOnStart())
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB");
        if (settings.durable()) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        if (settings.serverSettings() != null) {
            settings.serverSettings().forEach(builder::setServerConfig);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dir);
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        database.watchdog = new PostmasterWatchdog(dir, settings.watchdogInterval(), database::restarted);
        return database;
    }

    /**
     * The owner's pool: Flyway migrates with it; the application's own work goes through the circuit wall's pools
     * (tenancy.internal.CircuitScopedDataSource), so this one keeps few connections open.
     */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.flyway.autoconfigure.FlywayDataSource
    HikariDataSource dataSource(DatabaseSettings settings, EmbeddedDatabase embedded) {
        HikariDataSource ds = new HikariDataSource();
        if (settings.embedded()) {
            ds.setJdbcUrl(embedded.jdbcUrl());
            ds.setUsername("postgres");
            ds.setPassword("postgres");
        } else {
            ds.setJdbcUrl(settings.url());
            ds.setUsername(settings.user());
            ds.setPassword(settings.password());
        }
        ds.setMaximumPoolSize(settings.poolSize());
        ds.setMinimumIdle(Math.min(2, settings.poolSize()));
        embedded.afterRestart = () -> { // connections to the dead server are replaced, not tried
            if (ds.getHikariPoolMXBean() != null) {
                ds.getHikariPoolMXBean().softEvictConnections();
            }
        };
        ds.setPoolName("loyaltyhub");
        Map.of("reWriteBatchedInserts", "true", "ApplicationName", "loyaltyhub")
                .forEach(ds::addDataSourceProperty);
        return ds;
    }

    /**
     * Wraps the embedded server so the pool, which depends on it, is closed before the server stops; a watchdog
     * restarts the server if it dies.
     */
    static final class EmbeddedDatabase implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);
        private final EmbeddedPostgres postgres;
        private PostmasterWatchdog watchdog;
        private volatile Runnable afterRestart = () -> { };

        EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        private void restarted() {
            afterRestart.run();
        }

        @Override
        public void close() throws IOException {
            if (watchdog != null) {
                watchdog.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
