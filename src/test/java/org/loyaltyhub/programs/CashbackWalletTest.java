package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cashback wallet and accumulated discounts through the API: earning, refunds, paying, and bad input. */
class CashbackWalletTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.loyaltyhub.programs.internal.ExpiryJobs expiry;

    private World world;
    private Api till;
    private long company;
    private long member;

    private void open(Map<String, Object> settings, String cashbackPercent) {
        world = fixtures.world(api);
        long[] shop = world.company("Shop");
        company = shop[0];
        till = api.withKey(world.apiKey(shop[0], shop[1]));
        world.settings(settings);
        program("CASHBACK", null, cashbackPercent, "0", "50");
        member = world.enrol(till, "wallet").path("id").asLong();
    }

    private void program(String purpose, Long companyId, String percent, String minOrder, String maxShare) {
        program(purpose, companyId, Map.of("enabled", true, "percent", percent, "minOrder", minOrder,
                "maxSharePercent", maxShare));
    }

    private void program(String purpose, Long companyId, Map<String, Object> rule) {
        Api.Response r = world.asAdmin().put("/api/v1/money-programs/" + purpose
                + (companyId == null ? "" : "?companyId=" + companyId), rule);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private long expiredCents(String kind) {
        return jdbc.sql("select coalesce(sum(p.amount), 0) from posting p join account a on a.id = p.account_id "
                + "where a.circuit_id = :c and a.kind = :k").param("c", world.circuitId).param("k", kind)
                .query(Long.class).single();
    }

    private JsonNode wallet(String purpose) {
        Api.Response r = world.asAdmin().get("/api/v1/members/" + member + "/wallets/" + purpose);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private String available() {
        return wallet("CASHBACK").path("available").path("amount").asString();
    }

    private static Map<String, Object> eur(String amount) {
        return Map.of("currency", "EUR", "amount", amount);
    }

    private Map<String, Object> payment(String orderTotal, String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("member", Map.of("id", member), "purpose", "CASHBACK",
                "orderTotal", eur(orderTotal)));
        if (amount != null) {
            body.put("amount", eur(amount));
        }
        return body;
    }

    private long payments() {
        return jdbc.sql("select count(*) from wallet_payment where member_id = :m").param("m", member)
                .query(Long.class).single();
    }

    @Test
    void cashbackIsPendingUntilTheAwardMomentThenAvailableInALotOfTheSellingCompany() {
        open(Map.of("pendingFrom", "CREATED", "awardMoment", "COMPLETED"), "5");
        world.purchase(till, "W-1", member, "30.00", "CREATED");
        assertThat(wallet("CASHBACK").path("pending").path("amount").asString()).isEqualTo("1.50");
        assertThat(available()).isEqualTo("0.00");
        world.purchase(till, "W-1", member, "30.00", "COMPLETED");
        assertThat(wallet("CASHBACK").path("pending").path("amount").asString()).isEqualTo("0.00");
        assertThat(available()).isEqualTo("1.50");
        assertThat(world.available(member)).as("points are earned as before").isEqualTo(30);
        Long issuer = jdbc.sql("select l.issuer_company_id from lot l join account a on a.id = l.account_id "
                + "where a.kind = 'CASHBACK_AVAILABLE' and a.owner_id = :m").param("m", member).query(Long.class).single();
        assertThat(issuer).isEqualTo(company);
        String unit = jdbc.sql("select unit from account where kind = 'CASHBACK_AVAILABLE' and owner_id = :m")
                .param("m", member).query(String.class).single();
        assertThat(unit).isEqualTo("EUR");
        List<String> kinds = world.asAdmin().get("/api/v1/members/" + member + "/wallets/CASHBACK/movements").json()
                .path("items").valueStream().map(m -> m.path("kind").asString()).toList();
        assertThat(kinds).containsExactly("CASHBACK_PENDING_RELEASE", "CASHBACK_EARN_PENDING");
        assertThat(world.movements(member)).as("the points history shows points only")
                .allSatisfy(m -> assertThat(m.path("kind").asString()).doesNotStartWith("CASHBACK"));
        world.assertBooksBalance();
    }

    @Test
    void aRefundWithdrawsCashbackInProportionAndACancellationWithdrawsItAll() {
        open(Map.of(), "5");
        world.purchase(till, "R-1", member, "100.00", "COMPLETED");
        assertThat(available()).isEqualTo("5.00");
        Api.Response partial = till.post("/api/v1/purchases", Map.of("orderId", "R-1", "member", Map.of("id", member),
                "currency", "EUR", "total", "100.00", "refundedTotal", "25.00", "status", "PARTIALLY_REFUNDED"));
        assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
        assertThat(available()).isEqualTo("3.75");
        till.patch("/api/v1/purchases/" + partial.json().path("id").asLong(), Map.of("status", "CANCELLED"));
        assertThat(available()).isEqualTo("0.00");
        world.assertBooksBalance();
    }

    @Test
    void theWalletPaysByQuoteHoldCaptureAndAReleaseGivesTheAmountBack() {
        open(Map.of(), "5");
        world.purchase(till, "S-1", member, "200.00", "PAID"); // 10.00 of cashback
        JsonNode q = till.post("/api/v1/wallet-payments/quote", payment("30.00", null)).json();
        assertThat(q.path("allowed").asBoolean()).isTrue();
        assertThat(q.path("maxAmount").path("amount").asString()).isEqualTo("10.00");
        JsonNode over = till.post("/api/v1/wallet-payments/quote", payment("10.00", "6.00")).json();
        assertThat(over.path("code").asString()).isEqualTo("over-max-share");

        Api.Response held = till.post("/api/v1/wallet-payments", payment("30.00", "4.00"));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(wallet("CASHBACK").path("held").path("amount").asString()).isEqualTo("4.00");
        assertThat(available()).isEqualTo("6.00");
        long id = held.json().path("id").asLong();
        JsonNode captured = till.post("/api/v1/wallet-payments/" + id + "/capture", Map.of("orderId", "S-2")).json();
        assertThat(captured.path("status").asString()).isEqualTo("CAPTURED");
        assertThat(wallet("CASHBACK").path("held").path("amount").asString()).isEqualTo("0.00");

        long second = till.post("/api/v1/wallet-payments", payment("30.00", "2.50")).json().path("id").asLong();
        assertThat(available()).isEqualTo("3.50");
        assertThat(till.post("/api/v1/wallet-payments/" + second + "/release", Map.of()).json().path("status")
                .asString()).isEqualTo("RELEASED");
        assertThat(available()).isEqualTo("6.00");

        JsonNode undone = till.post("/api/v1/wallet-payments/" + id + "/undo", Map.of("reason", "sale cancelled")).json();
        assertThat(undone.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(available()).isEqualTo("10.00");
        world.assertBooksBalance();
    }

    @Test
    void aReplayedPaymentWithTheSameIdempotencyKeySpendsOnce() {
        open(Map.of(), "5");
        world.purchase(till, "I-1", member, "200.00", "PAID");
        Api keyed = till.header("Idempotency-Key", "pay-once-1");
        Api.Response first = keyed.post("/api/v1/wallet-payments", payment("30.00", "3.00"));
        Api.Response again = keyed.post("/api/v1/wallet-payments", payment("30.00", "3.00"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(available()).isEqualTo("7.00");
        assertThat(payments()).isEqualTo(1);
    }

    @Test
    void badAmountsAnotherCurrencyOrMoreThanTheBalanceAreRefusedAndWriteNothing() {
        open(Map.of(), "5");
        world.purchase(till, "B-1", member, "100.00", "PAID"); // 5.00
        long entries = jdbc.sql("select count(*) from journal_entry where member_id = :m").param("m", member)
                .query(Long.class).single();
        assertThat(till.post("/api/v1/wallet-payments", payment("30.00", "-1.00")).status()).isEqualTo(400);
        assertThat(till.post("/api/v1/wallet-payments", payment("30.00", "0.00")).status()).isEqualTo(400);
        assertThat(till.post("/api/v1/wallet-payments", payment("30.00", "1.005")).status()).isEqualTo(400);
        Map<String, Object> dollars = new HashMap<>(payment("30.00", "1.00"));
        dollars.put("amount", Map.of("currency", "USD", "amount", "1.00"));
        Api.Response usd = till.post("/api/v1/wallet-payments", dollars);
        assertThat(usd.status()).isEqualTo(422);
        assertThat(usd.code()).isEqualTo("currency-mismatch");
        Api.Response tooMuch = till.post("/api/v1/wallet-payments", payment("30.00", "5.01"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("insufficient-wallet");
        assertThat(world.asAdmin().get("/api/v1/members/" + member + "/wallets/POINTS").status()).isEqualTo(400);
        assertThat(available()).isEqualTo("5.00");
        assertThat(payments()).isZero();
        assertThat(jdbc.sql("select count(*) from journal_entry where member_id = :m").param("m", member)
                .query(Long.class).single()).isEqualTo(entries);
    }

    @Test
    void aCompanyRuleOverridesTheCircuitsAndAccumulatedDiscountsKeepTheirOwnBalance() {
        open(Map.of(), "5");
        long[] other = world.company("Other");
        Api otherTill = api.withKey(world.apiKey(other[0], other[1]));
        program("CASHBACK", other[0], "10", "0", "100");
        program("DISCOUNT", null, "2", "0", "100");
        world.purchase(till, "C-1", member, "100.00", "PAID");
        world.purchase(otherTill, "C-2", member, "100.00", "PAID");
        assertThat(available()).isEqualTo("15.00"); // 5 % here, 10 % at the other company
        assertThat(wallet("DISCOUNT").path("available").path("amount").asString()).isEqualTo("4.00");
        Long issuer = jdbc.sql("select l.issuer_company_id from lot l join account a on a.id = l.account_id "
                        + "where a.kind = 'CASHBACK_AVAILABLE' and a.owner_id = :m and l.amount = 1000")
                .param("m", member).query(Long.class).single();
        assertThat(issuer).isEqualTo(other[0]);
        world.assertBooksBalance();
    }

    @Test
    void anAdministratorCreditsAndDebitsTheWalletWithANoteAfterAPreview() {
        open(Map.of(), "5");
        Map<String, Object> credit = Map.of("direction", "CREDIT", "amount", eur("12.50"), "note", "goodwill");
        JsonNode preview = world.asAdmin().post("/api/v1/members/" + member + "/wallets/CASHBACK/adjustments/preview",
                credit).json();
        assertThat(preview.path("newBalance").path("amount").asString()).isEqualTo("12.50");
        assertThat(available()).isEqualTo("0.00");
        Api.Response done = world.asAdmin().post("/api/v1/members/" + member + "/wallets/CASHBACK/adjustments", credit);
        assertThat(done.status()).as(done.toString()).isEqualTo(201);
        Api.Response tooMuch = world.asAdmin().post("/api/v1/members/" + member + "/wallets/CASHBACK/adjustments",
                Map.of("direction", "DEBIT", "amount", eur("20.00"), "note", "oops"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(available()).isEqualTo("12.50");
        world.assertBooksBalance();
    }

    @Test
    void cashbackAndAccumulatedDiscountsExpireAfterTheirRulesMonthsIntoTheirExpiredAccounts() {
        open(Map.of(), "5");
        program("CASHBACK", null, Map.of("enabled", true, "percent", "5", "expiryMonths", 12, "minOrder", "0",
                "maxSharePercent", "50"));
        program("DISCOUNT", null, Map.of("enabled", true, "percent", "2", "expiryMonths", 6, "minOrder", "0",
                "maxSharePercent", "100"));
        world.purchase(till, "X-1", member, "100.00", "PAID");
        assertThat(available()).isEqualTo("5.00");
        assertThat(wallet("DISCOUNT").path("available").path("amount").asString()).isEqualTo("2.00");

        expiry.runAt(java.time.Instant.now().plus(java.time.Duration.ofDays(200)));
        assertThat(available()).as("cashback lives 12 months").isEqualTo("5.00");
        assertThat(wallet("DISCOUNT").path("available").path("amount").asString()).as("discounts 6").isEqualTo("0.00");
        assertThat(expiredCents("DISCOUNT_EXPIRED")).isEqualTo(200L);
        assertThat(expiredCents("CASHBACK_EXPIRED")).isZero();

        expiry.runAt(java.time.Instant.now().plus(java.time.Duration.ofDays(370)));
        assertThat(available()).isEqualTo("0.00");
        assertThat(expiredCents("CASHBACK_EXPIRED")).isEqualTo(500L);
        expiry.runAt(java.time.Instant.now().plus(java.time.Duration.ofDays(400)));
        assertThat(expiredCents("CASHBACK_EXPIRED")).as("a second run expires nothing twice").isEqualTo(500L);
        assertThat(world.asAdmin().get("/api/v1/members/" + member + "/wallets/CASHBACK/movements").json()
                .path("items").get(0).path("kind").asString()).isEqualTo("CASHBACK_EXPIRY");
        world.assertBooksBalance();
    }
}
