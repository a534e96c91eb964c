package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The counter's live sale preview in a real Chromium: the CSRF token never travels in an address (it is a POST). */
class SalePreviewInTheBrowserTest extends BrowserTest {

    @Test
    void theSalePreviewIsAPostSoTheCsrfTokenNeverTravelsInItsAddress() {
        World w = fixtures.world(api);
        long[] shop = w.company("Preview");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        JsonNode member = w.enrol(w.as(till), "preview");
        Page page = browser.phone("en-GB");
        Browser.signIn(page, url(""), till);
        page.getByLabel("Find the customer").fill(member.path("card").path("number").asString());
        page.getByLabel("Find the customer").press("Enter");
        assertThat(page.locator("#result h2")).isVisible();

        Request preview = page.waitForRequest(r -> r.url().contains("/counter/sale/preview"),
                () -> page.getByLabel("Amount").pressSequentially("12"));
        assertThat(preview.method()).isEqualTo("POST");
        assertThat(preview.url()).doesNotContain("_csrf").doesNotContain("amount=");
        assertThat(preview.postData()).contains("amount=1");
        assertThat(page.locator("#sale-preview")).hasText("The customer earns 12 points");
        assertThat(browser.errors()).isEmpty();
    }
}
