package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import java.time.Instant;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor on a phone taps a landing page's "claim a coupon" button: not signed in, they join and confirm, and the
 * coupon is theirs as soon as they are in; signed in, the button claims at once (the same code: once per member).
 */
class LandingCouponInTheBrowserTest extends BrowserTest {

    @Test
    void aVisitorJoinsFromALandingPageAndGetsTheCouponThenTappingAgainShowsTheSameOne() {
        clock.set(Instant.parse("2030-03-02T09:00:00Z"));
        World w = fixtures.world(api);
        Api.Response campaign = w.asAdmin().post("/api/v1/campaigns", Map.of("name", "Spring shipping",
                "gives", "FREE_SHIPPING", "validFrom", "2030-03-01T00:00:00Z", "validUntil", "2030-04-01T00:00:00Z",
                "codeMode", "UNIQUE"));
        long id = campaign.json().path("id").asLong();
        assertThat(w.asAdmin().post("/api/v1/campaigns/" + id + "/codes", Map.of("total", 5)).status()).isEqualTo(200);
        Page office = browser.desktop("en-GB");
        Browser.signIn(office, url(""), w.admin);
        office.navigate(url("/landing"));
        office.getByRole(AriaRole.LINK, named("New page")).click();
        office.getByLabel("Address").fill("spring");
        office.getByLabel("Title (Italian)").fill("Primavera");
        office.getByLabel("Title (English)").fill("Spring");
        office.locator("#kind-0").selectOption("TEXT");
        office.locator("#textIt-0").fill("Spedizione gratis");
        office.locator("#textEn-0").fill("Free shipping all March");
        office.locator("#kind-1").selectOption("ACTION");
        office.locator("#textIt-1").fill("Prendi il coupon");
        office.locator("#textEn-1").fill("Get my coupon");
        office.locator("#action-1").selectOption("COUPON");
        office.locator("#campaign-1").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Spring shipping"));
        office.getByLabel("Published").check();
        office.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("Saved.");
        assertThat(office.locator("#campaign-1")).hasValue(String.valueOf(id));

        Page phone = browser.phone("en-GB");
        phone.navigate(url("/c/" + w.circuitId + "/p/spring"));
        phone.getByRole(AriaRole.BUTTON, named("Get my coupon")).click();
        assertThat(phone.locator("#coupon-waiting")).containsText("the coupon you asked for is yours");
        Browser.screenshot(phone, "landing-coupon-sign-in-phone-en");
        joinAndConfirm(phone, w.circuitId, Fixtures.unique("visitor") + "@member.test", "visitor-password-1");
        assertThat(phone.locator("#coupon-claimed")).containsText("Your coupon code is ");
        String claimed = phone.locator("#coupon-claimed").textContent().replaceAll("(?s).*code is ([A-Z0-9]+).*", "$1");
        assertThat(phone.locator(".voucher-code")).hasCount(1);
        Browser.screenshot(phone, "landing-coupon-claimed-phone-en");

        phone.navigate(url("/c/" + w.circuitId + "/p/spring"));
        phone.getByRole(AriaRole.BUTTON, named("Get my coupon")).click();
        assertThat(phone.locator("#coupon-claimed")).hasText("You already have this coupon: its code is " + claimed
                + ".");
        assertThat(phone.locator(".voucher-code")).hasCount(1);
        office.getByRole(AriaRole.LINK, named("All pages")).click();
        assertThat(office.locator("#landing-pages .conversions")).hasText("1");
        assertThat(browser.errors()).isEmpty();
    }

}
