package org.loyaltyhub.site;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.nio.file.Files;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paid membership sold at a till is documented to the member: the circuit administrator, on a phone in Italian,
 * finds the simplified invoice on the member's page and downloads its PDF, addressed to the member with their
 * codice fiscale; a company administrator's member page has no invoices.
 */
class MembershipInvoicesInTheBrowserTest extends BrowserTest {

    @Test
    void theCircuitAdministratorDownloadsAMembersSimplifiedInvoiceFromTheMemberPageOnAPhone() throws Exception {
        World w = fixtures.world(api);
        long[] shop = w.company("Club");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(till, Map.of("firstName", "Giulia", "lastName", "Bianchi", "email",
                org.loyaltyhub.support.Fixtures.unique("giulia") + "@member.test")).path("id").asLong();
        long plan = w.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "Premium", "nameIt", "Premium",
                "price", "29.00", "period", "MONTHLY")).json().path("id").asLong();
        Api.Response sold = till.post("/api/v1/members/" + member + "/memberships", Map.of("planId", plan,
                "paymentMethod", "CARD", "receiptNumber", "B-1", "taxCode", "BNCGLI90A41H501X"));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/members/" + member));
        assertThat(phone.locator("#member-invoices")).containsText("Fattura semplificata");
        assertThat(phone.locator("#member-invoices")).containsText("29.00 EUR");
        Browser.screenshot(phone, "member-invoices-phone-it");
        Download download = phone.waitForDownload(() -> phone.locator("#member-invoices tbody a").first().click());
        PdfReader reader = new PdfReader(Files.readAllBytes(download.path()));
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains("Fattura semplificata pro-forma", "Giulia Bianchi", "BNCGLI90A41H501X", "23.77",
                "5.23", "29.00");

        Page company = browser.desktop("en-GB");
        Browser.signIn(company, url(""), w.operator("COMPANY_ADMIN", shop[0], null));
        company.navigate(url("/members/" + member));
        assertThat(company.locator("#member-invoices")).hasCount(0);
    }
}
