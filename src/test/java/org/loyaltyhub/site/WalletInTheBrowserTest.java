package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The cashback wallet in a real Chromium: the counter pays with it, the customer area and back office show it. */
class WalletInTheBrowserTest extends BrowserTest {

    private static void cashback(World w, String percent) {
        Api.Response r = w.asAdmin().put("/api/v1/money-programs/CASHBACK", Map.of("enabled", true, "percent", percent,
                "minOrder", "0", "maxSharePercent", "50"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void theCounterPaysPartOfAnOrderWithTheCashbackWallet() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        cashback(w, "10");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        JsonNode member = w.enrol(till, "wallet-counter");
        long id = member.path("id").asLong();
        w.purchase(till, "W-1", id, "100.00", "PAID"); // 10.00 of cashback
        Page page = browser.phone("en-GB");
        Browser.signIn(page, url(""), w.operator("STORE_OPERATOR", null, shop[1]));
        page.locator("#q").fill(member.path("card").path("number").asString());
        page.waitForResponse(r -> r.url().contains("/counter?q="), () -> page.locator("#q").press("Enter"));
        assertThat(page.locator("#counter-wallet #wallet-cashback")).hasText("10.00 EUR");

        page.getByLabel("Order total").fill("12,00");
        Browser.answered(page, "/counter/wallet", () -> page.getByRole(AriaRole.BUTTON,
                named("How much can the wallet pay?")).click());
        assertThat(page.locator("#wallet-offer")).hasText("The wallet can pay up to 6.00 EUR");
        page.getByLabel("Amount to pay with the wallet").fill("5.50");
        Browser.answered(page, "/counter/wallet", () -> page.getByRole(AriaRole.BUTTON,
                named("Pay with the wallet")).click());
        assertThat(page.locator("#wallet-paid")).hasText("5.50 EUR paid with the wallet: give it as a discount");
        Browser.screenshot(page, "counter-wallet-phone-en");
        assertThat(w.asAdmin().get("/api/v1/members/" + id + "/wallets/CASHBACK").json().path("available")
                .path("amount").asString()).isEqualTo("4.50");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCustomerAreaShowsTheWalletAndItsMovements() {
        World w = fixtures.world(api);
        cashback(w, "5");
        String email = org.loyaltyhub.support.Fixtures.unique("wanda") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "wanda-password-12");
        long id = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        long[] shop = w.company("Forno");
        w.purchase(api.withKey(w.apiKey(shop[0], shop[1])), "F-1", id, "40.00", "PAID");
        phone.reload();
        assertThat(phone.locator("#wallet #wallet-cashback")).hasText("2.00 EUR");
        phone.navigate(url("/c/" + w.circuitId + "/my/history"));
        assertThat(phone.locator("#wallet-history")).containsText("Cashback on a purchase");
        assertThat(phone.locator("#wallet-history")).containsText("+2.00 EUR");
        Browser.screenshot(phone, "customer-wallet-history-phone-en");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anAdministratorSetsTheProgramAndCreditsAWalletAfterAPreview() {
        World w = fixtures.world(api);
        long id = w.enrol(w.asAdmin(), "wallet-office").path("id").asLong();
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/cashback"));
        page.locator("#CASHBACK-percent").fill("150");
        page.locator("#program-CASHBACK button[type=submit]").click();
        assertThat(page.locator("#CASHBACK-percent-error")).hasText("Type a percentage from 0 to 100.");
        page.locator("#CASHBACK-enabled").check();
        page.locator("#CASHBACK-percent").fill("3");
        page.locator("#program-CASHBACK button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved.");
        assertThat(w.asAdmin().get("/api/v1/money-programs/CASHBACK").json().path("percent").asString()).isEqualTo("3");

        page.navigate(url("/members/" + id + "/wallet"));
        Browser.answered(page, "/wallet/adjustment", () -> page.locator("#wallet-amount").fill("7,50"));
        assertThat(page.locator("#wallet-preview")).containsText("0.00 EUR");
        page.locator("#wallet-note").fill("welcome gift");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.locator("#wallet-cashback")).hasText("7.50 EUR");
        assertThat(page.locator("table.wallet-movements")).containsText("Manual credit");
        Browser.screenshot(page, "member-wallet-desktop-en");
        assertThat(browser.errors()).isEmpty();
    }
}
