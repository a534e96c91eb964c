package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers in a real Chromium on a phone: the loyalty space, sign-up confirmed by an e-mail link (real SMTP), the
 * card with its QR code and balance, the history after the operator's redemption, sign-in by password and by link,
 * and new versions of the legal texts.
 */
class CustomersInTheBrowserTest extends BrowserTest {


    @Test
    void aCustomerEnrolledAtTheCounterSignsUpSeesCardAndBalanceAndBothSeeTheRedemption() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar Sport");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        String email = Fixtures.unique("giulia") + "@member.test";
        JsonNode member = w.enrol(w.as(till), Map.of("firstName", "Giulia", "lastName", "Bianchi", "email", email,
                "consents", java.util.List.of(Map.of("kind", "PRIVACY", "granted", true, "textVersion", "counter"))));
        long memberId = member.path("id").asLong();
        String card = member.path("card").path("number").asString();
        w.purchase(w.as(till), "S-1", memberId, "120.00", "PAID");

        Page phone = browser.phone("it-IT");
        phone.navigate(url("/c/" + w.circuitId));
        assertThat(phone.locator("h2").first()).hasText("Come funziona");
        assertThat(phone.locator("main")).containsText("1 punti ogni 1,00 EUR di spesa");
        Browser.screenshot(phone, "customer-space-phone-it");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Iscriviti ora")).click();
        phone.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Giulia");
        phone.getByLabel("E-mail").fill(email);
        phone.getByLabel("Password (almeno 10 caratteri)").fill("corta");
        phone.getByRole(AriaRole.BUTTON, named("Iscriviti")).click();
        assertThat(phone.locator("#password-error")).hasText("La password deve avere almeno 10 caratteri.");
        assertThat(phone.locator("#privacy-error")).containsText("informativa sulla privacy");
        assertThat(phone.getByLabel("E-mail")).hasValue(email);
        assertThat(TestMail.countTo(email)).as("nothing sent for a refused form").isZero();

        phone.getByLabel("Password (almeno 10 caratteri)").fill("giulia-password-1");
        phone.getByLabel("Ho letto l'informativa sulla privacy").check();
        phone.getByLabel("Accetto il regolamento del programma").check();
        phone.getByRole(AriaRole.BUTTON, named("Iscriviti")).click();
        assertThat(phone.locator("h1")).hasText("Controlla la tua e-mail");

        // before the link is followed the password does not open the card
        phone.navigate(url("/c/" + w.circuitId + "/login"));
        phone.locator("#email").fill(email);
        phone.locator("#password").fill("giulia-password-1");
        phone.locator("form button[type=submit]").first().click();
        assertThat(phone.getByRole(AriaRole.ALERT)).containsText("Prima conferma la tua e-mail");

        MimeMessage mail = TestMail.lastTo(email);
        String circuitName = w.asAdmin().get("/api/v1/circuit").json().path("name").asString();
        assertThat(TestMail.subject(mail)).isEqualTo(circuitName + ": conferma la tua e-mail");
        assertThat(TestMail.text(mail)).startsWith("Ciao Giulia,");
        phone.navigate(TestMail.link(mail, "/verify?token="));
        phone.getByRole(AriaRole.BUTTON, named("Conferma e apri la mia carta")).click();
        assertThat(phone).hasURL(url("/c/" + w.circuitId + "/my?welcome"));
        assertThat(phone.locator("#card-number")).hasText(card);
        assertThat(phone.locator("#balance")).hasText("120");
        assertThat(phone.locator("img.qr")).isVisible();
        assertThat((Integer) phone.locator("img.qr").evaluate("img => img.naturalWidth")).isGreaterThan(0);
        Browser.screenshot(phone, "customer-card-phone-it");

