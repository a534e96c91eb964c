package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators' e-mail and password over real HTTP, on the API (HTTP Basic) and the sign-in page: a password sent with
 * every call is checked once a minute, failures are limited per address and per account, and no answer to a wrong
 * password tells anything about the account.
 */
class SigningInWithAPasswordTest extends IntegrationTest {

    private static int addresses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private static String address() {
        return "203.0.113." + (++addresses % 250 + 1);
    }

    @Test
    void aPasswordSentWithEveryApiCallIsCheckedOnceAndThenRememberedForAMoment() {
        World w = fixtures.world(api);
        long[] shop = w.company("Basic");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        assertThat(w.as(till).get("/api/v1/me").status()).isEqualTo(200);
        // the stored hash changes behind the application's back (a slow hash is what the cache saves)
        jdbc.sql("update operator set password_hash = :h where lower(email) = lower(:e)")
                .param("h", encoder.encode("another-password-1")).param("e", till.email()).update();
        assertThat(w.as(till).get("/api/v1/me").status()).as("answered from the remembered sign-in").isEqualTo(200);
        assertThat(api.as(till.email(), "wrong-password-1").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void disablingAnOperatorEndsTheirRememberedSignInAtOnce() {
        World w = fixtures.world(api);
        long[] shop = w.company("Disable");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Api.Response me = w.as(till).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        long id = me.json().path("operatorId").asLong();
        Api.Response disabled = w.asAdmin().patch("/api/v1/operators/" + id, Map.of("enabled", false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(w.as(till).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsFromOneAddressAre429WithRetryAfterWhileTheOwnerElsewhereStillSignsIn() {
        World w = fixtures.world(api);
        long[] shop = w.company("Guess");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Api guesser = api.as(till.email(), "not-the-password").header("X-Forwarded-For", address());
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/v1/me").status()).isEqualTo(401);
        }
        Api.Response stopped = guesser.get("/api/v1/me");
        assertThat(stopped.status()).isEqualTo(429);
        assertThat(stopped.header("Retry-After")).matches("[0-9]+");
        assertThat(Long.parseLong(stopped.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(stopped.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stopped.json().path("type").asString()).isEqualTo("/problems/too-many-attempts");

        assertThat(api.as(till).header("X-Forwarded-For", address()).get("/api/v1/me").status())
                .as("the owner at another address is not locked out").isEqualTo(200);
    }

    @Test
    void manyUnknownAccountsTriedFromOneAddressStopThatAddress() {
        String guesser = address();
        for (int i = 0; i < 30; i++) {
            assertThat(api.as(Fixtures.unique("nobody") + "@x.test", "guess-" + i).header("X-Forwarded-For", guesser)
                    .get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(api.as(Fixtures.unique("nobody") + "@x.test", "guess").header("X-Forwarded-For", guesser)
                .get("/api/v1/me").status()).isEqualTo(429);
    }

    @Test
    void theSignInPageAnswersAWrongPasswordTheSameWayWhateverTheAccountsState() {
        World w = fixtures.world(api);
        long[] shop = w.company("Page");
        Api.Login disabled = w.operator("STORE_OPERATOR", null, shop[1]);
        long id = w.as(disabled).get("/api/v1/me").json().path("operatorId").asLong();
        assertThat(w.asAdmin().patch("/api/v1/operators/" + id, Map.of("enabled", false)).status()).isEqualTo(200);
        Api.Login guessed = w.operator("STORE_OPERATOR", null, shop[1]);

        assertThat(signIn(new WebForms(port).from(address()), disabled.email(), "not-the-password"))
                .as("disabled, wrong password").endsWith("/login?error");
        assertThat(signIn(new WebForms(port).from(address()), Fixtures.unique("none") + "@x.test", "not-the-password"))
                .as("unknown").endsWith("/login?error");
        assertThat(signIn(new WebForms(port).from(address()), disabled.email(), disabled.password()))
                .as("only the right password learns the state").endsWith("/login?disabled");

        String stranger = address();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(new WebForms(port).from(stranger), guessed.email(), "not-the-password"))
                    .endsWith("/login?error");
        }
        assertThat(signIn(new WebForms(port).from(stranger), guessed.email(), guessed.password()))
                .endsWith("/login?throttled");
        assertThat(signIn(new WebForms(port).from(address()), guessed.email(), "not-the-password"))
                .as("elsewhere a wrong password is just wrong").endsWith("/login?error");
        assertThat(signIn(new WebForms(port).from(address()), guessed.email(), guessed.password()))
                .as("and the owner signs in").endsWith("/");
    }

    /** Signs in on the page; returns where the answer leads. */
    private static String signIn(WebForms browser, String email, String password) {
        browser.get("/login");
        WebForms.Reply r = browser.post("/login", Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.toString()).isEqualTo(302);
        return r.header("Location");
    }
}
