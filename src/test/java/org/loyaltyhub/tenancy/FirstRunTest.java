package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Order(1)
class FirstRunTest extends IntegrationTest {

    @Autowired
    FirstRun firstRun;

    private Map<String, Object> setup(String token, String adminEmail) {
        return Map.of("token", token,
                "platformAdmin", Map.of("email", adminEmail, "name", "Root", "password", "platform-password-1"),
                "circuit", Map.of("name", "Bottega", "currency", "EUR"),
                "circuitAdmin", Map.of("email", "x-" + adminEmail, "name", "Ada", "password", "circuit-password-1"));
    }

    @Test
    void setupNeedsTheTokenFromTheLogWorksOnceAndCreatesTheFirstCircuit() {
        if (firstRun.required()) {
            String token = firstRun.newToken();
            Api.Response wrong = api.post("/api/v1/setup", setup("not-the-token", "root@platform.test"));
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(wrong.code()).isEqualTo("invalid-setup-token");
            assertThat(api.get("/api/v1/setup").json().path("required").asBoolean()).isTrue();

            Api.Response done = api.post("/api/v1/setup", setup(token, "root@platform.test"));
            assertThat(done.status()).as(done.toString()).isEqualTo(201);
            assertThat(done.json().path("circuit").path("name").asString()).isEqualTo("Bottega");
        }
        assertThat(api.get("/api/v1/setup").json().path("required").asBoolean()).isFalse();
        String token = firstRun.newToken();
        assertThat(token).as("no token once set-up is done").isNull();
        Api.Response again = api.post("/api/v1/setup", setup("anything", "second-root@platform.test"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("setup-done");
    }

    @Test
    void setupRefusesWeakPasswordsWithAMessageOnTheField() {
        Api.Response r = api.post("/api/v1/setup", Map.of("token", "t",
                "platformAdmin", Map.of("email", "not-an-email", "name", "Root", "password", "short"),
                "circuit", Map.of("name", "B", "currency", "euro"),
                "circuitAdmin", Map.of("email", "a@b.test", "name", "Ada", "password", "circuit-password-1")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .contains("platformAdmin.password", "platformAdmin.email", "circuit.currency");
    }

    @Test
    void thePlatformAdministratorCreatesFurtherCircuitsAndOthersCannot() {
        Api.Login root = fixtures.platformAdmin(api);
        Api.Response created = api.as(root).post("/api/v1/platform/circuits", Map.of(
                "circuit", Map.of("name", "Second", "currency", "EUR"),
                "circuitAdmin", Map.of("email", org.loyaltyhub.support.Fixtures.unique("second") + "@c.test",
                        "name", "Bea", "password", "circuit-password-1")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.as(root).get("/api/v1/platform/circuits").json().valueStream()
                .map(c -> c.path("name").asString())).contains("Second");

        var world = fixtures.world(api);
        assertThat(world.asAdmin().get("/api/v1/platform/circuits").status()).isEqualTo(403);
        assertThat(api.as(root).get("/api/v1/circuit").status()).as("the platform has no circuit of its own").isEqualTo(403);
    }
}
