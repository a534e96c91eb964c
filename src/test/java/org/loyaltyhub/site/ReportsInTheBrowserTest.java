package org.loyaltyhub.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

/**
 * The reports page: reached from the analytics dashboard, it shows the points report's totals for its filters and the
 * other reports' sections, each with a CSV; a bad filter is named next to its field. In English on a desktop for the
 * circuit administrator, in Italian on a phone for a company administrator, who sees only their company.
 */
class ReportsInTheBrowserTest extends BrowserTest {

    private static String read(Download download) {
        try {
            return Files.readString(download.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theReportsPageShowsEveryReportWithItsCsvOnDesktopAndPhone() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        long[] bar = w.company("Bar");
        long ada = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("ada") + "@member.test", "gender", "FEMALE",
                "city", "Milano", "language", "IT", "storeId", shop[1])).path("id").asLong();
        long bo = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("bo") + "@member.test",
                "storeId", bar[1])).path("id").asLong();
        Api shopTill = api.withKey(w.apiKey(shop[0], shop[1]));
        w.purchase(shopTill, "r-1", ada, "1200.00", "PAID");
        w.purchase(shopTill, "r-2", ada, "300.00", "PAID");
        w.purchase(api.withKey(w.apiKey(bar[0], bar[1])), "r-3", bo, "80.00", "PAID");

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/analytics"));
        page.locator("#reports-link").click();
        assertThat(page.locator("h1")).hasText("Reports");
        assertThat(page.locator("#points-credits")).hasText("1,580");
        assertThat(page.locator("#points-operations")).hasText("3");
        assertThat(page.locator("#liability-total")).hasText("1,580");
        assertThat(page.locator("#members-total")).hasText("2");
        assertThat(page.locator("#members-genders")).containsText("female");
        assertThat(page.locator("#members-languages")).containsText("Italian");
        assertThat(page.locator("#sales-purchases")).hasText("3");
        assertThat(page.locator("#sales-repeat")).hasText("50.0%");

        page.selectOption("#companyId", String.valueOf(shop[0]));
        page.selectOption("#grouping", "WEEK");
        page.locator("#reports-filters button").click();
        assertThat(page.locator("#points-credits")).hasText("1,500");
        assertThat(page.locator("#points-periods caption")).hasText("Per week (from Monday)");
        assertThat(page.locator("#sales-table tbody tr")).hasCount(1);
        Download sales = page.waitForDownload(() -> page.locator("#sales-csv").click());
        org.assertj.core.api.Assertions.assertThat(read(sales)).contains("total,,,2,1500.00,EUR,1,1,750.00,2.00,1.0000");
        Download summary = page.waitForDownload(() -> page.locator("#points-summary-csv").click());
        org.assertj.core.api.Assertions.assertThat(read(summary)).contains("total,POINTS,1500,0,2");
        Download liability = page.waitForDownload(() -> page.locator("#liability-csv").click());
        org.assertj.core.api.Assertions.assertThat(read(liability)).contains("total,,1500,15.00,EUR");

        page.locator("#memberId").fill("abc");
        page.locator("#from").fill("2026-03-01");
        page.locator("#to").fill("2026-01-01");
        page.locator("#reports-filters button").click();
        assertThat(page.locator("#memberId-error")).isVisible();
        assertThat(page.locator("#memberId")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#points")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.operator("COMPANY_ADMIN", shop[0], null));
        phone.navigate(url("/company/analytics"));
        phone.locator("#reports-link").click();
        assertThat(phone.locator("h1")).hasText("Report");
        assertThat(phone.locator("#companyId")).hasCount(0);
        assertThat(phone.locator("#points-credits")).hasText("1.500");
        assertThat(phone.locator("#sales-purchases")).hasText("2");
        assertThat(phone.locator("#breakage-title")).hasText("Punti scaduti");
        Object overflow = phone.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(overflow).isEqualTo(false);
        Download members = phone.waitForDownload(() -> phone.locator("#members-csv").click());
        org.assertj.core.api.Assertions.assertThat(read(members)).contains("members,total,1,", "gender,FEMALE,1,");
        Browser.screenshot(phone, "reports-phone");
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }
}
