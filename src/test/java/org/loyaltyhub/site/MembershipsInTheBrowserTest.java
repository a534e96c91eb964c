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

/** Paid memberships in a real Chromium: the plans page, the counter's sale of one, its badge and discount. */
class MembershipsInTheBrowserTest extends BrowserTest {

    @Test
    void theAdministratorCreatesAPlanFixingTheMarkedMistakesThenChangesAndArchivesIt() {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Memberships")).click();
        assertThat(page).hasURL(url("/admin/memberships"));
        assertThat(page.getByText("No plans yet: create the first one below.")).isVisible();

        page.getByLabel("Name (English)").fill("Premium");
        page.getByLabel("Name (Italian)").fill("Premium");
        page.getByLabel("Price (EUR)").fill("-3");
        page.getByLabel("Period").selectOption("FIXED_MONTHS");
        page.getByLabel("Points multiplier").fill("2");
        page.getByLabel("Discount at the counter (%)").fill("10");
        page.getByRole(AriaRole.BUTTON, named("Save the plan")).click();
        assertThat(page.locator("#price-error")).hasText("Type a price of zero or more, with at most two decimals (for example 29.00).");
        assertThat(page.locator("#months-error")).containsText("A one-off plan lasts 1 to 120 months");
        assertThat(page.getByLabel("Name (English)")).hasValue("Premium");
        assertThat(w.asAdmin().get("/api/v1/membership-plans").json().size()).as("nothing saved").isZero();

        page.getByLabel("Price (EUR)").fill("29,00");
        page.getByLabel("Months (one-off plans only)").fill("6");
        page.getByLabel("Shop product ids or SKUs").fill("77, CLUB-6M");
        page.getByRole(AriaRole.BUTTON, named("Save the plan")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Plan saved.");
        assertThat(page.locator("#plans tbody tr")).containsText("Premium");
        assertThat(page.locator("#plans tbody tr")).containsText("29.00 EUR");
        assertThat(page.locator("#plans tbody tr")).containsText("6 months, one-off");
        assertThat(page.locator("#plans tbody tr")).containsText("×2 points on purchases");
        assertThat(page.locator("#plans tbody tr")).containsText("77, CLUB-6M");

        page.getByRole(AriaRole.LINK, named("Edit").setExact(true)).click();
        assertThat(page.getByLabel("Price (EUR)")).hasValue("29.00");
        page.getByLabel("Price (EUR)").fill("35");
        page.getByRole(AriaRole.BUTTON, named("Save the plan")).click();
        assertThat(page.locator("#plans tbody tr")).containsText("35.00 EUR");

        page.getByRole(AriaRole.BUTTON, named("Archive")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Plan archived");
        assertThat(page.locator("#plans tbody tr")).containsText("archived");
        Browser.screenshot(page, "memberships-desktop-en");
        assertThat(browser.errors()).isEmpty();
        page.context().close();

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/memberships"));
        assertThat(phone.getByRole(AriaRole.HEADING, named("Piani"))).isVisible();
        assertThat(phone.getByLabel("Prezzo (EUR)")).isVisible();
        Browser.screenshot(phone, "memberships-phone-it");
        assertThat((Boolean) phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at phone width").isTrue();
        phone.context().close();
    }

    @Test
    void theCustomerAreaShowsTheMembersPlanItsEndAndItsBenefits() {
        World w = fixtures.world(api);
        long plan = w.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "Premium", "nameIt", "Premium Oro",
                "benefitsEn", "Free coffee every Monday", "benefitsIt", "Caffè gratis ogni lunedì", "price", "29.00",
                "period", "YEARLY", "multiplier", "2", "counterDiscount", "10", "membersOnly", true))
                .json().path("id").asLong();
        String email = org.loyaltyhub.support.Fixtures.unique("club") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "club-password-1");
        long memberId = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(phone.locator("#membership")).hasCount(0);
        assertThat(w.asAdmin().post("/api/v1/members/" + memberId + "/memberships", Map.of("planId", plan,
                "paymentMethod", "TRANSFER", "receiptNumber", "B-1")).status()).isEqualTo(201);

        phone.reload();
        assertThat(phone.locator("#membership")).containsText("Your membership");
        assertThat(phone.locator("#membership .member-badge")).hasText("Premium");
        assertThat(phone.locator("#membership")).containsText("until");
        assertThat(phone.locator("#membership")).containsText("Free coffee every Monday");
        assertThat(phone.locator("#membership")).containsText("×2 points on purchases");
        assertThat(phone.locator("#membership")).containsText("10 % off at the counter");
        assertThat(phone.locator("#membership")).containsText("Members-only rewards and promotions");
        Browser.screenshot(phone, "memberships-customer-phone-en");
        assertThat(browser.errors()).isEmpty();
        phone.context().close();
    }

