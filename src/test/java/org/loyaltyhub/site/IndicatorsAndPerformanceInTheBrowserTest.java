package org.loyaltyhub.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.analytics.internal.IndicatorJob;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The member page shows the member's indicators and RFM segment; the performance page lists rewards with their
 * figures, in English on a desktop and in Italian on a phone for a company administrator, and names a bad range next
 * to its field.
 */
class IndicatorsAndPerformanceInTheBrowserTest extends BrowserTest {

    @Autowired
    IndicatorJob job;

    private static String readCsv(com.microsoft.playwright.Download download) {
        try {
            return java.nio.file.Files.readString(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theMemberPageShowsIndicatorsAndThePerformancePageListsRewardsOnDesktopAndPhone() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        long member = w.enrol(w.asAdmin(), Map.of("email", org.loyaltyhub.support.Fixtures.unique("indicators") + "@member.test", "firstName", "Ida",
                "birthDate", "1980-02-29", "storeId", shop[1])).path("id").asLong();
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        w.purchase(till, "i-1", member, "42.00", "PAID");
        w.purchase(till, "i-2", member, "18.00", "PAID");
        job.runAt(clock.instant());
        Api.Response reward = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "FIXED_AMOUNT", "titleEn",
                "Five off", "titleIt", "Cinque di sconto", "points", 20, "amount", "5.00", "voucherDays", 30));
        String code = till.post("/api/v1/members/" + member + "/reward-claims", Map.of("rewardId",
                reward.json().path("id").asLong(), "claimId", "b1")).json().path("code").asString();
        till.post("/api/v1/vouchers/" + code + "/redeem", Map.of("orderId", "i-2"));

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/members/" + member));
        assertThat(page.locator("#indicators h2")).hasText("Indicators");
        assertThat(page.locator("#indicator-age")).hasText("45 to 54");
        assertThat(page.locator("#indicator-visits")).hasText("2");
        assertThat(page.locator("#indicator-spend")).containsText("60.00");
        assertThat(page.locator("#indicator-store")).not().hasText("—");
        assertThat(page.locator("#indicator-rfm")).hasText("Hibernating");

        page.getByRole(AriaRole.LINK, named("Performance").setExact(true)).click();
        page.selectOption("#subject", "REWARDS");
        page.locator("#performance-range button").click();
        assertThat(page.locator("#performance-table")).containsText("Five off");
        // the voucher was used on the 18.00 order
        assertThat(page.locator("#performance-table tbody tr").first()).containsText("18.00");
        com.microsoft.playwright.Download csv = page.waitForDownload(() -> page.locator("#performance-csv").click());
        org.assertj.core.api.Assertions.assertThat(readCsv(csv)).contains("Five off,1,1,20,1,18.00,EUR");
        page.locator("#from").fill("2026-03-01");
        page.locator("#to").fill("2026-01-01");
        page.locator("#performance-range button").click();
        assertThat(page.locator("#to-error")).isVisible();
        assertThat(page.locator("#to")).hasAttribute("aria-invalid", "true");
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.operator("COMPANY_ADMIN", shop[0], null));
        phone.navigate(url("/company/analytics/performance?subject=REWARDS"));
        assertThat(phone.locator("h1")).hasText("Rendimento di campagne, coupon e premi");
        assertThat(phone.locator("#performance-table")).containsText("Cinque di sconto");
        Object overflow = phone.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(overflow).isEqualTo(false);
        phone.navigate(url("/members/" + member));
        assertThat(phone.locator("#indicators h2")).hasText("Indicatori");
        Browser.screenshot(phone, "indicators-phone");
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }
}
