package org.loyaltyhub.site;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.loyaltyhub.LoyaltyHubApplication;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node with an embedded PostgreSQL of its own (not the suite's shared one, which must never be killed): a fresh
 * install, its health probes, the server killed under it, and its stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ANodeOnItsOwnEmbeddedDatabaseTest {

    private static final Path DATA = Path.of("target/own-node-postgres").toAbsolutePath();
    private static ConfigurableApplicationContext app;
    private static Api api;

    @BeforeAll
    static void start() {
        app = new SpringApplication(LoyaltyHubApplication.class).run("--spring.profiles.active=test",
                "--server.port=0", "--loyaltyhub.db.data-dir=" + DATA, "--loyaltyhub.db.clean-on-start=true",
                "--loyaltyhub.db.pool-size=5", "--loyaltyhub.db.watchdog-interval=PT1S", "--logging.level.root=WARN");
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (app != null && app.isActive()) {
            app.close();
        }
    }

    private static Map<String, Object> setup(String token) {
        return Map.of("token", token,
                "platformAdmin", Map.of("email", "root@own.test", "name", "Root", "password", "platform-password-1"),
                "circuit", Map.of("name", "Own", "currency", "EUR"),
                "circuitAdmin", Map.of("email", "ada@own.test", "name", "Ada", "password", "circuit-password-1"));
    }

    @Test
    @Order(1)
    void theSetupTokenOfTheFirstNodeStillWorksAfterASecondNodeStarted() {
        FirstRun firstRun = app.getBean(FirstRun.class);
        String printedByNodeOne = firstRun.newToken();
        String printedByNodeTwo = firstRun.newToken();
        assertThat(printedByNodeTwo).isNotEqualTo(printedByNodeOne);
        Api.Response done = api.post("/api/v1/setup", setup(printedByNodeOne));
        assertThat(done.status()).as(done.toString()).isEqualTo(201);
        Api.Response again = api.post("/api/v1/setup", setup(printedByNodeTwo));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("setup-done");
    }

    @Test
    @Order(2)
    void healthProbesArePublicAndAnswerAtOnce() {
        long started = System.nanoTime();
        Api.Response live = api.get("/actuator/health/liveness");
        Api.Response ready = api.get("/actuator/health/readiness");
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.json().path("status").asString()).isEqualTo("UP");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.json().path("status").asString()).isEqualTo("UP");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
    }

    @Test
    @Order(3)
    void whileTheDatabaseHangsReadinessIsDownAtOnceAndLivenessUp() throws Exception {
        long postmaster = postmasterPid();
        signal("STOP", postmaster); // alive but answering nobody: the watchdog leaves it, new connections hang
        try {
            long started = System.nanoTime();
            Api.Response ready = api.get("/actuator/health/readiness");
            Api.Response live = api.get("/actuator/health/liveness");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(4000);
            assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
            assertThat(live.status()).as(live.toString()).isEqualTo(200);
        } finally {
            signal("CONT", postmaster);
        }
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void aKilledDatabaseIsRestartedOnItsDataAndPort() throws Exception {
        long killed = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(killed).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(10, TimeUnit.SECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Api.Response setup = api.get("/api/v1/setup");
        while (setup.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            setup = api.get("/api/v1/setup");
        }
        assertThat(setup.status()).as("the database answers again: " + setup).isEqualTo(200);
        assertThat(setup.json().path("required").asBoolean()).as("the same data: set-up stays done").isFalse();
        assertThat(postmasterPid()).isNotEqualTo(killed);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void stoppingTheApplicationTakesAFewSeconds() {
        long started = System.nanoTime();
        app.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(8000);
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
    }

    private static long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(DATA.resolve("postmaster.pid")).getFirst().strip());
    }
}
