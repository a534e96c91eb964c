package org.loyaltyhub.site;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.FreshInstall;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The very first thing a newcomer does: the address from the log, the first-run page and the token from the log. */
@FreshInstall
class FirstRunInTheBrowserTest extends IntegrationTest {

    @Autowired
    FirstRun firstRun;

    @Test
    void aFreshInstallOpensOnTheFirstRunPageWhichCreatesThePlatformAdministratorAndTheFirstCircuitOnce() {
        assertThat(firstRun.required()).as("a fresh install has no platform administrator").isTrue();
        String base = "http://localhost:" + port;
        try (Browser browser = new Browser()) {
            Page italian = browser.phone("it-IT");
            italian.navigate(base + "/");
            assertThat(italian).hasURL(base + "/setup");
            Locator fields = italian.locator("main input:not([type=hidden])");
            assertThat(fields).hasCount(9);
            for (int i = 0; i < 9; i++) {
                String id = fields.nth(i).getAttribute("id");
                assertThat(italian.locator("label[for='" + id + "']")).hasCount(1);
            }
            italian.navigate(base + "/login");
            assertThat(italian).hasURL(base + "/setup");
            italian.locator("#platformAdmin-email").fill("not-an-e-mail");
            italian.locator("#platformAdmin-password").fill("short");
            italian.locator("#circuit-currency").fill("euro");
            italian.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crea")).click();
            assertThat(italian.locator("#token-error")).hasText("Compila questo campo.");
            assertThat(italian.locator("#platformAdmin-email-error")).containsText("indirizzo e-mail");
            assertThat(italian.locator("#platformAdmin-password-error")).hasText("La password deve avere almeno 10 caratteri.");
            assertThat(italian.locator("#circuit-currency-error")).containsText("codice valuta");
            assertThat(italian.locator("main")).not().containsText("must");
            Browser.screenshot(italian, "setup-errors-phone-it");

            Page page = browser.desktop("en-US");
            String token = firstRun.newToken();
            page.navigate(base + "/");
            assertThat(page.locator("h1")).hasText("First run");
            page.getByLabel("One-time token").fill("wrong-token");
            page.getByLabel("Name").first().fill("Root");
            page.locator("#platformAdmin-email").fill("root@platform.test");
            page.locator("#platformAdmin-password").fill("short");
            page.locator("#circuit-name").fill("Bottega Rossi");
            page.locator("#circuitAdmin-name").fill("Ada");
            page.locator("#circuitAdmin-email").fill("ada@bottega.test");
            page.locator("#circuitAdmin-password").fill("circuit-password-1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
            assertThat(page.locator("#platformAdmin-password-error")).containsText("at least 10 characters");
            assertThat(page.locator("#circuit-name")).hasValue("Bottega Rossi");
            Browser.screenshot(page, "setup-errors-desktop-en");

            page.locator("#platformAdmin-password").fill("platform-password-1");
            page.locator("#circuitAdmin-password").fill("circuit-password-1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
            assertThat(page.locator("#token-error")).containsText("token is wrong");

            page.getByLabel("One-time token").fill(token);
            page.locator("#platformAdmin-password").fill("platform-password-1");
            page.locator("#circuitAdmin-password").fill("circuit-password-1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
            assertThat(page).hasURL(base + "/login?setup");
            Browser.signIn(page, base, new org.loyaltyhub.support.Api.Login("ada@bottega.test", "circuit-password-1"));
            assertThat(page.locator("header .brand")).hasText("Bottega Rossi");
            assertThat(firstRun.required()).isFalse();
            page.navigate(base + "/setup");
            assertThat(page).hasURL(base + "/admin");
            assertThat(browser.errors()).isEmpty();
        }
    }
}