        // the operator redeems 1 EUR = 100 points at the counter
        Page counter = browser.open(1024, 768, "en-GB");
        Browser.signIn(counter, url(""), till);
        counter.getByLabel("Find the customer").fill(card);
        counter.getByLabel("Find the customer").press("Enter");
        assertThat(counter.locator("#result h2")).hasText("Giulia Bianchi");
        counter.getByLabel("Cart total").fill("1.00");
        Browser.answered(counter, "/counter/redeem", () -> counter.getByRole(AriaRole.BUTTON, named("How many points can be used?")).click());
        assertThat(counter.locator("#redeem-quote")).hasText("Use 100 points for a discount of 1.00 EUR");
        Browser.answered(counter, "/counter/redeem", () -> counter.getByRole(AriaRole.BUTTON, named("Confirm redemption")).click());
        assertThat(counter.locator("#member-available")).hasText("20");

        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Storico")).click();
        assertThat(phone.locator("#movements tbody tr").first()).containsText("-100");
        assertThat(phone.locator("#movements")).containsText("+120");
        assertThat(phone.locator("#visits")).containsText("120,00 EUR");
        Browser.screenshot(phone, "customer-history-phone-it");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Carta")).click();
        assertThat(phone.locator("#balance")).hasText("20");

        Page office = browser.desktop("en-GB");
        Browser.signIn(office, url(""), w.admin);
        office.navigate(url("/members/" + memberId));
        assertThat(office.locator("table").last()).containsText("-100");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCustomerSignsInWithALinkByEmailChangesConsentsAndSignsOut() {
        World w = fixtures.world(api);
        String email = Fixtures.unique("paolo") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "paolo-password-1");
        assertThat(phone.locator("#balance")).hasText("0");
        JsonNode enrolled = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json();
        assertThat(enrolled.path("consents").valueStream().map(c -> c.path("kind").asString()).toList())
                .contains("PRIVACY", "TERMS");

        phone.getByRole(AriaRole.BUTTON, named("Sign out")).click();
        assertThat(phone).hasURL(url("/c/" + w.circuitId + "/login?out"));
        phone.navigate(url("/c/" + w.circuitId + "/my"));
        assertThat(phone).hasURL(url("/c/" + w.circuitId + "/login"));

        phone.locator("#link-email").fill("nobody-" + email);
        phone.getByRole(AriaRole.BUTTON, named("E-mail me a sign-in link")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).containsText("If nobody-" + email + " belongs to a member");
        assertThat(TestMail.countTo("nobody-" + email)).isZero();

        phone.navigate(url("/c/" + w.circuitId + "/login"));
        phone.locator("#link-email").fill(email);
        String link = TestMail.link(TestMail.nextTo(email, () -> phone.getByRole(AriaRole.BUTTON,
                named("E-mail me a sign-in link")).click()), "/link?token=");
        phone.navigate(link);
        phone.getByRole(AriaRole.BUTTON, named("Sign in and open my card")).click();
        assertThat(phone).hasURL(url("/c/" + w.circuitId + "/my"));
        phone.navigate(link);
        assertThat(phone.getByRole(AriaRole.ALERT)).hasText("This link has expired or was already used.");

        phone.navigate(url("/c/" + w.circuitId + "/my/consents"));
        phone.getByLabel("Send me the newsletter").check();
        phone.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Your choices are saved.");
        assertThat(phone.getByLabel("Send me the newsletter")).isChecked();
        phone.navigate(url("/c/" + w.circuitId + "/my/coupons"));
        assertThat(phone.locator("main")).containsText("No coupons yet");
        phone.navigate(url("/c/" + w.circuitId + "/my/messages"));
        assertThat(phone.locator("main")).containsText("No messages yet");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCustomerWhoSignsUpInEnglishReadsEnglishAndSwitchesTheirMessagesToItalian() {
        World w = fixtures.world(api);
        String email = Fixtures.unique("lingua") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "lingua-password-1");
        JsonNode member = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json();
        org.assertj.core.api.Assertions.assertThat(member.path("language").asString())
                .as("the sign-up page's language, in an Italian circuit").isEqualTo("EN");

