package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.imports.internal.ImportRunner;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circuit administrator uploads the old system's CSV, checks it (the errors with their lines, nothing written),
 * imports it, watches the progress to the end and downloads the refused rows; a file in the wrong encoding gets a
 * message next to the file field. On a phone, in Italian, the same page. A running import shows its rate and the
 * time left.
 */
class ImportsInTheBrowserTest extends BrowserTest {

    private static final String FILE = """
            Nome;Cognome;E-mail;Data di nascita;Punti
            Anna;Rossi;anna@browser-import.test;07/03/1985;1.250
            Marco;Bianchi;marco@browser-import.test;1985-13-01;10
            Luca;Verdi;ANNA@browser-import.test;;5
            """;

    @Autowired
    ImportRunner runner;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static Path file(String name, byte[] bytes) throws Exception {
        Path p = Files.createTempDirectory("import").resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void theAdministratorChecksImportsAndFollowsAFileToTheReportOfRefusedRows() throws Exception {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Import and export").setExact(true)).click();
        assertThat(page).hasURL(url("/admin/imports"));

        page.locator("#file").setInputFiles(file("soci.csv", FILE.getBytes(StandardCharsets.UTF_8)));
        page.getByLabel("Where the members come from").fill("Smile");
        Browser.answered(page, "/admin/imports/dry-run", () -> page.locator("#check").click());
        assertThat(page.locator("#dry-run-result [role=status]"))
                .containsText("3 rows: 1 would be imported, 2 refused");
        assertThat(page.locator("#row-errors tbody tr")).hasCount(2);
        assertThat(page.locator("#row-errors tbody tr").first()).containsText("Not a date");
        assertThat(page.locator("#row-errors tbody tr").nth(1)).containsText("Also on an earlier line of the file.");
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).as("nothing written").isZero();
        Browser.screenshot(page, "imports-dry-run-desktop-en");

        page.locator("#run").click();
        page.waitForURL(u -> u.matches(".*/admin/imports/\\d+$"));
        runner.runDue();
        assertThat(page.locator("#outcome")).containsText("1 imported, 2 refused");
        assertThat(page.locator("#import-progress")).hasAttribute("value", "100");
        String report = page.locator("#refused-report").getAttribute("href");
        var csv = page.request().get(url(report));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("3,\"birth_date: is not a date").contains("Luca;Verdi");
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).isEqualTo(1);

