package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.FreshInstall;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh install of its own, whichever test classes ran before. */
@FreshInstall
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
    void aFreshInstallLeadsToSetupWhichNeedsTheTokenFromTheLogAndWorksOnce() {
        assertThat(firstRun.required()).as("a fresh install has no platform administrator").isTrue();
        for (String path : new String[] {"/", "/login"}) {
            Api.Response start = api.get(path);
            assertThat(start.status()).as(path).isEqualTo(302);
            assertThat(start.header("Location")).as(path).endsWith("/setup");
        }
        String token = firstRun.newToken();
        Api.Response wrong = api.post("/api/v1/setup", setup("not-the-token", "root@platform.test"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("invalid-setup-token");
        assertThat(api.get("/api/v1/setup").json().path("required").asBoolean()).isTrue();

        Api.Response done = api.post("/api/v1/setup", setup(token, "root@platform.test"));
        assertThat(done.status()).as(done.toString()).isEqualTo(201);
        assertThat(done.json().path("circuit").path("name").asString()).isEqualTo("Bottega");

        assertThat(api.get("/api/v1/setup").json().path("required").asBoolean()).isFalse();
        assertThat(api.get("/login").status()).as("the sign-in page once set up").isEqualTo(200);
        assertThat(api.get("/").header("Location")).endsWith("/login");
        assertThat(firstRun.newToken()).as("no token once set-up is done").isNull();
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
}
