package org.loyaltyhub.site;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links in e-mails point only at hosts the operator allowed, whatever Host a request claims; e-mails leave through the
 * outbox; pages send the security headers a TLS proxy's clients expect.
 */
class LinksAndHeadersTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private Api.Login operator() {
        World w = fixtures.world(api);
        long[] shop = w.company("Links");
        return w.operator("STORE_OPERATOR", null, shop[1]);
    }

    private static WebForms.Reply askForReset(WebForms browser, String email) {
        browser.get("/login/forgot");
        return browser.post("/login/forgot", Map.of("email", email));
    }

    @Test
    void aForgedHostHeaderNeverReachesThePasswordResetLink() {
        fixtures.platformAdmin(api); // the first-run set-up was made at localhost
        Api.Login till = operator();
        WebForms attacker = new WebForms(port).header("Host", "evil.example");
        assertThat(askForReset(attacker, till.email()).status()).isEqualTo(200);
        String link = TestMail.link(TestMail.lastTo(till.email()), "/login/reset?token=");
        assertThat(link).doesNotContain("evil.example").startsWith("http://localhost:");

        Api.Login other = operator();
        WebForms forwarded = new WebForms(port).header("X-Forwarded-Host", "evil.example");
        askForReset(forwarded, other.email());
        assertThat(TestMail.link(TestMail.lastTo(other.email()), "/login/reset?token="))
                .as("nor a forwarded host").doesNotContain("evil.example");
    }

    @Test
    void aForgedHostHeaderNeverAppearsInARedirect() {
        WebForms attacker = new WebForms(port).header("Host", "evil.example");
        for (String path : new String[] {"/admin", "/counter", "/c/1/my", "/"}) {
            WebForms.Reply r = attacker.get(path);
            assertThat(String.valueOf(r.header("Location"))).as(path + " " + r.status()).doesNotContain("evil.example");
        }
        attacker.get("/login");
        WebForms.Reply signIn = attacker.post("/login", Map.of("email", "x@y.test", "password", "wrong-password"));
        assertThat(signIn.header("Location")).isNotNull().doesNotContain("evil.example");
    }

    @Test
    void aResetEmailIsQueuedWithTheRequestAndSentByTheOutboxWhileAnUnknownAddressWritesNothing() {
        Api.Login till = operator();
        WebForms browser = new WebForms(port);
        WebForms.Reply known = askForReset(browser, till.email());
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :r").param("r", till.email())
                .query(Integer.class).single()).as("queued in the request's transaction").isEqualTo(1);
        MimeMessage mail = TestMail.lastTo(till.email());
        assertThat(TestMail.subject(mail)).isNotBlank();

        int outbox = count("mail_outbox");
        int resets = count("password_reset");
        WebForms.Reply unknown = askForReset(new WebForms(port), "nobody-" + System.nanoTime() + "@nowhere.test");
        assertThat(count("mail_outbox")).isEqualTo(outbox);
        assertThat(count("password_reset")).isEqualTo(resets);
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.body().replaceAll("name=\"_csrf\" (content|value)=\"[^\"]+\"", ""))
                .as("the same answer").isEqualTo(known.body().replaceAll("name=\"_csrf\" (content|value)=\"[^\"]+\"", ""));
    }

    @Test
    void pagesSendAReferrerPolicyAndBehindATlsProxyHstsAndASecureSessionCookie() {
        WebForms.Reply plain = new WebForms(port).get("/login");
        assertThat(plain.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(plain.header("Strict-Transport-Security")).as("not over plain HTTP").isNull();
        assertThat(plain.all("Set-Cookie")).isNotEmpty().noneMatch(c -> c.contains("Secure"));

        WebForms.Reply proxied = new WebForms(port).header("X-Forwarded-Proto", "https").get("/login");
        assertThat(proxied.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(proxied.all("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("Secure"));
        assertThat(proxied.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");

        assertThat(api.get("/api/v1/me").header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(new WebForms(port).get("/widget/loyaltyhub.js").header("Referrer-Policy"))
                .as("the storefront widget's addresses too").isEqualTo("strict-origin-when-cross-origin");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
