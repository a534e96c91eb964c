package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Operators in a real Chromium: sign-in in Italian and English, role start pages, the counter, lock-out. */
class OperatorsInTheBrowserTest extends BrowserTest {


    private void signIn(Page page, Api.Login login) {
        Browser.signIn(page, url(""), login);
    }

    @Test
    void aCircuitAdministratorSignsInInItalianAndSwitchesToEnglish() {
        World w = fixtures.world(api);
        w.company("Caffè Roma");
        Page page = browser.desktop("it-IT");
        page.navigate(url("/admin"));
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("h1")).hasText("Accedi");
        page.getByLabel("E-mail").fill(w.admin.email());
        page.getByLabel("Password").fill("wrong-password-here");
        page.locator("form button[type=submit]").click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).hasText("E-mail o password errate.");
        signIn(page, w.admin);
        assertThat(page).hasURL(url("/admin"));
        assertThat(page.locator("#dash-companies")).hasText("1");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Aziende")
                .setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Aziende");
        assertThat(page.locator("table").first()).containsText("Caffè Roma");
        Browser.screenshot(page, "admin-desktop-it");
        page.getByText("English").click();
        assertThat(page.locator("h1")).hasText("Companies");
        page.navigate(url("/admin/companies"));
        assertThat(page.locator("h1")).hasText("Companies"); // the choice is remembered in a cookie
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(url("/login?logout"));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aStoreOperatorFindsACustomerAtTheCounterOnAPhoneAndCannotOpenAdministration() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        JsonNode member = w.enrol(w.as(till), Map.of("firstName", "Mario", "lastName", "Rossi",
                "email", org.loyaltyhub.support.Fixtures.unique("mario") + "@member.test"));
        w.purchase(w.as(till), "B-1", member.path("id").asLong(), "1234.00", "PAID");
        Page page = browser.phone("en-GB");
        signIn(page, till);
        assertThat(page).hasURL(url("/counter"));
        page.getByLabel("Find the customer").fill(member.path("card").path("number").asString());
        page.getByLabel("Find the customer").press("Enter");
        assertThat(page.locator("#result h2")).hasText("Mario Rossi");
        assertThat(page.locator("#member-available")).hasText("1,234");
        Browser.screenshot(page, "counter-phone-en");

        page.getByLabel("Amount").fill("abc");
        Browser.answered(page, "/counter/sale", () -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Confirm purchase")).click());
        assertThat(page.locator("#amount-error")).containsText("greater than zero");
        // one edit, one preview: typing key by key after clearing raced the preview of the cleared field on a busy machine
        Browser.answered(page, "/counter/sale/preview", () -> page.getByLabel("Amount").fill("49,90"));
        assertThat(page.locator("#sale-preview")).hasText("The customer earns 49 points");
        Browser.answered(page, "/counter/sale", () -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Confirm purchase")).click());
        assertThat(page.locator("#receipt-points")).hasText("49");
        assertThat(page.locator("#receipt-balance")).hasText("1,283");
        assertThat(page.locator("#member-available")).hasText("1,283");
        Browser.screenshot(page, "counter-sale-receipt-phone-en");
        assertThat(w.available(member.path("id").asLong())).isEqualTo(1283);

        // redeem: with the default program, 100 points = 1 EUR, up to the whole cart
        page.getByLabel("Cart total").fill("5.00");
        Browser.answered(page, "/counter/redeem", () -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("How many points can be used?")).click());
        assertThat(page.locator("#redeem-quote")).hasText("Use 500 points for a discount of 5.00 EUR");
        Browser.answered(page, "/counter/redeem", () -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Confirm redemption")).click());
        assertThat(page.locator("#redeemed-discount")).hasText("5.00 EUR");
        assertThat(page.locator("#member-available")).hasText("783");
        Browser.screenshot(page, "counter-redeem-phone-en");
        assertThat(w.available(member.path("id").asLong())).isEqualTo(783);
        w.assertBooksBalance();
        page.getByLabel("Find the customer").fill("nobody@nowhere.test");
        page.getByLabel("Find the customer").press("Enter");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                .hasText("No customer matches what you typed.");
        assertThat(browser.errors()).isEmpty();
        // from here on the browser reports the expected 403 as a failed resource
        com.microsoft.playwright.Response forbidden = page.navigate(url("/admin"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("You do not have access to this page");
        assertThat(page.locator("nav")).not().containsText("Companies");
        Browser.screenshot(page, "forbidden-phone-en");
    }

    @Test
    void aStoreOperatorEnrolsANewCustomerInItalianAndLandsOnTheirCard() {
        World w = fixtures.world(api);
        long[] shop = w.company("Enrol");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Page page = browser.open(1024, 768, "it-IT"); // a tablet at the till
        signIn(page, till);
        page.getByText("Nuovo cliente").click();
        page.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Lucia");
        page.getByLabel("Cognome").fill("Neri");
        String email = org.loyaltyhub.support.Fixtures.unique("lucia") + "@member.test";
        page.getByLabel("E-mail").fill(email);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Iscrivi")).click();
        assertThat(page.locator("#privacy-error")).containsText("privacy");
        assertThat(page.getByLabel("Cognome")).hasValue("Neri");
        assertThat(w.asAdmin().get("/api/v1/members?q=" + email).json().path("total").asLong())
                .as("nothing saved").isZero();
        page.getByLabel("Il cliente accetta l'informativa sulla privacy").check();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Iscrivi")).click();
        assertThat(page.locator("#result h2")).hasText("Lucia Neri");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).containsText("Cliente iscritto");
        Browser.screenshot(page, "counter-enrolled-tablet-it");
        JsonNode enrolled = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json();
        assertThat(enrolled.path("consents").get(0).path("kind").asString()).isEqualTo("PRIVACY");

        page.navigate(url("/counter/enrol"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Il cliente accetta l'informativa sulla privacy").check();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Iscrivi")).click();
        assertThat(page.locator("#email-error")).containsText("già iscritto");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void repeatedWrongPasswordsStopTheirAddressForThatAccountWithAClearMessage() {
        World w = fixtures.world(api);
        long[] shop = w.company("Lock");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Page page = browser.desktop("en-US");
        page.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "192.0.2.77"));
        for (int i = 0; i < 5; i++) {
            signIn(page, new Api.Login(till.email(), "not-the-password"));
        }
        signIn(page, till);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                .containsText("Too many failed attempts from this connection");
        assertThat(w.as(till).header("X-Forwarded-For", "192.0.2.77").get("/api/v1/me").status())
                .as("the API refuses that address too").isEqualTo(429);
        assertThat(w.as(till).get("/api/v1/me").status()).as("the owner elsewhere is not locked out").isEqualTo(200);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void pagesNeedASessionAndFormsNeedTheCsrfToken() {
        Api.Response page = api.get("/admin");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        Api.Response forged = api.postRaw("/login", "email=x&password=y");
        assertThat(forged.status()).as("a sign-in form without the CSRF token is refused").isEqualTo(403);
    }

    @Test
    void productLinesAtTheCounterApplyTheProductsOwnRuleInThePreviewAndTheSale() {
        World w = fixtures.world(api);
        long[] shop = w.company("Lines");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        assertThat(w.asAdmin().put("/api/v1/program/product-rules/COFFEE", Map.of("productId", "COFFEE",
                "earnMode", "FIXED", "fixedPoints", 10, "redeemListed", false)).status()).isEqualTo(200);
        JsonNode member = w.enrol(w.as(till), "lines");
        Page page = browser.open(1024, 768, "en-GB");
        signIn(page, till);
        page.getByLabel("Find the customer").fill(member.path("card").path("number").asString());
        page.getByLabel("Find the customer").press("Enter");
        assertThat(page.locator("#result h2")).containsText("Test");
        page.getByText("Product lines (optional)").click();
        page.getByLabel("Product code, line 1").fill("COFFEE");
        page.getByLabel("Quantity, line 1").fill("3");
        page.getByLabel("Unit price, line 1").fill("abc");
        Browser.answered(page, "/counter/sale", () -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Confirm purchase")).click());
        assertThat(page.locator("#lines-error")).containsText("Each line needs");
        assertThat(w.available(member.path("id").asLong())).as("nothing recorded").isZero();
        page.getByLabel("Unit price, line 1").fill("1.20");
        page.getByLabel("Product code, line 2").fill("CAKE");
        Browser.answered(page, "/counter/sale/preview", () -> page.getByLabel("Unit price, line 2").pressSequentially("4.00"));
        // without an amount the lines' sum (7.60) is the amount: 30 points for the coffees, 4 for the cake
        assertThat(page.locator("#sale-preview")).hasText("The customer earns 34 points");
        Browser.answered(page, "/counter/sale", () -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Confirm purchase")).click());
        assertThat(page.locator("#receipt-points")).hasText("34");
        assertThat(page.locator("#receipt-amount")).hasText("7.60 EUR");
        assertThat(w.available(member.path("id").asLong())).isEqualTo(34);
        assertThat(browser.errors()).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aSignedInSessionLivesInTheDatabaseSoAnyNodeServesItAndSigningOutEndsIt() {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        signIn(page, w.admin);
        assertThat(page).hasURL(url("/admin"));
        assertThat(page.context().cookies().stream().map(c -> c.name).toList()).contains("SESSION");
        String principal = "operator:" + w.asAdmin().get("/api/v1/me").json().path("operatorId").asLong();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :p")
                .param("p", principal).query(Long.class).single()).isEqualTo(1);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :p")
                .param("p", principal).query(Long.class).single()).isZero();
        assertThat(browser.errors()).isEmpty();
    }
}
