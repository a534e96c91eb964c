package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The very first thing a newcomer does: the first-run page, with the token from the log. Runs before the rest. */
@Order(0)
class FirstRunInTheBrowserTest extends IntegrationTest {

    @Autowired
    FirstRun firstRun;

    @Test
    void theFirstRunPageCreatesThePlatformAdministratorAndTheFirstCircuitOnce() {
        try (Browser browser = new Browser()) {
            Page page = browser.desktop("en-US");
            String setup = "http://localhost:" + port + "/setup";
            if (!firstRun.required()) {
                page.navigate(setup);
                assertThat(page).hasURL("http://localhost:" + port + "/login");
                return; // another test class ran first in this JVM and did the set-up through the API
            }
            String token = firstRun.newToken();
            page.navigate(setup);
            assertThat(page.locator("h1")).hasText("First run");
            page.getByLabel("One-time token").fill("wrong-token");
            page.locator("#platformAdmin-name").fill("Root");
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
            assertThat(page).hasURL("http://localhost:" + port + "/login?setup");
            Browser.signIn(page, "http://localhost:" + port, new org.loyaltyhub.support.Api.Login("ada@bottega.test",
                    "circuit-password-1"));
            assertThat(page.locator("header .brand")).hasText("Bottega Rossi");
            assertThat(firstRun.required()).isFalse();
            page.navigate(setup);
            assertThat(page).hasURL("http://localhost:" + port + "/admin");
            assertThat(browser.errors()).isEmpty();
        }
    }
}
