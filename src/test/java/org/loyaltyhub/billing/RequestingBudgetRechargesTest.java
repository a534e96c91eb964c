package org.loyaltyhub.billing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company administrator asks for budget points; the circuit administrator approves (the budget is recharged once,
 * and a priced request is invoiced) or refuses; companies see only their own requests.
 */
class RequestingBudgetRechargesTest extends IntegrationTest {

    static Map<String, Object> billing(String price) {
        Map<String, Object> body = new HashMap<>(Map.of("legalName", "Circuito Bergamo srl",
                "vatNumber", "IT01234567890", "address", "Via Roma 1, Bergamo", "invoiceEmail", "fatture@circuito.test"));
        if (price != null) {
            body.put("pricePerThousand", price);
        }
        return body;
    }

    static long request(Api companyAdmin, long points) {
        Api.Response r = companyAdmin.post("/api/v1/recharge-requests", Map.of("points", points, "note", "Natale"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    @Test
    void anApprovedRequestRechargesTheBudgetOnceEvenWhenTwoAdministratorsApproveAtTheSameTime() throws Exception {
        World w = fixtures.world(api);
        long company = w.company("Caffè")[0];
        Api shop = w.as(w.operator("COMPANY_ADMIN", company, null));
        assertThat(w.asAdmin().put("/api/v1/circuit/billing", billing("12.50")).status()).isEqualTo(200);

        Api.Response asked = shop.post("/api/v1/recharge-requests", Map.of("points", 5_000, "note", "Natale"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.json().path("status").asString()).isEqualTo("REQUESTED");
        assertThat(asked.json().path("price").path("amount").asString()).isEqualTo("62.50");
        long id = asked.json().path("id").asLong();
        assertThat(w.budget(company)).as("nothing before the decision").isZero();

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Api.Response>> approvals = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return w.asAdmin().post("/api/v1/recharge-requests/" + id + "/approval", Map.of());
        })).toList();
        for (CompletableFuture<Api.Response> f : approvals) {
            Api.Response r = f.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("status").asString()).isEqualTo("APPROVED");
        }
        Api.Response again = w.asAdmin().post("/api/v1/recharge-requests/" + id + "/approval", Map.of());
        assertThat(again.status()).as("a retry answers the approved request").isEqualTo(200);

        assertThat(w.budget(company)).isEqualTo(5_000);
        JsonNode movements = w.asAdmin().get("/api/v1/companies/" + company + "/budget/movements").json();
        assertThat(movements.path("items").size()).isEqualTo(1);
        JsonNode invoices = w.asAdmin().get("/api/v1/invoices").json();
        assertThat(invoices.path("total").asLong()).isEqualTo(1);
        JsonNode invoice = invoices.path("items").get(0);
        assertThat(invoice.path("number").asString()).matches("\\d{4}/0001");
        assertThat(invoice.path("net").path("amount").asString()).isEqualTo("62.50");
        assertThat(invoice.path("vat").path("amount").asString()).isEqualTo("13.75");
        assertThat(invoice.path("total").path("amount").asString()).isEqualTo("76.25");
        assertThat(invoice.path("lines").get(0).path("source").asString()).isEqualTo("BUDGET_RECHARGE");
        assertThat(invoice.path("seller").path("vatNumber").asString()).isEqualTo("IT01234567890");
        assertThat(shop.get("/api/v1/recharge-requests/" + id).json().path("invoiceNumber").asString())
                .isEqualTo(invoice.path("number").asString());
        w.assertBooksBalance();
    }

