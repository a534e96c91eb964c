package org.loyaltyhub.site;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circuit administrator sets the billing details and the price of points; a company administrator asks for a
 * recharge on a phone, in Italian; the circuit administrator approves it from the budgets page; the company downloads
 * the pro-forma invoice.
 */
class RechargeRequestsInTheBrowserTest extends BrowserTest {

    @Test
    void aCompanyAsksForPointsTheCircuitApprovesAndTheCompanyDownloadsTheInvoice() throws Exception {
        World w = fixtures.world(api);
        long[] shop = w.company("Gelateria");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);

        Page admin = browser.desktop("en-GB");
        Browser.signIn(admin, url(""), w.admin);
        admin.navigate(url("/admin/circuit"));
        admin.locator("#legalName").fill("Circuito Lago srl");
        admin.locator("#vatNumber").fill("IT123");
        admin.locator("#pricePerThousand").fill("12,50");
        admin.locator("#smsCreditPrice").fill("0,05");
        admin.getByRole(AriaRole.BUTTON, named("Update billing details")).click();
        assertThat(admin.locator("#vatNumber-error")).containsText("IT01234567890");
        admin.locator("#vatNumber").fill("IT01234567890");
        admin.getByRole(AriaRole.BUTTON, named("Update billing details")).click();
        assertThat(admin.locator("#billing [role=status]")).hasText("Saved.");
        assertThat(admin.locator("#pricePerThousand")).hasValue("12.5");
        assertThat(admin.locator("#smsCreditPrice")).hasValue("0.05");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), companyAdmin);
        phone.navigate(url("/budgets"));
        assertThat(phone.locator("#recharge-requests")).containsText("12.50 EUR ogni 1.000 punti");
        phone.getByRole(AriaRole.BUTTON, named("Invia la richiesta")).click();
        assertThat(phone.locator("#points-error")).isVisible();
        phone.locator("#points").fill("5000");
        phone.locator("#note").fill("Per l'estate");
        phone.getByRole(AriaRole.BUTTON, named("Invia la richiesta")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).containsText("Richiesta inviata");
        assertThat(phone.locator("#my-requests tbody tr").first()).containsText("In attesa");
        Browser.screenshot(phone, "recharge-request-phone-it");

        admin.navigate(url("/budgets"));
        assertThat(admin.locator("#recharge-queue")).containsText("asks for 5,000 points");
        Browser.screenshot(admin, "recharge-queue-desktop-en");
        admin.getByRole(AriaRole.BUTTON, named("Approve and recharge")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Request approved");
        assertThat(admin.locator("#recharge-queue")).containsText("No request is waiting.");
        admin.navigate(url("/budgets/" + shop[0]));
        assertThat(admin.locator("#budget-balance")).hasText("5,000");
        admin.navigate(url("/invoices"));
        assertThat(admin.locator("#invoice-list tbody tr")).hasCount(1);
        assertThat(admin.locator("#invoice-list")).containsText("76.25 EUR");

        phone.navigate(url("/budgets"));
        assertThat(phone.locator("#my-requests tbody tr").first()).containsText("Approvata");
        String number = phone.locator("#my-requests tbody tr a").first().textContent();
        assertThat(number).matches("\\d{4}/0001");
        Download download = phone.waitForDownload(() -> phone.locator("#my-requests tbody tr a").first().click());
        PdfReader reader = new PdfReader(Files.readAllBytes(download.path()));
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains(number, "76.25", "Documento pro-forma");
        assertThat(browser.errors()).isEmpty();
    }
}
