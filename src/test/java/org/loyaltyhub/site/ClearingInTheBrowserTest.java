package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clearing page on a phone in Italian and on a desktop in English: who owes whom with its chart, a period to
 * close refused next to the field while it is not over, a past month closed, and a company that sees its own.
 */
class ClearingInTheBrowserTest extends BrowserTest {

    @Test
    void theCircuitAdministratorReadsWhoOwesWhomOnAPhoneAndClosesAPeriodOnceItIsOver() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] bar = w.company("Bar");
        long[] shop = w.company("Shop");
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        Api shopTill = api.withKey(w.apiKey(shop[0], shop[1]));
        long ann = w.enrol(barTill, "ann").path("id").asLong();
        w.purchase(barTill, "B-1", ann, "500.00", "PAID");
        long held = shopTill.post("/api/v1/redemptions", Map.of("member", Map.of("id", ann),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 300)).json().path("id").asLong();
        assertThat(shopTill.post("/api/v1/redemptions/" + held + "/capture", Map.of("orderId", "S-1")).status())
                .isEqualTo(200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Page page = browser.phone("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Compensazione")).click();
        assertThat(page.locator("h1")).hasText("Compensazione tra aziende");
        assertThat(page.locator("#positions")).containsText("Bar");
        assertThat(page.locator("#positions")).containsText("3.00 EUR");
        assertThat(page.locator("img.flow-chart")).isVisible();
        page.waitForCondition(() -> (Boolean) page.locator("img.flow-chart").evaluate("i => i.complete"));
        assertThat((Boolean) page.locator("img.flow-chart").evaluate("i => i.naturalWidth > 0"))
                .as("the chart is a valid SVG image").isTrue();
        assertThat(fitsTheScreen(page)).as("nothing wider than the phone").isTrue();
        Browser.screenshot(page, "clearing-phone-it");

        page.locator("#close-from").fill(today);
        page.locator("#close-to").fill(today);
        page.getByRole(AriaRole.BUTTON, named("Chiudi il periodo")).click();
        assertThat(page.locator("#close-error")).containsText("quando è finito");

        page.locator("#close-from").fill("2020-01-01");
        page.locator("#close-to").fill("2020-01-31");
        page.getByRole(AriaRole.BUTTON, named("Chiudi il periodo")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Il periodo è chiuso");
        assertThat(page.locator("#frozen")).isVisible();
        assertThat(page.locator("#closed-periods")).containsText("2020-01-01");

        page.locator("#from").fill("2026-03-05");
        page.locator("#to").fill("2026-03-01");
        page.getByRole(AriaRole.BUTTON, named("Mostra")).click();
        assertThat(page.locator("#period-error")).isVisible();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCompanyAdministratorSeesItsOwnPositionAndDownloadsItsStatement() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] bar = w.company("Bar");
        long[] shop = w.company("Shop");
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        Api shopTill = api.withKey(w.apiKey(shop[0], shop[1]));
        long ann = w.enrol(barTill, "ann").path("id").asLong();
        w.purchase(barTill, "B-1", ann, "500.00", "PAID");
        long held = shopTill.post("/api/v1/redemptions", Map.of("member", Map.of("id", ann),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 200)).json().path("id").asLong();
        shopTill.post("/api/v1/redemptions/" + held + "/capture", Map.of("orderId", "S-1"));

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.operator("COMPANY_ADMIN", shop[0], null));
        page.navigate(url("/clearing"));
        assertThat(page.locator("#positions")).containsText("2.00 EUR");
        assertThat(page.locator("#close-form")).hasCount(0);
        var download = page.waitForDownload(() -> page.locator("#clearing-pdf").click());
        assertThat(download.suggestedFilename()).startsWith("clearing-" + shop[0]);
        assertThat(browser.errors()).isEmpty();
    }

    private static boolean fitsTheScreen(Page page) {
        return CircuitDashboardInTheBrowserTest.fitsTheScreen(page);
    }
}
