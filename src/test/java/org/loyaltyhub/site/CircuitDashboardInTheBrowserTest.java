package org.loyaltyhub.site;

import tools.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circuit administrator's pages after the review: a dashboard to land on, companies (renamed and switched off)
 * and operators on pages of their own, an operator form whose defaults work, and a language switch that keeps the
 * page's filters.
 */
class CircuitDashboardInTheBrowserTest extends BrowserTest {

    @Test
    void aCircuitAdministratorLandsOnADashboardWhoseFiguresComeFromTheBooks() {
        World w = fixtures.world(api);
        long[] shop = w.company("Dashboard");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long member = w.enrol(w.as(till), "dash").path("id").asLong();
        w.purchase(w.as(till), "D-1", member, "50.00", "PAID");
        long earned = w.available(member);
        assertThat(earned).isPositive();
        Page page = browser.phone("en-GB");
        Browser.signIn(page, url(""), w.admin);
        assertThat(page).hasURL(url("/admin"));
        assertThat(page.locator("#dash-companies")).hasText("1");
        assertThat(page.locator("#dash-members")).hasText("1");
        assertThat(page.locator("#dash-issued")).hasText(String.valueOf(earned));
        assertThat(page.locator("#dash-outstanding")).hasText(String.valueOf(earned));
        assertThat(page.locator("#dash-budget")).hasCount(0); // budgets are not enforced in this circuit
        assertThat(page.locator("#latest")).containsText("Dashboard");
        assertThat(fitsTheScreen(page)).as("nothing wider than the phone").isTrue();
        Browser.screenshot(page, "circuit-dashboard-phone-en");
        for (String path : new String[]{"/admin/companies", "/admin/operators", "/admin/companies/" + shop[0]}) {
            page.navigate(url(path));
            assertThat(fitsTheScreen(page)).as(path + " fits the phone").isTrue();
        }
        Browser.screenshot(page, "company-edit-phone-en");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCompanySwitchedOffLocksOutItsOperatorsAndApiKeysUntilSwitchedOnAgain() {
        World w = fixtures.world(api);
        long[] shop = w.company("Switch");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Api.Login boss = w.operator("COMPANY_ADMIN", shop[0], null);
        String key = w.apiKey(shop[0], null);
        assertThat(w.as(boss).put("/api/v1/companies/" + shop[0], Map.of("name", "Switch", "active", false)).status())
                .as("a company administrator cannot switch their own company off").isEqualTo(403);
        Page page = browser.desktop("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/companies"));
        page.locator("a[href='/admin/companies/" + shop[0] + "']").click();
        page.locator("#name").fill("");
        page.getByRole(AriaRole.BUTTON, named("Salva").setExact(true)).click();
        assertThat(page.locator("#name-error")).isVisible();
        page.locator("#name").fill("Switch rinominata");
        page.getByLabel("Attiva: i suoi operatori possono accedere").uncheck();
        page.getByRole(AriaRole.BUTTON, named("Salva").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Salvato.");
        assertThat(page.locator("h1")).hasText("Switch rinominata");
        assertThat(w.as(till).get("/api/v1/me").status()).as("its store operator is refused").isEqualTo(401);
        assertThat(w.as(boss).get("/api/v1/me").status()).as("its administrator is refused").isEqualTo(401);
        assertThat(api.withKey(key).get("/api/v1/me").status()).as("its API key is refused").isEqualTo(401);
        page.navigate(url("/admin/companies"));
        assertThat(page.locator("main table")).containsText("Disattivata");
        page.navigate(url("/admin/operators"));
        assertThat(page.locator("#storeCompanyId")).hasCount(0);
        assertThat(page.locator("#operatorPlace")).not().containsText("Switch rinominata");

        page.navigate(url("/admin/companies/" + shop[0]));
        page.getByLabel("Attiva: i suoi operatori possono accedere").check();
        page.getByRole(AriaRole.BUTTON, named("Salva").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Salvato.");
        assertThat(w.as(till).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api.withKey(key).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theNewOperatorFormWorksWithItsDefaultsAndTakesAStoreForACompanyAdministratorAsItsCompany() {
        World w = fixtures.world(api);
        long[] shop = w.company("Defaults");
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/operators"));
        String till = org.loyaltyhub.support.Fixtures.unique("till") + "@op.test";
        page.getByLabel("Name").fill("Till");
        page.getByLabel("E-mail").fill(till);
        page.getByLabel("Password").fill("counter-password-1");
        page.getByRole(AriaRole.BUTTON, named("Create operator")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Operator created: they can sign in now.");
        JsonNode created = operator(w, till);
        assertThat(created.path("role").asString()).isEqualTo("STORE_OPERATOR");
        assertThat(created.path("storeId").asLong()).isEqualTo(shop[1]);

        String boss = org.loyaltyhub.support.Fixtures.unique("boss") + "@op.test";
        page.getByLabel("Name").fill("Boss");
        page.getByLabel("E-mail").fill(boss);
        page.getByLabel("Password").fill("company-password-1");
        page.getByLabel("Role").selectOption("COMPANY_ADMIN");
        page.getByRole(AriaRole.BUTTON, named("Create operator")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Operator created: they can sign in now.");
        assertThat(operator(w, boss).path("companyId").asLong()).isEqualTo(shop[0]);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theLanguageSwitchKeepsThePagesFiltersAndEveryPageHasTheSkipLinksTarget() {
        World w = fixtures.world(api);
        w.company("Filters");
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/members?q=rossi&newsletter=true"));
        page.getByRole(AriaRole.LINK, named("Italiano")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/members\\?q=rossi&newsletter=true&lang=it$"));
        assertThat(page.locator("html")).hasAttribute("lang", "it");
        for (String path : new String[]{"/admin", "/admin/companies", "/admin/operators", "/admin/connections",
                "/members", "/budgets", "/admin/program", "/admin/circuit", "/admin/legal", "/counter"}) {
            page.navigate(url(path));
            assertThat(page.locator("#main")).hasCount(1); // the skip link's target
        }
        page.navigate(url("/admin/connections"));
        assertThat(page.locator("#storeId")).hasCount(1);
        assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll('select, input:not([type=hidden])')]"
                + ".every(e => e.labels.length > 0)")).as("every field of the shops page has its label").isTrue();
        page.getByRole(AriaRole.LINK, named("English")).click();
        assertThat(browser.errors()).isEmpty();
    }

    private JsonNode operator(World w, String email) {
        return w.asAdmin().get("/api/v1/operators").json().valueStream()
                .filter(o -> o.path("email").asString().equals(email)).findFirst().orElseThrow();
    }

    static boolean fitsTheScreen(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }
}
