package org.loyaltyhub.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code url} (env {@code LOYALTYHUB_DB_URL}) an embedded PostgreSQL runs with its
 * files under {@code dataDir}; {@code durable=false} trades crash safety for speed (tests only). {@code serverSettings}
 * adds PostgreSQL settings to the embedded server (e.g. {@code shared_preload_libraries: pg_stat_statements}).
 * Every {@code watchdogInterval} the embedded server is checked, and restarted if it died.
 */
@ConfigurationProperties("loyaltyhub.db")
public record DatabaseSettings(
        String url,
        String user,
        String password,
        @DefaultValue("./data/postgres") String dataDir,
        @DefaultValue("true") boolean durable,
        @DefaultValue("false") boolean cleanOnStart,
        @DefaultValue("0") int port,
        @DefaultValue("20") int poolSize,
        java.util.Map<String, String> serverSettings,
        @DefaultValue("PT2S") java.time.Duration watchdogInterval) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
