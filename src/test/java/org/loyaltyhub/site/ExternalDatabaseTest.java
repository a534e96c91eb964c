package org.loyaltyhub.site;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.LoyaltyHubApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With LOYALTYHUB_DB_URL (and user, password) the application uses that server and starts no PostgreSQL of its own. */
class ExternalDatabaseTest {

    @Test
    void aConfiguredServerIsUsedInsteadOfTheEmbeddedOne() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = new SpringApplication(LoyaltyHubApplication.class).run(
                    "--server.port=0", "--loyaltyhub.db.url=" + url, "--loyaltyhub.db.user=postgres",
                    "--loyaltyhub.db.password=postgres", "--loyaltyhub.db.data-dir=target/never-created",
                    "--loyaltyhub.jobs.expiry-interval=PT24H", "--logging.level.root=WARN")) {
                assertThat(app.getBean(DatabaseConfiguration.EmbeddedDatabase.class))
                        .isSameAs(DatabaseConfiguration.EmbeddedDatabase.NONE);
                assertThat(app.getBean(JdbcClient.class).sql("select count(*) from flyway_schema_history where success")
                        .query(Long.class).single()).isGreaterThanOrEqualTo(4);
            }
            try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement();
                 var rs = s.executeQuery("select to_regclass('journal_entry') is not null")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the schema lives in the configured server").isTrue();
            }
        }
        assertThat(new java.io.File("target/never-created")).doesNotExist();
    }
}
