package org.loyaltyhub.billing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approved, priced recharges are invoiced: numbers follow each other per circuit, both parties' details are printed,
 * the PDF says it is pro-forma in the reader's language, the CSV export cannot run formulas.
 */
class IssuingProFormaInvoicesTest extends IntegrationTest {

    private String approvedInvoice(World w, Api shop, long points) {
        long id = RequestingBudgetRechargesTest.request(shop, points);
        Api.Response r = w.asAdmin().post("/api/v1/recharge-requests/" + id + "/approval", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("invoiceNumber").asString();
    }

    @Test
    void invoiceNumbersFollowEachOtherPerCircuitWithoutGaps() {
        World w = fixtures.world(api);
        long company = w.company("Numeri")[0];
        Api shop = w.as(w.operator("COMPANY_ADMIN", company, null));
        w.asAdmin().put("/api/v1/circuit/billing", RequestingBudgetRechargesTest.billing("10"));
        List<String> numbers = List.of(approvedInvoice(w, shop, 1_000), approvedInvoice(w, shop, 2_000),
                approvedInvoice(w, shop, 3_000));
        String year = numbers.getFirst().substring(0, 4);
        assertThat(numbers).containsExactly(year + "/0001", year + "/0002", year + "/0003");

        World other = fixtures.world(api);
        long otherCompany = other.company("Altrove")[0];
        other.asAdmin().put("/api/v1/circuit/billing", RequestingBudgetRechargesTest.billing("10"));
        assertThat(approvedInvoice(other, other.as(other.operator("COMPANY_ADMIN", otherCompany, null)), 500))
                .as("each circuit has its own sequence").isEqualTo(year + "/0001");

        assertThat(w.asAdmin().get("/api/v1/invoices?year=" + year).json().path("total").asLong()).isEqualTo(3);
        assertThat(w.asAdmin().get("/api/v1/invoices?year=1999").status()).isEqualTo(400);
        assertThat(w.asAdmin().get("/api/v1/invoices?year=2001").json().path("total").asLong()).isZero();
    }

    @Test
    void aFreeRechargeIsNotInvoiced() {
        World w = fixtures.world(api);
        long company = w.company("Gratis")[0];
        Api shop = w.as(w.operator("COMPANY_ADMIN", company, null));
        assertThat(approvedInvoice(w, shop, 1_000)).isEmpty();
        assertThat(w.budget(company)).isEqualTo(1_000);
        assertThat(w.asAdmin().get("/api/v1/invoices").json().path("total").asLong()).isZero();
    }

    @Test
    void thePdfCarriesTheNumberTheTotalBothPartiesAndTheProFormaNoticeInTheReadersLanguage() throws Exception {
        World w = fixtures.world(api);
        long company = w.company("Pdf")[0];
        Api shop = w.as(w.operator("COMPANY_ADMIN", company, null));
        w.asAdmin().put("/api/v1/circuit/billing", RequestingBudgetRechargesTest.billing("12.50"));
        assertThat(w.asAdmin().put("/api/v1/companies/" + company + "/billing", Map.of("legalName", "Pasticceria Rossi snc",
                "taxCode", "01234567891", "address", "Piazza Duomo 2, Milano")).status()).isEqualTo(200);
        String number = approvedInvoice(w, shop, 5_000);
        long id = w.asAdmin().get("/api/v1/invoices").json().path("items").get(0).path("id").asLong();

        String italian = pdfText(w.admin, "/api/v1/invoices/" + id + "/pdf", "it-IT");
        assertThat(italian).contains(number, "76.25", "Documento pro-forma", "Circuito Bergamo srl",
                "IT01234567890", "Pasticceria Rossi snc", "Piazza Duomo 2, Milano");
        String english = pdfText(w.admin, "/api/v1/invoices/" + id + "/pdf", "en-GB");
        assertThat(english).contains(number, "76.25", "Pro-forma", "not a tax invoice");

        Api.Login companyLogin = w.operator("COMPANY_ADMIN", company, null);
        assertThat(pdfText(companyLogin, "/api/v1/invoices/" + id + "/pdf", "en")).contains(number);
        long other = w.company("Altra")[0];
        Api otherShop = w.as(w.operator("COMPANY_ADMIN", other, null));
        assertThat(otherShop.get("/api/v1/invoices/" + id).status()).isEqualTo(404);
        assertThat(otherShop.get("/api/v1/invoices/" + id + "/pdf").status()).isEqualTo(404);
        assertThat(otherShop.get("/api/v1/invoices").json().path("total").asLong()).isZero();
        assertThat(fixtures.world(api).asAdmin().get("/api/v1/invoices/" + id).status()).isEqualTo(404);
    }

    @Test
    void theCsvExportListsTheInvoicesAndDefusesCellsThatLookLikeFormulas() {
        World w = fixtures.world(api);
        long company = w.company("Csv")[0];
        Api shop = w.as(w.operator("COMPANY_ADMIN", company, null));
        w.asAdmin().put("/api/v1/circuit/billing", RequestingBudgetRechargesTest.billing("10"));
        w.asAdmin().put("/api/v1/companies/" + company + "/billing", Map.of("legalName", "=HYPERLINK(\"http://x\")"));
        String number = approvedInvoice(w, shop, 1_000);

        Api.Response csv = w.asAdmin().get("/api/v1/invoices/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("number,issued_at,buyer,vat_number,net,vat,total,currency,kind");
        assertThat(lines[1]).startsWith(number + ",").contains("\"'=HYPERLINK(\"\"http://x\"\")\"", ",10.00,2.20,12.20,EUR,INVOICE");
        assertThat(shop.get("/api/v1/invoices/csv").body()).contains(number);
        long other = w.company("Altra")[0];
        assertThat(w.as(w.operator("COMPANY_ADMIN", other, null)).get("/api/v1/invoices/csv").body().split("\r\n"))
                .as("another company's export has only the header").hasSize(1);
    }

    private String pdfText(Api.Login login, String path, String language) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Accept-Language", language)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login.email() + ":"
                        + login.password()).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        PdfReader reader = new PdfReader(r.body());
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