    @Test
    void theCounterSellsAMembershipThenShowsTheMemberBadgeAndTakesThePlansDiscountOffTheSale() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Club");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        assertThat(w.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "Premium", "price", "29.00",
                "period", "YEARLY", "multiplier", "2", "counterDiscount", "10")).status()).isEqualTo(201);
        JsonNode member = w.enrol(w.as(till), "vip");
        long memberId = member.path("id").asLong();

        Page page = browser.phone("en-GB");
        Browser.signIn(page, url(""), till);
        page.locator("#q").fill(member.path("card").path("number").asString());
        page.waitForResponse(r -> r.url().contains("/counter?q="), () -> page.locator("#q").press("Enter"));
        assertThat(page.locator("#member-badge")).hasCount(0);

        page.getByText("Sell a membership").click();
        page.getByLabel("Paid by").selectOption("CARD");
        Browser.answered(page, "/counter/membership",
                () -> page.getByRole(AriaRole.BUTTON, named("Record the paid membership")).click());
        assertThat(page.locator("#membership-receipt + .message.error")).hasText("Type the receipt number (up to 100 characters).");
        page.getByLabel("Receipt number").fill("R-77");
        Browser.answered(page, "/counter/membership",
                () -> page.getByRole(AriaRole.BUTTON, named("Record the paid membership")).click());
        assertThat(page.locator("#membership-joined")).containsText("Membership recorded: Premium until");
        assertThat(page.locator("#member-badge")).containsText("★ Member · Premium · 10 % off at the counter");
        JsonNode sale = w.asAdmin().get("/api/v1/membership-sales").json().path("items").get(0);
        assertThat(sale.path("source").asString()).isEqualTo("COUNTER");
        assertThat(sale.path("paymentMethod").asString()).isEqualTo("CARD");
        assertThat(sale.path("storeId").asLong()).isEqualTo(shop[1]);

        Browser.answered(page, "/counter/sale/preview", () -> page.getByLabel("Amount").fill("45"));
        assertThat(page.locator("#member-discount")).containsText("Member discount 10 %: −4.50 €");
        assertThat(page.locator("#member-discount")).containsText("To pay: 40.50 €");
        assertThat(page.locator("#sale-preview")).containsText("The customer earns 80 points");
        Browser.screenshot(page, "memberships-counter-phone-en");
        Browser.answered(page, "/counter/sale", () -> page.getByRole(AriaRole.BUTTON, named("Confirm purchase")).click());
        assertThat(page.locator("#receipt-amount")).hasText("40.50 EUR");
        assertThat(page.locator("#receipt-points")).hasText("80");
        assertThat(browser.errors()).isEmpty();
        page.context().close();

        Page admin = browser.desktop("en-GB");
        Browser.signIn(admin, url(""), w.admin);
        admin.navigate(url("/members/" + memberId));
        assertThat(admin.locator("#membership")).containsText("Premium");
        admin.getByLabel("Why is it cancelled? (kept in the history)").fill("Changed their mind");
        admin.getByRole(AriaRole.BUTTON, named("Cancel the membership")).click();
        assertThat(admin.locator("#membership")).containsText("Membership cancelled.");
        assertThat(admin.locator("#membership table")).containsText("Cancelled");
        assertThat(admin.locator("#status-history")).containsText("Changed their mind");
        admin.navigate(url("/admin/memberships"));
        assertThat(admin.locator("#sales tbody tr")).containsText("R-77");
        assertThat(admin.locator("#sales tbody tr")).containsText("29.00 EUR");
        assertThat(browser.errors()).isEmpty();
        admin.context().close();
    }
}
