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
 * message. On a phone, in Italian, the Members page's export does the same.
 */
class ExportProgressInTheBrowserTest extends BrowserTest {

    private static final int MEMBERS = 3_000;

    @Autowired
    JdbcClient jdbc;

    private World worldWithManyMembers() {
        World w = fixtures.world(api);
        jdbc.sql("insert into member (circuit_id, first_name, last_name, email) select :circuit, 'Export', "
                        + "'Member ' || g, 'export-' || g || '@progress.test' from generate_series(1, :n) g")
                .param("circuit", w.circuitId).param("n", MEMBERS).update();
        return w;
    }

    @Test
    void theAdministratorWatchesALargeMembersExportReachTheEndAndGetsTheWholeFile() throws Exception {
        World w = worldWithManyMembers();
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/imports"));

        Download download = page.waitForDownload(() -> page.locator("#export-members").click());
        assertThat(page.locator("#export-progress")).isVisible();
        assertThat(page.locator("#export-progress-bar")).hasAttribute("value", "100");
        assertThat(page.locator("#export-progress-text")).hasText("3,000 of 3,000 rows (100%)");
        assertThat(page.locator("#export-progress")).containsText("rows per second, about 0 s left");
        assertThat(page.locator("#export-progress h2")).hasText("Done: members.csv saved");
        assertThat(download.suggestedFilename()).isEqualTo("members.csv");
        assertThat(Files.readAllLines(download.path())).as("the header and every member").hasSize(MEMBERS + 1);
        Browser.screenshot(page, "exports-progress-desktop-en");
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
        World w = worldWithManyMembers();
        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/members"));

        Download download = phone.waitForDownload(() -> phone.locator("#export-members").click());
        assertThat(phone.locator("#export-progress-bar")).hasAttribute("value", "100");
        assertThat(phone.locator("#export-progress-text")).hasText("3.000 di 3.000 righe (100%)");
        assertThat(phone.locator("#export-progress")).containsText("righe al secondo");
        assertThat(phone.locator("#export-progress h2")).hasText("Completata: members.csv salvato");
        assertThat(Files.readAllLines(download.path())).hasSize(MEMBERS + 1);
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "exports-progress-phone-it");
        assertThat(browser.errors()).isEmpty();
    }
}
