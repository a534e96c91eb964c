package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The circuit administrator writes a promotion, is told next to the field what is wrong, runs the dry run over last
 * month's purchases before saving, saves and activates it; the list reads in Italian on a phone, and a member sees the
 * running promotion in the customer area.
 */
class PromotionsInTheBrowserTest extends BrowserTest {

    @Test
    void anAdministratorDryRunsAPromotionThenSavesAndActivatesItAndMembersSeeIt() {
        World w = fixtures.world(api);
        long[] shop = w.company("Promo");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(till, "browser-promo").path("id").asLong();
        w.purchase(till, "BP-1", member, "30.00", "PAID");
        w.purchase(till, "BP-2", member, "5.00", "PAID");

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Promotions").setExact(true)).click();
        assertThat(page).hasURL(url("/admin/promotions"));
        assertThat(page.locator("main")).containsText("No promotion yet.");
        page.getByRole(AriaRole.LINK, named("New promotion")).click();

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Double over 20");
        page.locator("#effectType").selectOption("MULTIPLIER");
        page.locator("#effectValue").fill("1");
        page.locator("#minSpend").fill("20");
        page.locator("#run-dry-run").click();
        assertThat(page.locator("#effectValue-error")).containsText("a factor above 1");

        page.locator("#effectValue").fill("2");
        page.locator("#run-dry-run").click();
        assertThat(page.locator("#dry-run")).containsText("Dry run over the last 30 days");
        assertThat(page.locator("#dry-run-applied")).hasText("1");
        assertThat(page.locator("#dry-run-points")).hasText("30");

        page.locator("#save").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
        assertThat(page.locator("#status")).hasText("Draft");
        page.locator("#activate").click();
        assertThat(page.locator("#status")).hasText("Active");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/promotions"));
        assertThat(phone.locator("h1")).hasText("Promozioni");
        assertThat(phone.locator("#promotions")).containsText("Double over 20");
        assertThat(phone.locator("#promotions")).containsText("Attiva");

        Page customer = browser.phone("en-GB");
        joinAndConfirm(customer, w.circuitId, Fixtures.unique("promo") + "@member.test", "promo-password-12");
        customer.getByRole(AriaRole.LINK, named("Promotions")).click();
        assertThat(customer.locator("main")).containsText("Double over 20");
        assertThat(customer.locator("main")).containsText("Points ×2 on a purchase");
    }
}
