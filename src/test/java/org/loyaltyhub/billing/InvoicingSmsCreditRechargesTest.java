package org.loyaltyhub.billing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each SMS-credit recharge is invoiced once to the company at the circuit's price per credit; a retried recharge
 * issues nothing more, and without a price the credits are added with no invoice.
 */
class InvoicingSmsCreditRechargesTest extends IntegrationTest {

    private static Api.Response recharge(World w, long company, long credits, String key) {
        Api.Response r = w.asAdmin().header("Idempotency-Key", key)
                .post("/api/v1/companies/" + company + "/sms-credits", Map.of("credits", credits));
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r;
    }

    private static JsonNode invoices(World w, long company) {
        return w.asAdmin().get("/api/v1/invoices?companyId=" + company).json();
    }

    @Test
    void aPricedRechargeIssuesOneInvoiceOfCreditsTimesPriceEvenWhenRetried() {
        World w = fixtures.world(api);
        long company = w.company("Sms")[0];
        Map<String, Object> billing = RequestingBudgetRechargesTest.billing(null);
        billing.put("smsCreditPrice", "0.05");
        Api.Response saved = w.asAdmin().put("/api/v1/circuit/billing", billing);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("smsCreditPrice").path("amount").asString()).isEqualTo("0.05");

        assertThat(recharge(w, company, 150, "sms-1").json().path("credits").asLong()).isEqualTo(150);
        assertThat(recharge(w, company, 150, "sms-1").json().path("credits").asLong())
                .as("a retried recharge adds nothing").isEqualTo(150);

        JsonNode list = invoices(w, company);
        assertThat(list.path("total").asLong()).as("one invoice for one recharge, retried").isEqualTo(1);
        JsonNode invoice = list.path("items").get(0);
        assertThat(invoice.path("companyId").asLong()).isEqualTo(company);
        assertThat(invoice.path("lines")).hasSize(1);
        JsonNode line = invoice.path("lines").get(0);
        assertThat(line.path("source").asString()).isEqualTo("SMS_CREDITS");
        assertThat(line.path("description").asString()).contains("150");
        assertThat(line.path("net").path("amount").asString()).as("150 × 0.05").isEqualTo("7.50");
        assertThat(invoice.path("total").path("amount").asString()).as("with 22 % VAT").isEqualTo("9.15");

        recharge(w, company, 3, "sms-2");
        assertThat(invoices(w, company).path("total").asLong()).as("another recharge, another invoice").isEqualTo(2);
        Api shop = w.as(w.operator("COMPANY_ADMIN", company, null));
        assertThat(shop.get("/api/v1/invoices").json().path("total").asLong())
                .as("the company sees its invoices").isEqualTo(2);
    }

    @Test
    void withoutAPriceTheCreditsAreAddedAndNothingIsInvoiced() {
        World w = fixtures.world(api);
        long company = w.company("Gratis")[0];
        w.asAdmin().put("/api/v1/circuit/billing", RequestingBudgetRechargesTest.billing("10"));

        assertThat(recharge(w, company, 100, "free-1").json().path("credits").asLong()).isEqualTo(100);
        assertThat(invoices(w, company).path("total").asLong()).isZero();
        assertThat(w.asAdmin().get("/api/v1/circuit/billing").json().path("smsCreditPrice").isNull()).isTrue();
    }

    @Test
    void aNegativeOrOverPreciseSmsCreditPriceIsRefusedAndNothingIsSaved() {
        World w = fixtures.world(api);
        for (String bad : new String[]{"-1", "0.00001"}) {
            Map<String, Object> billing = RequestingBudgetRechargesTest.billing(null);
            billing.put("smsCreditPrice", bad);
            Api.Response r = w.asAdmin().put("/api/v1/circuit/billing", billing);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body()).contains("smsCreditPrice");
        }
        assertThat(w.asAdmin().get("/api/v1/circuit/billing").json().path("smsCreditPrice").isNull()).isTrue();
    }
}
