package org.loyaltyhub.site;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP ASVS level 2 items that no other test owns: limits on asking for e-mailed links (429 with Retry-After, the
 * same for known and unknown addresses), the security headers of pages and API answers, the session cookie's
 * attributes, and secrets that never reach the log.
 */
class SecurityItemsTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @org.springframework.beans.factory.annotation.Autowired
    org.loyaltyhub.tenancy.internal.PasswordResets resets;

    @org.springframework.beans.factory.annotation.Autowired
    org.loyaltyhub.customers.internal.CustomerAccounts customers;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.mail.javamail.JavaMailSenderImpl mailSender;

    @Test
    void aPasswordResetLinkCostsAsManyRoundTripsForAKnownAddressAsForAnUnknownOne() throws Exception {
        World w = fixtures.world(api);
        Api.Login known = w.operator("STORE_OPERATOR", null, w.company("Same work")[1]);
        String unknown = Fixtures.unique("nobody") + "@nowhere.test";
        java.util.function.Function<org.loyaltyhub.tenancy.internal.PasswordResets.Link, org.loyaltyhub.shared.Mailer.Mail>
                mail = l -> new org.loyaltyhub.shared.Mailer.Mail(l.email(), "Reset", "/login/reset?token=" + l.token());

        long forKnown = org.loyaltyhub.support.RoundTrips.of(dataSource, () -> resets.request(known.email(), mail));
        long forUnknown = org.loyaltyhub.support.RoundTrips.of(dataSource, () -> resets.request(unknown, mail));

        assertThat(forKnown).as("lookup, recent links, the link, the outbox").isGreaterThanOrEqualTo(4);
        assertThat(forUnknown).isEqualTo(forKnown);
    }

    @Test
    void aCustomersSignInLinkCostsAsManyRoundTripsForAKnownAddressAsForAnUnknownOne() throws Exception {
        World w = fixtures.world(api);
        String email = Fixtures.unique("linked") + "@member.test";
        java.util.function.Function<org.loyaltyhub.customers.internal.CustomerAccounts.Link, org.loyaltyhub.shared.Mailer.Mail>
                mail = l -> new org.loyaltyhub.shared.Mailer.Mail(l.email(), "Link", "/link?token=" + l.token());
        customers.signUp(w.circuitId, new org.loyaltyhub.customers.internal.CustomerAccounts.SignUp("Lia", "Same",
                email, "a long enough password", true, true, false, null, org.loyaltyhub.members.Language.IT),
                "v1", "v1", address(), mail);
        String unknown = Fixtures.unique("nobody") + "@nowhere.test";

        long forKnown = org.loyaltyhub.support.RoundTrips.of(dataSource, () -> customers.emailLink(w.circuitId, email, mail));
        long forUnknown = org.loyaltyhub.support.RoundTrips.of(dataSource,
                () -> customers.emailLink(w.circuitId, unknown, mail));

        assertThat(forKnown).as("member, account, recent links, the link, the outbox").isGreaterThanOrEqualTo(5);
        assertThat(forUnknown).isEqualTo(forKnown);
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    /** A client address of its own, so this test's counts are not another's (the proxy on 127.0.0.1 is trusted). */
    private static String address() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

    private WebForms.Reply askForReset(String from, String email) {
        WebForms browser = new WebForms(port).from(from);
        browser.get("/login/forgot");
        return browser.post("/login/forgot", Map.of("email", email));
    }

    @Test
    void askingTooOftenForAPasswordResetIsRefusedWith429AndRetryAfterForKnownAndUnknownAddressesAlike() {
        World w = fixtures.world(api);
        Api.Login known = w.operator("STORE_OPERATOR", null, w.company("Reset")[1]);
        String unknown = Fixtures.unique("nobody") + "@nowhere.test";
        String from = address();
        for (int i = 0; i < 5; i++) {
            assertThat(askForReset(from, known.email()).status()).isEqualTo(200);
            assertThat(askForReset(from, unknown).status()).isEqualTo(200);
        }
        WebForms.Reply knownRefused = askForReset(from, known.email());
        WebForms.Reply unknownRefused = askForReset(from, unknown);

        assertThat(knownRefused.status()).isEqualTo(429);
        assertThat(Long.parseLong(knownRefused.header("Retry-After"))).isPositive();
        assertThat(unknownRefused.status()).isEqualTo(429);
        assertThat(unknownRefused.header("Retry-After")).isNotNull();
        assertThat(knownRefused.body()).contains("id=\"throttled\"");
        assertThat(askForReset(address(), Fixtures.unique("someone") + "@else.test").status())
                .as("another address for another account").isEqualTo(200);
    }

    @Test
    void oneAddressAskingForLinksForManyAccountsIsRefusedToo() {
        String from = address();
        int refusedAt = -1;
        for (int i = 0; i < 40 && refusedAt < 0; i++) {
            if (askForReset(from, Fixtures.unique("spray") + "@nowhere.test").status() == 429) {
                refusedAt = i;
            }
        }
        assertThat(refusedAt).as("the 31st request from one address").isEqualTo(30);
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeadersAndTheSessionCookieIsHttpOnlyAndSameSite() {
        WebForms.Reply page = new WebForms(port).get("/login");
        String csp = page.header("Content-Security-Policy");
        String scripts = csp.substring(csp.indexOf("script-src"));
        assertThat(scripts.substring(0, scripts.indexOf(';'))).isEqualTo("script-src 'self'");
        assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.all("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION=")).isNotEmpty()
                .allMatch(c -> c.contains("HttpOnly") && c.contains("SameSite=Lax"));

        for (Api.Response answer : List.of(api.get("/api/v1/me"), fixtures.world(api).asAdmin().get("/api/v1/me"))) {
            assertThat(answer.header("Content-Security-Policy")).contains("default-src 'none'")
                    .contains("frame-ancestors 'none'");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        }
        assertThat(api.header("X-Forwarded-Proto", "https").get("/api/v1/me").header("Strict-Transport-Security"))
                .as("HSTS behind a TLS proxy").contains("max-age=");
    }

    @Test
    void secretsNeverReachTheLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("org.loyaltyhub");
        Level before = ours.getLevel();
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        root.addAppender(seen);
        ours.setLevel(Level.DEBUG);
        String shopKey = "SHOPKEY" + System.nanoTime();
        // the SMTP password as configuration gives it, one the test's SMTP server accepts
        String smtpPassword = "SMTPSECRET" + System.nanoTime();
        org.loyaltyhub.support.TestMail.account("loyaltyhub", smtpPassword);
        String apiSecret;
        World w = fixtures.world(api);
        Api.Login reached = w.operator("STORE_OPERATOR", null, w.company("Reached")[1]);
        Api.Login unreachable = w.operator("STORE_OPERATOR", null, w.company("Unreachable")[1]);
        int smtpPort = mailSender.getPort();
        String smtpUser = mailSender.getUsername();
        String smtpPasswordBefore = mailSender.getPassword();
        try {
            mailSender.setUsername("loyaltyhub");
            mailSender.setPassword(smtpPassword);
            long[] shop = w.company("Secrets");
            w.prestaShop(shop[0], shopKey);
            apiSecret = w.apiKey(shop[0], shop[1]);
            api.withKey(apiSecret).get("/api/v1/me");
            api.withKey(apiSecret + "x").get("/api/v1/me");
            api.as(w.admin.email(), "a-wrong-password-" + shopKey).get("/api/v1/me");
            api.postRaw("/api/v1/hooks/prestashop/" + shop[0], "{\"secret\":\"" + shopKey + "\"}");
            askForReset(address(), reached.email());
            org.loyaltyhub.support.TestMail.lastTo(reached.email());
            mailSender.setPort(1); // nothing listens there: the next e-mail fails and is logged
            askForReset(address(), unreachable.email());
            awaitFailure(unreachable.email());
            LoggerFactory.getLogger("org.loyaltyhub.site").debug("the capture works");
        } finally {
            mailSender.setPort(smtpPort);
            mailSender.setUsername(smtpUser);
            mailSender.setPassword(smtpPasswordBefore);
            ours.setLevel(before);
            root.detachAppender(seen);
        }
        String integrationsKey = Files.readString(Path.of("target/test-integrations.key")).strip();
        String log = String.join("\n", seen.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList());

        assertThat(log).as("the run was logged").contains("the capture works");
        assertThat(log).doesNotContain(shopKey).doesNotContain(apiSecret).doesNotContain(integrationsKey)
                .doesNotContain(w.admin.password()).doesNotContain("whsec-" + shopKey).doesNotContain(smtpPassword);
        assertThat(log).as("a failed e-mail is logged with its address masked").contains("Could not send e-mail")
                .doesNotContain(unreachable.email());
    }

    /** Waits (at most 10 s) until the outbox has tried and failed to send an e-mail to the address. */
    private void awaitFailure(String email) throws InterruptedException {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient
                .create(dataSource);
        for (int i = 0; i < 200; i++) {
            if (jdbc.sql("select count(*) from mail_outbox where recipient = :r and last_error is not null")
                    .param("r", email).query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no failed e-mail to " + email);
    }
}
