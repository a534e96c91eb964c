package org.loyaltyhub.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

/**
 * The circuit administrator opens the analytics dashboard from the menu and sees the headline figures and four charts
 * drawn by Chart.js (no console error, no inline script); a company administrator sees the same page in Italian on a
 * phone, for its own company.
 */
class AnalyticsDashboardInTheBrowserTest extends BrowserTest {

    @Test
    void administratorsSeeTheirFiguresAndChartsDrawnOnDesktopAndPhone() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Shop");
        long member = w.enrol(w.asAdmin(), Map.of("email", "charts@member.test", "storeId", shop[1])).path("id").asLong();
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        w.purchase(till, "c-1", member, "42.00", "PAID");
        w.purchase(till, "c-2", member, "18.00", "PAID");

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Analytics").setExact(true)).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/analytics$"));
        assertThat(page.locator("#figure-issued .figure")).hasText("60");
        assertThat(page.locator("canvas.chart")).hasCount(4);
        page.waitForFunction("() => window.loyaltyhubCharts && window.loyaltyhubCharts.length === 4");
        assertThat(page.locator("#table-points tbody tr").last()).containsText("60");
        assertThat(page.locator("#table-stores")).containsText("60.00");
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.operator("COMPANY_ADMIN", shop[0], null));
        phone.navigate(url("/company/analytics"));
        assertThat(phone.locator("h1")).hasText("Analisi");
        phone.waitForFunction("() => window.loyaltyhubCharts && window.loyaltyhubCharts.length === 4");
        assertThat(phone.locator("#figure-issued .figure")).hasText("60");
        Object overflow = phone.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(overflow).isEqualTo(false);
        Browser.screenshot(phone, "analytics-phone");
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }
}