        phone.navigate(url("/c/" + w.circuitId + "/my/consents"));
        assertThat(phone.getByLabel("Language of your messages")).hasValue("en");
        phone.getByLabel("Language of your messages").selectOption("it");
        phone.getByRole(AriaRole.BUTTON, named("Use this language")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Language saved: your next messages are written in it.");
        assertThat(phone.getByLabel("Language of your messages")).hasValue("it");
        org.assertj.core.api.Assertions.assertThat(w.asAdmin().get("/api/v1/members/" + member.path("id").asLong())
                .json().path("language").asString()).isEqualTo("IT");

        Page desk = browser.desktop("en-GB");
        Browser.signIn(desk, url(""), w.admin);
        desk.navigate(url("/members/" + member.path("id").asLong() + "/profile"));
        assertThat(desk.getByLabel("Language of the messages")).hasValue("it");
        desk.getByLabel("Language of the messages").selectOption("en");
        desk.getByRole(AriaRole.BUTTON, named("Save")).click();
        org.assertj.core.api.Assertions.assertThat(w.asAdmin().get("/api/v1/members/" + member.path("id").asLong())
                .json().path("language").asString()).isEqualTo("EN");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aNewVersionOfTheProgramRulesIsAcceptedBeforeTheCardShows() {
        World w = fixtures.world(api);
        String email = Fixtures.unique("rita") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "rita-password-12");
        assertThat(phone.locator("#balance")).isVisible();

        Page office = browser.desktop("en-GB");
        Browser.signIn(office, url(""), w.admin);
        office.navigate(url("/admin/legal"));
        office.locator("#TERMS-body").fill("");
        office.locator("main form").nth(1).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Publish as a new version")).click();
        assertThat(office.locator("#TERMS-body-error")).isVisible();
        office.locator("#TERMS-body").fill("Rule 1: points never expire.\nRule 2: be kind.");
        office.locator("main form").nth(1).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Publish as a new version")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).containsText("Published");
        assertThat(office.locator("main")).containsText("Version 1 in force");

        phone.navigate(url("/c/" + w.circuitId + "/my"));
        assertThat(phone).hasURL(url("/c/" + w.circuitId + "/my/terms"));
        assertThat(phone.locator("main")).containsText("Rule 2: be kind.");
        phone.getByRole(AriaRole.BUTTON, named("Continue")).click();
        assertThat(phone.locator("#accept-error")).isVisible();
        phone.getByLabel("I have read and accept the new versions").check();
        phone.getByRole(AriaRole.BUTTON, named("Continue")).click();
        assertThat(phone).hasURL(url("/c/" + w.circuitId + "/my"));
        JsonNode m = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json();
        assertThat(m.path("consents").valueStream().filter(c -> c.path("kind").asString().equals("TERMS"))
                .map(c -> c.path("textVersion").asString()).toList()).containsExactly("terms-v1");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void eachCompanyHasItsPageInTheLoyaltySpaceThatSignsUpAtItsStore() {
        World w = fixtures.world(api);
        long[] shop = w.company("Gelateria");
        String storeName = w.asAdmin().get("/api/v1/stores/" + shop[1]).json().path("name").asString();
        Page phone = browser.phone("en-GB");
        phone.navigate(url("/c/" + w.circuitId));
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gelateria").setExact(false)).click();
        assertThat(phone.locator("h1")).containsText("Gelateria");
        assertThat(phone.locator("main")).containsText(storeName);
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join now")).click();
        assertThat(phone.locator("main")).containsText("You are joining at " + storeName);
        assertThat(api.get("/c/" + w.circuitId + "/company/999999999").status()).isEqualTo(404);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCustomerAreaIsInstallableAndClosedToStrangers() {
        World w = fixtures.world(api);
        Api.Response manifest = api.get("/c/" + w.circuitId + "/manifest.webmanifest");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.json().path("start_url").asString()).isEqualTo("/c/" + w.circuitId + "/my");
        assertThat(manifest.json().path("display").asString()).isEqualTo("standalone");
        assertThat(api.get("/c/" + w.circuitId + "/my").status()).isEqualTo(302);
        assertThat(api.get("/c/" + w.circuitId + "/my/card.png").header("Location")).endsWith("/c/" + w.circuitId + "/login");
        assertThat(api.get("/c/999999999/join").status()).isEqualTo(404);
        assertThat(api.postRaw("/c/" + w.circuitId + "/join", "email=a@b.it").status())
                .as("a form without the CSRF token is refused").isEqualTo(403);
    }
}
