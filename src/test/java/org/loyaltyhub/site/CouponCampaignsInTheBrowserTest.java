package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The circuit administrator creates a coupon campaign with unique codes, is told next to the field what is wrong,
 * generates codes, gives one to a member, and opens the printable sheet; the pages read in Italian on a phone.
 */
class CouponCampaignsInTheBrowserTest extends BrowserTest {

    @Test
    void anAdministratorCreatesACampaignGeneratesCodesGivesOneToAMemberAndPrintsTheSheet() {
        World w = fixtures.world(api);
        long member = w.enrol(w.asAdmin(), "coupon").path("id").asLong();
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Coupons").setExact(true)).click();
        assertThat(page).hasURL(url("/admin/campaigns"));
        assertThat(page.locator("main")).containsText("No coupon campaign yet.");
        page.getByRole(AriaRole.LINK, named("New campaign")).click();

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Autumn flyer");
        page.locator("#gives").selectOption("FIXED_AMOUNT");
        page.locator("#codeMode").selectOption("UNIQUE");
        page.locator("#validFrom").fill("2026-01-01");
        page.locator("#validUntil").fill("2035-12-31");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.locator("#amount-error")).hasText("Give the amount off.");

        page.locator("#amount").fill("5");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Campaign saved.");

        page.getByLabel("Codes the campaign should have").fill("50");
        page.getByRole(AriaRole.BUTTON, named("Generate")).click();
        assertThat(page.locator("#generated")).hasText("Made 50 codes; the campaign has 50 unique codes.");
        assertThat(page.locator("#figures")).containsText("50");

        page.getByLabel("Member ids (separated by commas)").fill(String.valueOf(member));
        page.getByRole(AriaRole.BUTTON, named("Give codes").setExact(true)).click();
        assertThat(page.locator("#assigned")).containsText("Codes given to 1 members");

        page.getByRole(AriaRole.LINK, named("Printable sheet")).click();
        assertThat(page.locator(".coupon")).hasCount(12);
        assertThat(page.locator(".coupon img.qr").first()).isVisible();

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/campaigns"));
        assertThat(phone.locator("h1")).hasText("Campagne coupon");
        assertThat(phone.locator("#campaigns")).containsText("Autumn flyer");
        assertThat(phone.locator("#campaigns")).containsText("50 codici unici");
    }

    @Test
    void theCounterAsksForTheMembersCardForASharedCodeAndRefusesItTheSecondTime() {
        World w = fixtures.world(api);
        long[] shop = w.company("Counter");
        String shared = "AUTUMN" + (System.nanoTime() % 10000);
        w.asAdmin().post("/api/v1/campaigns", java.util.Map.of("name", "Autumn", "gives", "FREE_SHIPPING",
                "validFrom", "2026-01-01T00:00:00Z", "validUntil", "2036-01-01T00:00:00Z", "codeMode", "SHARED",
                "sharedCode", shared));
        String card = w.enrol(w.asAdmin(), java.util.Map.of("firstName", "Ada", "lastName", "Coupon",
                "email", org.loyaltyhub.support.Fixtures.unique("ada") + "@member.test", "storeId", shop[1]))
                .path("card").path("number").asString();
        Page counter = browser.phone("en-GB");
        Browser.signIn(counter, url(""), w.operator("STORE_OPERATOR", null, shop[1]));

        for (int time = 1; time <= 2; time++) {
            counter.navigate(url("/counter/vouchers"));
            counter.locator("#voucher-code").fill(shared.toLowerCase());
            counter.getByRole(AriaRole.BUTTON, named("Check")).click();
            assertThat(counter.locator("#shared-coupon")).containsText("Autumn");
            counter.locator("#coupon-card").fill(card);
            counter.locator("#shared-coupon button[type=submit]").click();
            if (time == 1) {
                assertThat(counter.locator("#redeemed")).containsText("Autumn");
            } else {
                assertThat(counter.locator("#voucher-error")).hasText("This member has already used this coupon.");
            }
        }
    }
}