    @Test
    void aRefusedRequestPostsNothingAndCannotBeApprovedAfterwards() {
        World w = fixtures.world(api);
        long company = w.company("Forno")[0];
        Api shop = w.as(w.operator("COMPANY_ADMIN", company, null));
        long id = request(shop, 1_000);

        Api.Response noReason = w.asAdmin().post("/api/v1/recharge-requests/" + id + "/refusal", Map.of("reason", " "));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        Api.Response refused = w.asAdmin().post("/api/v1/recharge-requests/" + id + "/refusal",
                Map.of("reason", "Budget dell'anno esaurito"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        assertThat(refused.json().path("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().path("reason").asString()).isEqualTo("Budget dell'anno esaurito");

        Api.Response approve = w.asAdmin().post("/api/v1/recharge-requests/" + id + "/approval", Map.of());
        assertThat(approve.status()).as(approve.toString()).isEqualTo(409);
        assertThat(approve.code()).isEqualTo("recharge-request-closed");
        assertThat(approve.header("Content-Type")).startsWith("application/problem+json");
        assertThat(w.budget(company)).isZero();
        assertThat(w.asAdmin().get("/api/v1/invoices").json().path("total").asLong()).isZero();
        assertThat(shop.get("/api/v1/recharge-requests/" + id).json().path("status").asString()).isEqualTo("REFUSED");
    }

    @Test
    void aCompanyWithdrawsAWaitingRequestWhichThenCannotBeApproved() {
        World w = fixtures.world(api);
        long company = w.company("Bar")[0];
        Api shop = w.as(w.operator("COMPANY_ADMIN", company, null));
        long id = request(shop, 2_000);
        assertThat(shop.post("/api/v1/recharge-requests/" + id + "/cancellation", Map.of()).json()
                .path("status").asString()).isEqualTo("CANCELLED");
        assertThat(w.asAdmin().post("/api/v1/recharge-requests/" + id + "/approval", Map.of()).status()).isEqualTo(409);
        assertThat(w.budget(company)).isZero();
    }

    @Test
    void companiesSeeAndTouchOnlyTheirOwnRequests() {
        World w = fixtures.world(api);
        long a = w.company("Alfa")[0];
        long b = w.company("Beta")[0];
        Api alfa = w.as(w.operator("COMPANY_ADMIN", a, null));
        Api beta = w.as(w.operator("COMPANY_ADMIN", b, null));
        long ofAlfa = request(alfa, 1_000);
        request(beta, 3_000);

        assertThat(beta.get("/api/v1/recharge-requests/" + ofAlfa).status()).isEqualTo(404);
        assertThat(beta.post("/api/v1/recharge-requests/" + ofAlfa + "/cancellation", Map.of()).status()).isEqualTo(404);
        assertThat(beta.post("/api/v1/recharge-requests/" + ofAlfa + "/approval", Map.of()).status()).isEqualTo(403);
        assertThat(beta.get("/api/v1/recharge-requests").json().path("items").valueStream()
                .map(r -> r.path("companyId").asLong()).toList()).containsOnly(b);
        assertThat(w.asAdmin().get("/api/v1/recharge-requests?status=REQUESTED").json().path("total").asLong())
                .isEqualTo(2);
        assertThat(w.asAdmin().post("/api/v1/recharge-requests", Map.of("points", 5)).status())
                .as("the circuit recharges directly, it does not ask itself").isEqualTo(403);
        World stranger = fixtures.world(api);
        assertThat(stranger.asAdmin().get("/api/v1/recharge-requests/" + ofAlfa).status()).isEqualTo(404);
        assertThat(stranger.asAdmin().post("/api/v1/recharge-requests/" + ofAlfa + "/approval", Map.of()).status())
                .isEqualTo(404);
        assertThat(w.budget(a)).isZero();
    }

    @Test
    void zeroNegativeOrMissingPointsAreRefusedWithAProblemAndNothingIsWritten() {
        World w = fixtures.world(api);
        long company = w.company("Zero")[0];
        Api shop = w.as(w.operator("COMPANY_ADMIN", company, null));
        for (Object points : new Object[] {0, -5, "abc", 1_000_000_001L}) {
            Api.Response r = shop.post("/api/v1/recharge-requests", Map.of("points", points));
            assertThat(r.status()).as(points + ": " + r).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(shop.post("/api/v1/recharge-requests", Map.of("note", "no points")).status()).isEqualTo(400);
        assertThat(shop.get("/api/v1/recharge-requests").json().path("total").asLong()).isZero();
        assertThat(w.asAdmin().post("/api/v1/recharge-requests/999999999/approval", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void billingDetailsWithAWrongVatNumberAreRefusedAndNothingIsSaved() {
        World w = fixtures.world(api);
        Map<String, Object> bad = billing("10");
        bad.put("vatNumber", "IT123");
        Api.Response r = w.asAdmin().put("/api/v1/circuit/billing", bad);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("vatNumber");
        assertThat(w.asAdmin().get("/api/v1/circuit/billing").json().path("details").path("legalName").isNull()).isTrue();
        Map<String, Object> negative = billing("-1");
        assertThat(w.asAdmin().put("/api/v1/circuit/billing", negative).status()).isEqualTo(400);

        Map<String, Object> good = billing("10");
        good.put("vatNumber", "it 01234567890");
        good.put("vatRate", 10);
        JsonNode saved = w.asAdmin().put("/api/v1/circuit/billing", good).json();
        assertThat(saved.path("details").path("vatNumber").asString()).isEqualTo("IT01234567890");
        assertThat(saved.path("pricePerThousand").path("amount").asString()).isEqualTo("10.00");
        assertThat(saved.path("vatRate").decimalValue()).isEqualByComparingTo("10");
    }
}
