package org.loyaltyhub.site;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's review pages (issue 18 §3) in a real Chromium: its administrator sets them on a phone in Italian, with
 * a bad address refused next to its field; a customer who buys at its store without review pages of its own is then
 * asked to review on the company's, and finds them on the share page too.
 */
class CompanyReviewLinksInTheBrowserTest extends BrowserTest {

    @Test
    void theCompanyAdministratorSetsTheReviewPagesAndACustomerSeesThemAfterAPurchaseAtAStoreWithoutItsOwn() {
        World w = fixtures.world(api);
        long[] shop = w.company("Trattoria");
        w.asAdmin().put("/api/v1/receipts/settings", Map.of("enabled", true, "maxAgeDays", 7, "dailyLimit", "300"));

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.operator("COMPANY_ADMIN", shop[0], null));
        phone.navigate(url("/company"));
        Locator form = phone.locator("#review-links");
        assertThat(form.locator("h2")).hasText("Pagine delle recensioni");
        form.getByLabel("Pagina TripAdvisor (https://…)").fill("http://www.tripadvisor.it/trattoria");
        form.getByLabel("Pagina delle recensioni dei prodotti del negozio online (https://…)")
                .fill("https://shop.example/recensioni");
        phone.getByRole(AriaRole.BUTTON, named("Salva le pagine delle recensioni")).click();
        assertThat(phone.locator("#tripadvisorUrl-error")).hasText("Scrivi un indirizzo che inizi con https://");
        assertThat(phone.locator("#tripadvisorUrl")).hasAttribute("aria-invalid", "true");
        assertThat(phone.locator("#productReviewsUrl")).hasValue("https://shop.example/recensioni");
        assertThat(w.asAdmin().get("/api/v1/companies/" + shop[0] + "/review-links").json()
                .path("productReviewsUrl").isNull()).as("nothing saved while a field is wrong").isTrue();

        phone.locator("#tripadvisorUrl").fill("https://www.tripadvisor.it/trattoria");
        phone.locator("#review-links button").click();
        assertThat(phone.locator("#review-links .message.info")).hasText("Salvato.");
        assertThat(phone.locator("#tripadvisorUrl")).hasValue("https://www.tripadvisor.it/trattoria");
        Browser.screenshot(phone, "company-review-links-phone-it");

        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        String code = till.post("/api/v1/stores/" + shop[1] + "/receipt-codes", Map.of("receiptNumber", 77,
                "currency", "EUR", "amount", "25.00", "issuedAt", clock.instant().minusSeconds(600).toString()))
                .json().path("code").asString();
        Page customer = browser.phone("en-GB");
        joinAndConfirm(customer, w.circuitId, Fixtures.unique("diner") + "@member.test", "diner-password-1");
        customer.navigate(url("/c/" + w.circuitId + "/my/receipts"));
        customer.locator("#claim-receipt input[name=code]").fill(code);
        customer.locator("#claim-receipt button[type=submit]").click();
        Locator prompt = customer.locator("#review-after-purchase");
        assertThat(prompt.locator("a[href='https://www.tripadvisor.it/trattoria']")).hasText("Review on TripAdvisor");
        assertThat(prompt.locator("a[href='https://shop.example/recensioni']")).hasText("Review our products");

        customer.navigate(url("/c/" + w.circuitId + "/my"));
        assertThat(prompt).containsText("How was your visit to Trattoria");
        assertThat(prompt.locator("a")).hasCount(2);
        Browser.screenshot(customer, "company-review-links-after-purchase-phone-en");
        customer.navigate(url("/c/" + w.circuitId + "/my/share"));
        assertThat(customer.locator("#reviews li")).containsText("Trattoria");
        assertThat(customer.locator("#reviews a[href='https://www.tripadvisor.it/trattoria']")).hasCount(1);
        assertThat(browser.errors()).isEmpty();
    }
}
