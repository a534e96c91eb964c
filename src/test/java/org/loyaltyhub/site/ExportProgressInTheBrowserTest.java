package org.loyaltyhub.site;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large export shows the import's progress display while it streams (rows done of the announced total, %, rows
 * per second, time left) and then saves the file under the server's name; a refused export shows the problem's
 * message, and an export without a count (the movements) the rows so far. On a phone, in Italian, the Members page's
 * export does the same.
 */
class ExportProgressInTheBrowserTest extends BrowserTest {

    private static final int MEMBERS = 3_000;

    @Autowired
    JdbcClient jdbc;

    /** The administrator of a circuit with many members (seeded in SQL), signed in and on this page. */
    private Page onPageWithManyMembers(Page page, String path) {
        World w = fixtures.world(api);
        jdbc.sql("insert into member (circuit_id, first_name, last_name, email) select :circuit, 'Export', "
                        + "'Member ' || g, 'export-' || g || '@progress.test' from generate_series(1, :n) g")
                .param("circuit", w.circuitId).param("n", MEMBERS).update();
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url(path));
        return page;
    }

    /** Uses the export link and waits for the file, its progress display having reached the end with these texts. */
    private static Download exported(Page page, String link, String progress, String heading) {
        Download download = page.waitForDownload(() -> page.locator(link).click());
        assertThat(page.locator("#export-progress")).isVisible();
        assertThat(page.locator("#export-progress-bar")).hasAttribute("value", "100");
        assertThat(page.locator("#export-progress-text")).hasText(progress);
        assertThat(page.locator("#export-progress h2")).hasText(heading);
        return download;
    }

    @Test
    void theAdministratorWatchesALargeMembersExportReachTheEndAndGetsTheWholeFile() throws Exception {
        Page page = onPageWithManyMembers(browser.desktop("en-GB"), "/admin/imports");

        Download download = exported(page, "#export-members", "3,000 of 3,000 rows (100%)",
                "Done: members.csv saved");
        assertThat(page.locator("#export-rate")).containsText("rows per second, about 0 s left");
        assertThat(download.suggestedFilename()).isEqualTo("members.csv");
        assertThat(Files.readAllLines(download.path())).as("the header and every member").hasSize(MEMBERS + 1);
        Browser.screenshot(page, "exports-progress-desktop-en");
        assertThat(browser.errors()).isEmpty();

        // the movements say no X-Row-Count: the display counts the rows so far
        Download movements = exported(page, "#export-movements", "0 rows", "Done: points-movements.csv saved");
        assertThat(Files.readAllLines(movements.path())).as("the header only").hasSize(1);
        assertThat(browser.errors()).isEmpty();

        page.locator("#export-from").fill("2025-02-28");
        page.locator("#export-to").fill("2025-02-01");
        page.waitForResponse(r -> r.url().contains("/admin/exports/purchases.csv"),
                () -> page.locator("#export-purchases-download").click());
        assertThat(page.locator("#export-error")).hasText("The export did not finish: to: is before from");
        assertThat(page.locator("#export-progress-text")).isEmpty();
        assertThat(browser.errors()).as("only the browser's own note of the refused request")
                .allMatch(e -> e.contains("status of 400"));
    }

    @Test
    void onAPhoneInItalianTheMembersPageExportShowsItsProgress() throws Exception {
        Page phone = onPageWithManyMembers(browser.phone("it-IT"), "/members");

        Download download = exported(phone, "#export-members", "3.000 di 3.000 righe (100%)",
                "Completata: members.csv salvato");
        assertThat(phone.locator("#export-rate")).containsText("righe al secondo, circa 0 s alla fine");
        assertThat(Files.readAllLines(download.path())).hasSize(MEMBERS + 1);
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "exports-progress-phone-it");
        assertThat(browser.errors()).isEmpty();
    }
}
