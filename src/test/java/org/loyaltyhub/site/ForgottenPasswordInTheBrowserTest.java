package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** "Forgot password" in a real Chromium, with the link delivered by a real SMTP server (GreenMail). */
class ForgottenPasswordInTheBrowserTest extends IntegrationTest {

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anOperatorChoosesANewPasswordThroughTheEmailedLinkWhichThenStopsWorking() {
        World w = fixtures.world(api);
        long[] shop = w.company("Reset");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Page page = browser.desktop("it-IT");
        page.navigate(url("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Password dimenticata?")).click();
        page.getByLabel("E-mail").fill(till.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invia il link")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("sta arrivando un link");
        String link = TestMail.link(TestMail.lastTo(till.email()), "/login/reset?token=");

        page.navigate(link);
        page.getByLabel("Nuova password (almeno 10 caratteri)").fill("new-password-42");
        page.getByLabel("Ripeti la nuova password").fill("different-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salva la nuova password")).click();
        assertThat(page.locator("#repeated-error")).hasText("Le due password sono diverse.");
        assertThat(w.as(till).get("/api/v1/me").status()).as("the old password still works").isEqualTo(200);

        page.getByLabel("Nuova password (almeno 10 caratteri)").fill("new-password-42");
        page.getByLabel("Ripeti la nuova password").fill("new-password-42");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salva la nuova password")).click();
        assertThat(page).hasURL(url("/login?reset"));
        Browser.signIn(page, url(""), new Api.Login(till.email(), "new-password-42"));
        assertThat(page).hasURL(url("/counter"));
        assertThat(w.as(till).get("/api/v1/me").status()).as("the old password is gone").isEqualTo(401);

        page.navigate(link);
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Questo link è scaduto o è già stato usato.");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoEmail() {
        Page page = browser.desktop("en-GB");
        page.navigate(url("/login/forgot"));
        page.getByLabel("E-mail").fill("nobody@nowhere.test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("If this address belongs to an operator");
        assertThat(TestMail.countTo("nobody@nowhere.test")).isZero();
        page.navigate(url("/login/reset?token=forged"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("This link has expired or was already used.");
    }
}
