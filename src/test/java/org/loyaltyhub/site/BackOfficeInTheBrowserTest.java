package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * The back office in a real Chromium: new circuits on the platform page, editing and disabling operators, store
 * addresses and the sign-up poster, budgets with recharge and history, the company dashboard and history filters.
 */
class BackOfficeInTheBrowserTest extends BrowserTest {


    @Test
    void thePlatformAdministratorCreatesACircuitWhoseAdministratorSignsIn() {
        Api.Login root = fixtures.platformAdmin(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), root);
        assertThat(page).hasURL(url("/platform"));
        String name = Fixtures.unique("Coalizione");
        String email = Fixtures.unique("coalition") + "@circuit.test";
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).first().fill(name);
        page.getByLabel("Currency (ISO code, e.g. EUR)").fill("euro");
        page.locator("#adminName").fill("Carla");
        page.locator("#adminEmail").fill(email);
        page.locator("#adminPassword").fill("coalition-password-1");
        page.getByRole(AriaRole.BUTTON, named("Create circuit")).click();
        assertThat(page.locator("#currency-error")).hasText("Type a three-letter currency code such as EUR.");
        assertThat(page.locator("#adminEmail")).hasValue(email);
        assertThat(page.locator("main table")).not().containsText(name);
        page.getByLabel("Currency (ISO code, e.g. EUR)").fill("EUR");
        page.locator("#adminPassword").fill("coalition-password-1");
        page.getByRole(AriaRole.BUTTON, named("Create circuit")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Circuit created");
        assertThat(page.locator("main table")).containsText(name);
        Browser.screenshot(page, "platform-desktop-en");

        Page admin = browser.desktop("en-GB");
        Browser.signIn(admin, url(""), new Api.Login(email, "coalition-password-1"));
        assertThat(admin).hasURL(url("/admin"));
        assertThat(admin.locator("header .brand")).containsText(name);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCircuitAdministratorDisablesAnOperatorAndCannotDisableThemselves() {
        World w = fixtures.world(api);
        long[] shop = w.company("Disable");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Page page = browser.desktop("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/operators"));
        page.getByRole(AriaRole.LINK, named("STORE_OPERATOR")).click();
        assertThat(page.locator("h1")).hasText("STORE_OPERATOR");
        page.getByLabel("Può accedere").uncheck();
        page.locator("#password").fill("short");
        page.getByRole(AriaRole.BUTTON, named("Salva")).click();
        assertThat(page.locator("#password-error")).isVisible();
        assertThat(w.as(till).get("/api/v1/me").status()).as("nothing saved").isEqualTo(200);
        page.locator("#password").fill("");
        page.getByRole(AriaRole.BUTTON, named("Salva")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Salvato.");
        assertThat(page.getByLabel("Può accedere")).not().isChecked();
        assertThat(w.as(till).get("/api/v1/me").status()).as("a disabled operator is refused").isEqualTo(401);

        page.navigate(url("/admin/operators"));
        page.getByRole(AriaRole.LINK, named("Circuit Admin")).click();
        page.getByLabel("Può accedere").uncheck();
        page.getByRole(AriaRole.BUTTON, named("Salva")).click();
        assertThat(page.locator("#enabled-error")).hasText("Non puoi disattivare il tuo stesso account.");
        assertThat(w.asAdmin().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aStoreGetsItsAddressAndAPosterWhoseCodeEnrolsCustomersThere() {
        World w = fixtures.world(api);
        long[] shop = w.company("Poster");
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/stores/" + shop[1]));
        page.getByLabel("Address").fill("Via Roma 1");
        page.getByLabel("Latitude").fill("95");
        page.getByLabel("Longitude").fill("9.19");
        page.locator("#store-place").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#latitude-error")).containsText("from -90 to 90");
        assertThat(w.asAdmin().get("/api/v1/stores/" + shop[1]).json().path("address").isNull()).isTrue();
        page.getByLabel("Latitude").fill("45,4642");
        page.locator("#store-place").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved.");
        JsonNode store = w.asAdmin().get("/api/v1/stores/" + shop[1]).json();
        assertThat(store.path("address").asString()).isEqualTo("Via Roma 1");
        assertThat(store.path("latitude").decimalValue()).isEqualByComparingTo("45.4642");

        page.getByRole(AriaRole.LINK, named("Sign-up poster with QR code")).click();
        assertThat(page.locator(".sheet .qr svg")).isVisible();
        String joinUrl = page.locator(".sheet .url strong").textContent();
        assertThat(joinUrl).isEqualTo(url("/c/" + w.circuitId + "/join?store=" + shop[1]));
        Browser.screenshot(page, "store-poster-desktop-en");

        String email = Fixtures.unique("poster") + "@member.test";
        Page phone = browser.phone("en-GB");
        phone.navigate(joinUrl);
        assertThat(phone.locator("main")).containsText("You are joining at");
        phone.getByLabel("E-mail").fill(email);
        phone.getByLabel("Password (at least 10 characters)").fill("poster-password-1");
        phone.getByLabel("I have read the privacy notice").check();
        phone.getByLabel("I accept the program rules").check();
        phone.getByRole(AriaRole.BUTTON, named("Join")).click();
        TestMail.lastTo(email);
        JsonNode member = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json();
        assertThat(member.path("enrolledStoreId").asLong()).isEqualTo(shop[1]);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void budgetsAreRechargedOnceEvenWhenTheFormIsSentTwiceAndTheCompanySeesItsDashboard() {
        World w = fixtures.world(api, false, true);
        long[] shop = w.company("Budget");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/budgets"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Budget-").setExact(false)).click();
        page.getByLabel("Points to add").fill("1.5");
        page.getByRole(AriaRole.BUTTON, named("Recharge the budget")).click();
        assertThat(page.locator("#points-error")).isVisible();
        assertThat(w.budget(shop[0])).isZero();
        page.getByLabel("Points to add").fill("1000");
        page.getByLabel("Note (optional, e.g. the invoice number)").fill("Invoice 7");
        // the same form sent twice (a double click, a retried request) recharges once
        Object statuses = page.evaluate("""
                async () => {
                  const form = document.querySelector('form[action$="/recharges"]');
                  const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
                  const a = await send(); const b = await send();
                  return [a.status, b.status];
                }""");
        assertThat(statuses.toString()).isEqualTo("[200, 200]");
        page.reload();
        assertThat(page.locator("#budget-balance")).hasText("1,000");
        assertThat(page.locator("#budget-history")).containsText("Invoice 7");
        assertThat(w.budget(shop[0])).isEqualTo(1000);

        String till = w.apiKey(shop[0], shop[1]);
        JsonNode member = w.enrol(api.withKey(till), "dash");
        w.purchase(api.withKey(till), "D-1", member.path("id").asLong(), "250.00", "PAID");
        Page company = browser.desktop("en-GB");
        Browser.signIn(company, url(""), companyAdmin);
        assertThat(company).hasURL(url("/company"));
        assertThat(company.locator("#dash-members")).hasText("1");
        assertThat(company.locator("#dash-issued")).hasText("250");
        assertThat(company.locator("#dash-redeemed")).hasText("0");
        assertThat(company.locator("#dash-budget")).hasText("750");
        assertThat(company.locator("#latest")).containsText("+250");
        Browser.screenshot(company, "company-dashboard-desktop-en");
        company.navigate(url("/admin/legal"));
        assertThat(company.locator("h1")).hasText("You do not have access to this page");
        browser.errors().clear(); // the 403 above is expected
        company.navigate(url("/budgets"));
        assertThat(company).hasURL(url("/budgets/" + shop[0]));
        assertThat(company.locator("form[action$='/recharges']")).hasCount(0);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theMemberHistoryIsFilteredByKindAndDate() {
        World w = fixtures.world(api);
        long[] shop = w.company("Filter");
        String till = w.apiKey(shop[0], shop[1]);
        long memberId = w.enrol(api.withKey(till), "filter").path("id").asLong();
        w.purchase(api.withKey(till), "F-1", memberId, "30.00", "PAID");
        w.asAdmin().post("/api/v1/members/" + memberId + "/adjustments",
                Map.of("direction", "CREDIT", "points", 5, "note", "Goodwill"));
        Page page = browser.desktop("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/members/" + memberId));
        assertThat(page.locator("table").last().locator("tbody tr")).hasCount(2);
        page.getByLabel("Tipo").selectOption("MANUAL_CREDIT");
        page.getByRole(AriaRole.BUTTON, named("Filtra")).click();
        assertThat(page.locator("table").last().locator("tbody tr")).hasCount(1);
        assertThat(page.locator("table").last()).containsText("Accredito manuale");
        page.getByLabel("Tipo").selectOption("");
        page.locator("#from").fill("2020-01-01");
        page.locator("#to").fill("2020-12-31");
        page.getByRole(AriaRole.BUTTON, named("Filtra")).click();
        assertThat(page.locator("main")).containsText("Nessun movimento");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void longListsOfCompaniesArePaginated() {
        World w = fixtures.world(api);
        for (int i = 0; i < 26; i++) {
            w.company("Negozio " + (char) ('A' + i));
        }
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/companies"));
        assertThat(page.locator("main table").first().locator("tbody tr")).hasCount(25);
        assertThat(page.locator("nav.pages").first()).containsText("Page 1 of 2");
        page.locator("nav.pages").first().getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Next")).click();
        assertThat(page.locator("main table").first().locator("tbody tr")).hasCount(1);
        assertThat(page.locator("#storeCompanyId option")).hasCount(26);
        assertThat(browser.errors()).isEmpty();
    }
}
