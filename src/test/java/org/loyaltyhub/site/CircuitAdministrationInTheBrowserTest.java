package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The circuit administrator creates a company, a store and an operator, who then signs in at the counter. */
class CircuitAdministrationInTheBrowserTest extends IntegrationTest {

    @Test
    void aCircuitAdministratorSetsUpACompanyAStoreAndAnOperatorWhoThenWorksTheCounter() {
        World w = fixtures.world(api);
        String base = "http://localhost:" + port;
        try (Browser browser = new Browser()) {
            Page page = browser.desktop("en-GB");
            Browser.signIn(page, base, w.admin);
            assertThat(page).hasURL(base + "/admin");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create company")).click();
            assertThat(page.locator("#companyName-error")).hasText("This field is required.");
            String company = Fixtures.unique("Pasticceria");
            page.locator("#companyName").fill(company);
            page.locator("#storeName").fill("Pasticceria – Centro");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create company")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Company created, with its first store.");
            assertThat(page.locator("table").first()).containsText("Pasticceria – Centro");

            page.locator("#newStoreName").fill("Pasticceria – Stazione");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create store")).click();
            assertThat(page.locator("table").first()).containsText("Pasticceria – Stazione");

            String email = Fixtures.unique("cassa") + "@op.test";
            page.locator("#operatorName").fill("Cassa Stazione");
            page.locator("#operatorEmail").fill(email);
            page.locator("#operatorPassword").fill("short");
            page.locator("#operatorPlace").selectOption(new SelectOption().setLabel("Pasticceria – Stazione"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create operator")).click();
            assertThat(page.locator("#operatorPassword-error")).hasText("The password needs at least 10 characters.");
            assertThat(page.locator("#operatorEmail")).hasValue(email);
            page.locator("#operatorPassword").fill("counter-password-1");
            page.locator("#operatorPlace").selectOption(new SelectOption().setLabel("Pasticceria – Stazione"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create operator")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Operator created: they can sign in now.");
            Browser.screenshot(page, "admin-setup-desktop-en");
            assertThat(browser.errors()).isEmpty();

            Page till = browser.phone("en-GB");
            Browser.signIn(till, base, new org.loyaltyhub.support.Api.Login(email, "counter-password-1"));
            assertThat(till).hasURL(base + "/counter");
            assertThat(w.asAdmin().get("/api/v1/operators").json().valueStream()
                    .filter(o -> o.path("email").asString().equals(email)).findFirst().orElseThrow()
                    .path("role").asString()).isEqualTo("STORE_OPERATOR");
            assertThat(browser.errors()).isEmpty();
        }
    }
}
