package org.loyaltyhub.site;

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
 * The rewards journey: an administrator creates a reward, a customer claims it on a phone and shows the voucher,
 * and the operator redeems it at the counter; a second try is refused with the reason.
 */
class RewardsInTheBrowserTest extends BrowserTest {

    @Test
    void anAdministratorCreatesARewardACustomerClaimsItOnThePhoneAndTheCounterRedeemsIt() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);

        Page office = browser.desktop("en-GB");
        Browser.signIn(office, url(""), w.admin);
        office.navigate(url("/admin/rewards"));
        office.getByRole(AriaRole.LINK, named("New reward")).click();
        office.getByLabel("Kind").selectOption("FIXED_AMOUNT");
        office.getByLabel("Title (English)").fill("Coffee voucher");
        office.getByLabel("Title (Italian)").fill("Buono caffè");
        office.locator("#points").fill("abc");
        office.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(office.locator("#points-error")).hasText("A reward costs from 1 to 1,000,000,000 points.");
        office.locator("#points").fill("150");
        office.locator("#amount").fill("2.00");
        office.getByLabel("Stock (empty: unlimited)").fill("5");
        office.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("Reward saved.");
        office.navigate(url("/admin/rewards"));
        assertThat(office.locator("#rewards")).containsText("Coffee voucher");
        assertThat(office.locator("#rewards")).containsText("150 points");

        String email = Fixtures.unique("giulia") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "giulia-password-1");
        long member = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        w.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 200, "note", "welcome"));
        phone.navigate(url("/c/" + w.circuitId + "/my/rewards"));
        assertThat(phone.locator("#rewards-available")).hasText("200");
        phone.getByRole(AriaRole.BUTTON, named("Claim")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Reward claimed: your voucher is below.");
        assertThat(phone.locator(".voucher h2")).hasText("Coffee voucher");
        assertThat(phone.locator(".voucher img.qr")).isVisible();
        assertThat(phone.locator(".voucher img.barcode")).isVisible();
        String code = phone.locator(".voucher-code").textContent();
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(w.available(member)).isEqualTo(50);
        Browser.screenshot(phone, "customer-coupons");

        Page counter = browser.phone("en-GB");
        Browser.signIn(counter, url(""), till);
        counter.navigate(url("/counter"));
        counter.getByRole(AriaRole.LINK, named("Redeem a voucher")).click();
        counter.getByLabel("Voucher code (type or scan it)").fill(code.toLowerCase());
        counter.getByRole(AriaRole.BUTTON, named("Check")).click();
        assertThat(counter.locator("#voucher-gives")).hasText("2.00 EUR off");
        counter.getByRole(AriaRole.BUTTON, named("Redeem")).click();
        assertThat(counter.locator("#redeemed")).containsText("Voucher redeemed");

        counter.getByLabel("Voucher code (type or scan it)").fill(code);
        counter.getByRole(AriaRole.BUTTON, named("Check")).click();
        assertThat(counter.locator("#voucher-refusal")).hasText("This voucher has already been used.");
        counter.getByLabel("Voucher code (type or scan it)").fill("1234");
        counter.getByRole(AriaRole.BUTTON, named("Check")).click();
        assertThat(counter.locator("#voucher-error")).hasText("This is not a voucher code: check it was typed correctly.");

        phone.navigate(url("/c/" + w.circuitId + "/my/coupons"));
        assertThat(phone.locator("#past-vouchers")).containsText("Used");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aPhysicalRewardWaitsInTheQueueUntilTheStoreHandsItOver() {
        World w = fixtures.world(api);
        long[] shop = w.company("Gifts");
        Api key = w.api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(key, "mug").path("id").asLong();
        w.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 500, "note", "n"));
        long mug = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "PHYSICAL", "titleEn", "Mug", "titleIt", "Tazza",
                "points", 300)).json().path("id").asLong();
        key.post("/api/v1/members/" + member + "/reward-claims", Map.of("rewardId", mug, "claimId", "m1"));

        Page counter = browser.desktop("it-IT");
        Browser.signIn(counter, url(""), w.operator("STORE_OPERATOR", null, shop[1]));
        counter.navigate(url("/counter/vouchers"));
        assertThat(counter.locator("#fulfilment")).containsText("Tazza");
        counter.getByRole(AriaRole.BUTTON, named("Segna come pronto")).click();
        assertThat(counter.locator("#fulfilment")).containsText("Pronto per il ritiro");
        counter.getByRole(AriaRole.BUTTON, named("Consegna")).click();
        assertThat(counter.locator("#fulfilment")).containsText("Nulla in attesa.");
        assertThat(browser.errors()).isEmpty();
    }
}
