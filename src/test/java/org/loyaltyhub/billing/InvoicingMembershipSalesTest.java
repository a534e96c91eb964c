package org.loyaltyhub.billing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 §5: every paid membership sale or renewal is documented to the person who bought it (a simplified invoice
 * up to 400 EUR, an invoice above), in the circuit's one series, once per sale however often the till retries,
 * e-mailed with its PDF; a refunded or cancelled sale gets the credit note that cancels its document. Only the
 * circuit's administrators see these documents.
 */
class InvoicingMembershipSalesTest extends IntegrationTest {

    @Autowired
    Invoicing invoicing;
    @Autowired
    JdbcClient jdbc;

    private World w;
    private long[] shop;
    private Api till;
    private Api companyAdmin;

    private void open() {
        w = fixtures.world(api);
        shop = w.company("Club");
        till = api.withKey(w.apiKey(shop[0], shop[1]));
        companyAdmin = w.as(w.operator("COMPANY_ADMIN", shop[0], null));
    }

    private long plan(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("nameEn", "Premium", "nameIt", "Premium",
                "benefitsEn", "Double points", "price", "29.00", "period", "MONTHLY"));
        body.putAll(overrides);
        Api.Response r = w.asAdmin().post("/api/v1/membership-plans", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private Api.Response sell(long member, long plan, String receipt, String taxCode) {
        Map<String, Object> body = new HashMap<>(Map.of("planId", plan, "paymentMethod", "CARD",
                "receiptNumber", receipt));
        if (taxCode != null) {
            body.put("taxCode", taxCode);
        }
        return till.post("/api/v1/members/" + member + "/memberships", body);
    }

    private JsonNode documents(long member) {
        Api.Response r = w.asAdmin().get("/api/v1/members/" + member + "/invoices");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private List<String> mailed(String email) {
        return jdbc.sql("select attachment_name || ' ' || attachment_type || ' ' || convert_from(substring(attachment "
                        + "from 1 for 4), 'UTF8') from mail_outbox where recipient = :r and attachment_name is not null "
                        + "order by id").param("r", email).query(String.class).list();
    }

    @Test
    void aPaidMembershipAndItsRenewalAreEachInvoicedOnceToTheMemberInTheCircuitsSeriesAndEmailed() {
        open();
        long plan = plan(Map.of());
        JsonNode enrolled = w.enrol(till, "vip");
        long m = enrolled.path("id").asLong();
        String email = enrolled.path("email").asString();
        String companyInvoice = invoicing.issue(w.circuitId, shop[0], List.of(new Invoicing.Line(
                InvoiceSource.BUDGET_RECHARGE, 1, "Points recharge", Money.of("10.00", "EUR"))));

        assertThat(sell(m, plan, "R-1", "rssmra80a01h501u").status()).isEqualTo(201);
        assertThat(sell(m, plan, "R-1", "rssmra80a01h501u").status()).as("the till retries").isEqualTo(200);
        assertThat(sell(m, plan, "R-2", null).status()).as("a renewal").isEqualTo(201);

        JsonNode docs = documents(m);
        assertThat(docs).hasSize(2);
        JsonNode first = docs.get(1);
        assertThat(first.path("kind").asString()).isEqualTo("SIMPLIFIED_INVOICE");
        int sequence = Integer.parseInt(companyInvoice.substring(5));
        assertThat(first.path("number").asString()).as("the same series as the company's invoices")
                .isEqualTo(companyInvoice.substring(0, 5) + String.format("%04d", sequence + 1));
        assertThat(first.path("buyer").path("kind").asString()).isEqualTo("PERSON");
        assertThat(first.path("buyer").path("name").asString()).startsWith("Test vip");
        assertThat(first.path("buyer").path("taxCode").asString()).isEqualTo("RSSMRA80A01H501U");
        assertThat(first.path("total").path("amount").asString()).as("what the member paid, VAT included")
                .isEqualTo("29.00");
        assertThat(first.path("net").path("amount").asString()).isEqualTo("23.77");
        assertThat(first.path("vat").path("amount").asString()).isEqualTo("5.23");
        assertThat(first.path("lines").get(0).path("description").asString()).startsWith("Membership: Premium");
        assertThat(docs.get(0).path("lines").get(0).path("description").asString())
                .startsWith("Membership renewal: Premium");
        assertThat(mailed(email)).as("each document once, as a PDF").hasSize(2)
                .allSatisfy(mail -> assertThat(mail).matches("invoice-\\d{4}-\\d{4}\\.pdf application/pdf %PDF"));

        long id = first.path("id").asLong();
        Api.Download pdf = w.asAdmin().download("/api/v1/invoices/" + id + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(companyAdmin.get("/api/v1/members/" + m + "/invoices").status()).isEqualTo(403);
        assertThat(companyAdmin.get("/api/v1/invoices/" + id).status()).as("addressed to a person").isEqualTo(404);
        assertThat(companyAdmin.get("/api/v1/invoices").json().path("items").valueStream()
                .map(i -> i.path("number").asString()).toList()).containsExactly(companyInvoice);
    }

    @Test
    void aTaxCodeOfTheWrongShapeIsRefusedAndNothingIsSold() {
        open();
        long plan = plan(Map.of());
        long m = w.enrol(till, "typo").path("id").asLong();

        Api.Response refused = sell(m, plan, "R-9", "RSSMRA80A01H501");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("taxCode");
        assertThat(w.asAdmin().get("/api/v1/members/" + m + "/memberships").json()).isEmpty();
        assertThat(documents(m)).isEmpty();
    }

    @Test
    void aMembershipBoughtInAnOrderThatIsCancelledGetsACreditNoteThatCancelsItsInvoice() {
        open();
        plan(Map.of("nameEn", "Club year", "price", "450.00", "period", "YEARLY", "productIds", List.of("CLUB")));
        JsonNode enrolled = w.enrol(till, "club");
        long m = enrolled.path("id").asLong();
        Api.Response bought = w.purchase(till, Map.of("orderId", "O-1", "member", Map.of("id", m), "currency", "EUR",
                "total", "450.00", "status", "PAID", "lines", List.of(Map.of("productId", "CLUB", "quantity", 1,
                        "unitPrice", "450.00"))));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        JsonNode invoice = documents(m).get(0);
        assertThat(invoice.path("kind").asString()).as("above the simplified limit").isEqualTo("INVOICE");

        long purchase = bought.json().path("id").asLong();
        assertThat(till.patch("/api/v1/purchases/" + purchase, Map.of("status", "CANCELLED")).status()).isEqualTo(200);
        assertThat(till.patch("/api/v1/purchases/" + purchase, Map.of("status", "CANCELLED")).status()).isEqualTo(200);

        JsonNode docs = documents(m);
        assertThat(docs).as("one credit note however often the order is cancelled").hasSize(2);
        JsonNode note = docs.get(0);
        assertThat(note.path("kind").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(note.path("credits").asString()).isEqualTo(invoice.path("number").asString());
        assertThat(note.path("total")).isEqualTo(invoice.path("total"));
        assertThat(note.path("vat")).isEqualTo(invoice.path("vat"));
        assertThat(note.path("buyer")).isEqualTo(invoice.path("buyer"));
        assertThat(mailed(enrolled.path("email").asString())).hasSize(2);
    }
}
