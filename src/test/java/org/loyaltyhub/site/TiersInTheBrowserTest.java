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

/** The circuit administrator sets up tiers in the browser, counting who would move first; customers see theirs. */
class TiersInTheBrowserTest extends BrowserTest {

    @Test
    void tiersAreAddedWithMistakesShownNextToTheirFieldsAndTheWhatIfCountComesBeforeSaving() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Livelli");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(till, "climber").path("id").asLong();
        w.purchase(till, "B-1", member, "150.00", "PAID");

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Tiers").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Tiers");

        page.locator("#nameEn").fill("Silver");
        page.locator("#nameIt").fill("Argento");
        page.locator("#threshold").fill("cento");
        page.getByRole(AriaRole.BUTTON, named("Save the tier")).click();
        assertThat(page.locator("#threshold-error")).isVisible();
        assertThat(page.locator("#nameEn")).hasValue("Silver");

        page.locator("#threshold").fill("100");
        Browser.answered(page, "/admin/tiers/what-if", () ->
                page.locator("#tier-form").getByRole(AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Count who would move")).click());
        assertThat(page.locator("#tier-what-if")).containsText("Today 1 members would move up");
        assertThat(w.asAdmin().get("/api/v1/tiers").json().size()).as("nothing saved by counting").isZero();
        page.getByRole(AriaRole.BUTTON, named("Save the tier")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Tier saved");

        page.locator("#nameEn").fill("Gold");
        page.locator("#threshold").fill("100");
        page.getByRole(AriaRole.BUTTON, named("Save the tier")).click();
        assertThat(page.locator("#threshold-error")).containsText("Another tier starts at this threshold");
        page.locator("#threshold").fill("1000");
        page.locator("#earnMultiplier").fill("1.5");
        page.getByRole(AriaRole.BUTTON, named("Save the tier")).click();
        assertThat(page.locator("#tier-list")).containsText("Gold");

        page.locator("#window").selectOption("ROLLING_MONTHS");
        page.locator("#windowMonths").fill("");
        Browser.answered(page, "/admin/tiers/what-if", () ->
                page.locator("#policy-form").getByRole(AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Count who would move")).click());
        assertThat(page.locator("#policy-what-if")).containsText("rolling window");
        page.locator("#windowMonths").fill("12");
        page.getByRole(AriaRole.BUTTON, named("Save how members qualify")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("How members qualify is saved");
        assertThat(w.asAdmin().get("/api/v1/tiers/policy").json().path("windowMonths").asInt()).isEqualTo(12);
        Browser.screenshot(page, "tiers-desktop-en");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/tiers"));
        assertThat(phone.locator("h1")).hasText("Livelli");
        assertThat(phone.locator("#tier-list")).containsText("Argento");
        Browser.screenshot(phone, "tiers-phone-it");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCustomerAreaShowsTheTierItsBenefitsAndWhatIsMissingForTheNextOne() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Bottega");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        w.asAdmin().put("/api/v1/tiers/policy", Map.of("basis", "POINTS_EARNED", "window", "LIFETIME",
                "downgrade", "NEVER", "graceDays", 0));
        w.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Silver", "nameIt", "Argento", "threshold", 100,
                "benefitsEn", "Points worth 5 % more", "benefitsIt", "Punti che valgono il 5 % in più",
                "redeemExtraPercent", 5));
        w.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Gold", "nameIt", "Oro", "threshold", 300,
                "earnMultiplier", 1.5));

        String email = Fixtures.unique("lucia") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "lucia-password-1");
        long member = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        w.purchase(till, "C-1", member, "180.00", "PAID");

        phone.navigate(url("/c/" + w.circuitId + "/my"));
        assertThat(phone.locator("#my-tier")).containsText("Silver");
        assertThat(phone.locator("#my-tier")).containsText("120 points to Gold");
        phone.navigate(url("/c/" + w.circuitId + "/my?lang=it"));
        assertThat(phone.locator("#my-tier")).containsText("Argento");
        assertThat(phone.locator("#my-tier")).containsText("Punti che valgono il 5 % in più");
        assertThat(phone.locator("#my-tier")).containsText("120 punti per Oro");
        assertThat(phone.locator("#my-tier progress")).hasAttribute("value", "60");
        Browser.screenshot(phone, "customer-tier-phone-it");
        // the card saved on the phone carries the tier under its code (a caption makes it taller than wide)
        var png = phone.request().get(url("/c/" + w.circuitId + "/my/card.png"));
        assertThat(png.status()).isEqualTo(200);
        try {
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
            org.assertj.core.api.Assertions.assertThat(image.getHeight()).isGreaterThan(image.getWidth());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        Page office = browser.desktop("en-GB");
        Browser.signIn(office, url(""), w.admin);
        office.navigate(url("/members/" + member));
        assertThat(office.locator("#tier")).containsText("Silver");
        assertThat(office.locator("#tier-explanation")).containsText("180 points in total");
        office.locator("#tierId").selectOption("Gold");
        office.locator("#tierReason").fill("Press partner");
        office.getByRole(AriaRole.BUTTON, named("Set the tier")).click();
        assertThat(office.locator("#tier")).containsText("Set by an administrator");
        assertThat(office.locator("#status-history")).containsText("Gold set by an administrator: Press partner");

        office.navigate(url("/counter?q=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(office.locator("#counter-tier")).containsText("Gold");
        assertThat(browser.errors()).isEmpty();
    }
}