        page.navigate(url("/admin/imports"));
        assertThat(page.locator("#imports")).containsText("soci.csv");
        page.locator("#file").setInputFiles(file("utf16.csv", "email\na@b.it\n".getBytes(StandardCharsets.UTF_16)));
        page.getByLabel("Where the members come from").fill("Smile");
        Browser.answered(page, "/admin/imports/dry-run", () -> page.locator("#check").click());
        assertThat(page.locator("#file-error")).hasText("The file is in UTF-16: save it as \"CSV UTF-8\" and upload it again.");
        page.locator("#run").click();
        assertThat(page.locator("#file-error")).containsText("UTF-16");
        assertThat(w.asAdmin().get("/api/v1/imports").json().size()).isEqualTo(1);

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/imports"));
        assertThat(phone.getByRole(AriaRole.HEADING, named("Importa ed esporta"))).isVisible();
        phone.locator("#file").setInputFiles(file("soci.csv", FILE.replace("browser-import", "telefono")
                .getBytes(StandardCharsets.UTF_8)));
        phone.getByLabel("Da dove arrivano i soci").fill("Smile");
        Browser.answered(phone, "/admin/imports/dry-run", () -> phone.locator("#check").click());
        assertThat(phone.locator("#row-errors")).containsText("Non è una data");
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "imports-dry-run-phone-it");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aRunningImportShowsItsRowsRateAndTimeLeft() {
        World w = fixtures.world(api);
        long id = w.asAdmin().postRaw("/api/v1/imports/members?source=Smile&fileName=big.csv",
                "email,points\nrunning@browser-import.test,10\n").json().path("job").path("id").asLong();
        // as a large import stands 1,000 s after it started: 40,000 of 100,000 rows, so 39 rows/s (a few seconds of
        // this test are a few milliseconds more) and (60,000 + 38) / 39 = 1,539 s left
        jdbc.sql("update import_job set status = 'RUNNING', total_rows = 100000, next_line = 40000, started_at = :t "
                + "where id = :id").param("t", java.sql.Timestamp.from(clock.instant().minusSeconds(1000)))
                .param("id", id).update();

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/imports/" + id));
        assertThat(page.locator("#progress h2")).hasText("Importing");
        assertThat(page.locator("#import-progress")).hasAttribute("value", "40");
        assertThat(page.locator("#progress-text")).hasText("40,000 of 100,000 rows (40%)");
        assertThat(page.locator("#progress")).containsText("39 rows per second, about 1,539 s left");
        assertThat(page.locator("#progress")).hasAttribute("hx-trigger", "every 1s");
        Browser.screenshot(page, "imports-running-desktop-en");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theAdministratorImportsPastPurchasesAndExportsWithThePagesFilters() throws Exception {
        World w = fixtures.world(api);
        w.settings(java.util.Map.of());
        long store = w.asAdmin().post("/api/v1/companies", java.util.Map.of("name", "Centro")).json()
                .path("firstStore").path("id").asLong();
        w.enrol(w.asAdmin(), java.util.Map.of("firstName", "Anna", "email", "anna@browser-past.test"));
        w.enrol(w.asAdmin(), java.util.Map.of("firstName", "Bruno", "email", "bruno@browser-past.test"));
        String purchases = "Scontrino;Data;Importo;Punto vendita;E-mail\n"
                + "S-1;03/02/2025;25,00;Centro;anna@browser-past.test\n"
                + "S-2;04/02/2025;10,00;Centro;nessuno@browser-past.test\n";
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/imports"));
        page.getByLabel("What the file holds").selectOption("PURCHASES");
        page.locator("#file").setInputFiles(file("scontrini.csv", purchases.getBytes(StandardCharsets.UTF_8)));
        page.getByLabel("Where the members come from").fill("Cassa");
        Browser.answered(page, "/admin/imports/dry-run", () -> page.locator("#check").click());
        assertThat(page.locator("#dry-run-result [role=status]"))
                .containsText("2 rows: 1 purchases would be recorded, 1 refused");
        assertThat(page.locator("#row-errors tbody tr").first()).containsText("No member of the circuit has it");
        page.getByLabel("Give points for the past purchases").check();
        page.locator("#run").click();
        page.waitForURL(u -> u.matches(".*/admin/imports/\\d+$"));
        runner.runDue();
        assertThat(page.locator("#outcome")).containsText("1 purchases recorded, 1 refused, 25 points credited.");
        Browser.screenshot(page, "imports-purchases-desktop-en");

        page.navigate(url("/members?q=anna"));
        String members = page.locator("#export-members").getAttribute("href");
        assertThat(members).contains("q=anna");
        var membersCsv = page.request().get(url(members));
        assertThat(membersCsv.status()).isEqualTo(200);
        assertThat(membersCsv.text()).contains("anna@browser-past.test").doesNotContain("bruno@");

        page.navigate(url("/admin/analytics?from=2025-02-01&to=2025-02-28"));
        String movements = page.locator("#movements-csv").getAttribute("href");
        assertThat(movements).contains("from=2025-02-01").contains("to=2025-02-28");
        var movementsCsv = page.request().get(url(movements));
        assertThat(movementsCsv.status()).as("the page's session downloads it").isEqualTo(200);
        assertThat(movementsCsv.headers().get("content-type")).startsWith("text/csv");

        page.navigate(url("/admin/imports"));
        assertThat(page.request().get(url(page.locator("#export-movements").getAttribute("href"))).status())
                .isEqualTo(200);
        page.locator("#export-from").fill("2025-02-01");
        page.locator("#export-to").fill("2025-02-28");
        page.locator("#export-store").selectOption(String.valueOf(store));
        var download = new com.microsoft.playwright.Download[1];
        var request = page.waitForRequest(r -> r.url().contains("/admin/exports/purchases.csv"), () ->
                download[0] = page.waitForDownload(() -> page.locator("#export-purchases-download").click()));
        assertThat(request.url()).as("the form's filters").contains("from=2025-02-01").contains("storeId=" + store);
        assertThat(download[0].suggestedFilename()).isEqualTo("purchases.csv");
        assertThat(page.locator("#export-progress-text")).hasText("1 of 1 rows (100%)");
        String exported = Files.readString(download[0].path());
        assertThat(exported).contains("S-1,2025-02-03T00:00:00Z,25,0,EUR,Centro,Centro,import,");
        assertThat(exported.lines().count()).isEqualTo(2);

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/imports"));
        phone.getByLabel("Cosa contiene il file").selectOption("PURCHASES");
        phone.locator("#file").setInputFiles(file("scontrini.csv", purchases.replace("S-", "T-")
                .getBytes(StandardCharsets.UTF_8)));
        phone.getByLabel("Da dove arrivano i soci").fill("Cassa");
        Browser.answered(phone, "/admin/imports/dry-run", () -> phone.locator("#check").click());
        assertThat(phone.locator("#dry-run-result [role=status]"))
                .containsText("2 righe: 1 acquisti verrebbero registrati, 1 rifiutati.");
        assertThat(phone.locator("#row-errors")).containsText("Nessun socio del circuito");
        assertThat(phone.getByLabel("Dai punti per gli acquisti passati")).isVisible();
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "imports-purchases-phone-it");
        assertThat(browser.errors()).isEmpty();
    }
}
