package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undoing prepaid sales through the API: a mistaken sale voided by its seller or a company administrator while
 * untouched and within the circuit's window, by a new entry reversing the sale's; the unspent remainder refunded only
 * by a company administrator; every refusal named, nothing written, every retry answered once.
 */
class VoidingPrepaidSalesTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private World world;
    private Api till;
    private Api otherTill;
    private Api companyAdmin;
    private Api otherCompanyAdmin;
    private long member;

    private void open(Integer voidWindowHours) {
        world = fixtures.world(api);
        long[] shop = world.company("Seller");
        long[] other = world.company("Other");
        till = api.withKey(world.apiKey(shop[0], shop[1]));
        otherTill = api.withKey(world.apiKey(shop[0], shop[1]));
        companyAdmin = world.as(world.operator("COMPANY_ADMIN", shop[0], null));
        otherCompanyAdmin = world.as(world.operator("COMPANY_ADMIN", other[0], null));
        Map<String, Object> s = new HashMap<>(Map.of("enabled", true, "minAmount", "5", "maxAmount", "500",
                "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies", List.of()));
        if (voidWindowHours != null) {
            s.put("voidWindowHours", voidWindowHours);
        }
        Api.Response r = world.asAdmin().put("/api/v1/prepaid/settings", s);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        member = world.enrol(till, "voiding").path("id").asLong();
    }

    private static Map<String, Object> eur(String amount) {
        return Map.of("currency", "EUR", "amount", amount);
    }

    private JsonNode sell(Long memberId, String amount, String bonus, String receipt) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", memberId == null ? "GIFT_CARD" : "PREPAID_CREDIT",
                "amount", eur(amount), "bonus", eur(bonus), "paymentMethod", "CASH", "receiptNumber", receipt));
        if (memberId != null) {
            body.put("member", Map.of("id", memberId));
        }
        Api.Response r = till.post("/api/v1/prepaid/sales", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private Api.Response voidSale(Api as, long saleId, String reason) {
        return as.post("/api/v1/prepaid/sales/" + saleId + "/void", Map.of("reason", reason));
    }

    private Api.Response refund(Api as, long saleId, String amount, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("reason", reason));
        if (amount != null) {
            body.put("amount", eur(amount));
        }
        return as.post("/api/v1/prepaid/sales/" + saleId + "/refund", body);
    }

    private String credit() {
        return world.asAdmin().get("/api/v1/members/" + member + "/wallets/PREPAID").json().path("available")
                .path("amount").asString();
    }

    private long entries() {
        return jdbc.sql("select count(*) from journal_entry where circuit_id = :c").param("c", world.circuitId)
                .query(Long.class).single();
    }

    @Test
    void theSellerVoidsAMistakenSaleOnceWithANewEntryThatReversesItAndShowsInTheHistory() {
        open(null);
        long sale = sell(member, "50.00", "5.00", "V-1").path("sale").path("id").asLong();
        assertThat(credit()).isEqualTo("55.00");

        Api.Response voided = voidSale(till, sale, "typed 50 instead of 5");
        assertThat(voided.status()).as(voided.toString()).isEqualTo(201);
        assertThat(voided.json().path("reversal").path("kind").asString()).isEqualTo("VOID");
        assertThat(voided.json().path("reversal").path("amount").path("amount").asString()).isEqualTo("55.00");
        assertThat(credit()).isEqualTo("0.00");
        long saleEntry = voided.json().path("sale").path("entryId").asLong();
        long voidEntry = voided.json().path("reversal").path("entryId").asLong();
        assertThat(jdbc.sql("select reverses_id from journal_entry where id = :e").param("e", voidEntry)
                .query(Long.class).single()).as("a new entry linked to the sale's, never an edit").isEqualTo(saleEntry);

        long before = entries();
        Api.Response again = voidSale(till, sale, "typed 50 instead of 5");
        assertThat(again.status()).as("a retry answers the first void").isEqualTo(200);
        assertThat(again.json().path("reversal").path("id").asLong())
                .isEqualTo(voided.json().path("reversal").path("id").asLong());
        assertThat(entries()).isEqualTo(before);
        assertThat(refund(companyAdmin, sale, null, "no").code()).isEqualTo("prepaid-sale-reversed");

        List<String> kinds = new java.util.ArrayList<>();
        world.asAdmin().get("/api/v1/members/" + member + "/wallets/PREPAID/movements").json().path("items")
                .forEach(m -> kinds.add(m.path("kind").asString()));
        assertThat(kinds).as("the void is in the member's history").contains("PREPAID_SALE_VOID");
        world.assertBooksBalance();
    }

    @Test
    void onlyTheSellerOrItsCompanyAdministratorVoidsAndOnlyWithAReason() {
        open(null);
        long sale = sell(null, "20.00", "0.00", "V-2").path("sale").path("id").asLong();
        long before = entries();
        assertThat(voidSale(otherTill, sale, "not mine").status()).as("another till of the company").isEqualTo(403);
        assertThat(voidSale(otherCompanyAdmin, sale, "not ours").status()).as("another company's").isEqualTo(404);
        assertThat(voidSale(world.asAdmin(), sale, "circuit").status()).as("the circuit administrator").isEqualTo(403);
        assertThat(voidSale(till, sale, " ").status()).as("no reason").isEqualTo(400);
        assertThat(entries()).isEqualTo(before);
        Api.Response voided = voidSale(companyAdmin, sale, "customer changed their mind at the till");
        assertThat(voided.status()).as(voided.toString()).isEqualTo(201);
        world.assertBooksBalance();
    }

    @Test
    void aSaleWhoseCreditWasUsedOrWhoseWindowClosedIsNotVoidedButItsRemainderIsRefundedByACompanyAdministrator() {
        open(2);
        JsonNode card = sell(null, "40.00", "10.00", "V-3");
        long sale = card.path("sale").path("id").asLong();
        Api.Response paid = till.post("/api/v1/gift-cards/payments", Map.of("cardNumber",
                card.path("sale").path("cardNumber").asString(), "pin", card.path("pin").asString(),
                "orderTotal", eur("100.00"), "amount", eur("15.00")));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        long before = entries();
        assertThat(voidSale(till, sale, "too late").code()).isEqualTo("prepaid-sale-spent");

        assertThat(entries()).isEqualTo(before);

        assertThat(refund(till, sale, null, "returned").status()).as("a till does not refund").isEqualTo(403);
        assertThat(refund(companyAdmin, sale, "35.01", "returned").status()).as("more than is left").isEqualTo(400);
        assertThat(refund(companyAdmin, sale, "-1.00", "returned").status()).isEqualTo(400);
        Api.Response refunded = refund(companyAdmin, sale, "35.00", "card returned unused where the law allows");
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(refunded.json().path("reversal").path("kind").asString()).isEqualTo("REFUND");
        assertThat(refund(companyAdmin, sale, "35.00", "card returned").status()).as("a retry").isEqualTo(200);
        assertThat(refund(companyAdmin, sale, "1.00", "more").code()).isEqualTo("prepaid-sale-reversed");

        Map<String, Long> back = new HashMap<>();
        jdbc.sql("select a.kind, sum(p.amount) from posting p join account a on a.id = p.account_id "
                        + "where p.entry_id = :e and a.kind in ('PREPAID_ISSUANCE', 'PREPAID_BONUS') group by a.kind")
                .param("e", refunded.json().path("reversal").path("entryId").asLong())
                .query(rs -> {
                    back.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(back).as("what was paid goes back first, then the bonus")
                .containsEntry("PREPAID_ISSUANCE", 2500L).containsEntry("PREPAID_BONUS", 1000L);

        long untouched = sell(member, "30.00", "0.00", "V-4").path("sale").path("id").asLong();
        long beforeLate = entries();
        clock.advance(Duration.ofHours(3));
        Api.Response late = voidSale(till, untouched, "too late");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("void-window-closed");
        assertThat(entries()).isEqualTo(beforeLate);
        world.assertBooksBalance();
    }

    @Test
    void theRemainderOfAMembersCreditSaleIsRefundedWholeWhenNoAmountIsGiven() {
        open(null);
        long sale = sell(member, "25.00", "0.00", "V-5").path("sale").path("id").asLong();
        Api.Response refunded = refund(companyAdmin, sale, null, "moving abroad");
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(refunded.json().path("reversal").path("amount").path("amount").asString()).isEqualTo("25.00");
        assertThat(credit()).isEqualTo("0.00");
        world.assertBooksBalance();
    }

    @Test
    void aSaleIsRefundedInSeveralPartsEachOnceForItsKeyUntilNothingIsLeft() {
        open(null);
        long sale = sell(member, "30.00", "5.00", "V-6").path("sale").path("id").asLong();
        Api.Response first = refund(companyAdmin.header("Idempotency-Key", "refund-1"), sale, "10.00", "part one");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(credit()).isEqualTo("25.00");
        Api.Response retried = refund(companyAdmin.header("Idempotency-Key", "refund-1"), sale, "10.00", "part one");
        assertThat(retried.json().path("reversal").path("id").asLong()).as("a retry with the same key answers the first")
                .isEqualTo(first.json().path("reversal").path("id").asLong());
        assertThat(credit()).as("spent once").isEqualTo("25.00");

        Api.Response second = refund(companyAdmin.header("Idempotency-Key", "refund-2"), sale, "20.00", "part two");
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().path("reversal").path("id").asLong())
                .isNotEqualTo(first.json().path("reversal").path("id").asLong());
        assertThat(credit()).isEqualTo("5.00");
        Api.Response tooMuch = refund(companyAdmin.header("Idempotency-Key", "refund-3"), sale, "5.01", "more");
        assertThat(tooMuch.status()).as("more than is left").isEqualTo(400);
        assertThat(voidSale(companyAdmin, sale, "void after refunds").code()).isEqualTo("prepaid-sale-reversed");

        Api.Response last = refund(companyAdmin.header("Idempotency-Key", "refund-4"), sale, null, "the rest");
        assertThat(last.status()).as(last.toString()).isEqualTo(201);
        assertThat(last.json().path("reversal").path("amount").path("amount").asString()).isEqualTo("5.00");
        assertThat(credit()).isEqualTo("0.00");
        assertThat(refund(companyAdmin.header("Idempotency-Key", "refund-5"), sale, null, "again").code())
                .as("nothing left").isEqualTo("prepaid-sale-spent");
        assertThat(jdbc.sql("select count(*) from prepaid_sale_reversal where sale_id = :s").param("s", sale)
                .query(Long.class).single()).isEqualTo(3L);
        world.assertBooksBalance();
    }
}
