package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.MembershipJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Exclusive paid membership over the API: plans, sales with receipts, benefits, expiry and reminders. */
@RecordApplicationEvents
class PaidMembershipTest extends IntegrationTest {

    @Autowired
    MembershipJobs jobs;

    @Autowired
    MemberStatuses statuses;

    @Autowired
    ApplicationEvents events;

    private World w;
    private long[] shop;
    private Api till;

    private void open() {
        w = fixtures.world(api);
        shop = w.company("Club");
        till = api.withKey(w.apiKey(shop[0], shop[1]));
    }

    private long plan(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("nameEn", "Premium", "nameIt", "Premium",
                "benefitsEn", "Double points", "price", "29.00", "period", "MONTHLY"));
        body.putAll(overrides);
        Api.Response r = w.asAdmin().post("/api/v1/membership-plans", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private Api.Response sell(Api as, long member, long plan, String receipt) {
        return as.post("/api/v1/members/" + member + "/memberships", Map.of("planId", plan,
                "paymentMethod", "CARD", "receiptNumber", receipt));
    }

    @Test
    void aMembershipSoldWithItsReceiptIsRecordedOnceEvenWhenTheTillRetries() {
        open();
        long plan = plan(Map.of());
        long m = w.enrol(till, "vip").path("id").asLong();

        Api.Response first = sell(till, m, plan, "R-100");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode membership = first.json().path("membership");
        assertThat(membership.path("status").asString()).isEqualTo("ACTIVE");
        Instant start = Instant.parse(membership.path("startsAt").asString());
        assertThat(Instant.parse(membership.path("endsAt").asString())).isAfter(start.plus(Duration.ofDays(27)))
                .isBefore(start.plus(Duration.ofDays(32)));

        Api.Response retry = sell(till, m, plan, "R-100");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().path("alreadyGranted").asBoolean()).isTrue();
        assertThat(retry.json().path("membership").path("id").asLong()).isEqualTo(membership.path("id").asLong());

        long other = w.enrol(till, "other").path("id").asLong();
        Api.Response reused = sell(till, other, plan, "R-100");
        assertThat(reused.status()).as("a receipt is one sale").isEqualTo(409);
        assertThat(reused.code()).isEqualTo("receipt-already-recorded");

        Api.Response keyed = till.header("Idempotency-Key", "k-" + m).post("/api/v1/members/" + m + "/memberships",
                Map.of("planId", plan, "paymentMethod", "CASH", "receiptNumber", "R-101"));
        Api.Response keyedAgain = till.header("Idempotency-Key", "k-" + m).post("/api/v1/members/" + m
                + "/memberships", Map.of("planId", plan, "paymentMethod", "CASH", "receiptNumber", "R-101"));
        assertThat(keyedAgain.status()).isEqualTo(keyed.status()).isEqualTo(201);
        assertThat(keyedAgain.json().path("sale").path("id").asLong())
                .isEqualTo(keyed.json().path("sale").path("id").asLong());

        JsonNode sales = w.asAdmin().get("/api/v1/membership-sales").json();
        assertThat(sales.path("total").asLong()).as("the first sale and one renewal").isEqualTo(2);
        JsonNode sale = sales.path("items").get(1);
        assertThat(sale.path("amount").decimalValue()).isEqualByComparingTo("29.00");
        assertThat(sale.path("currency").asString()).isEqualTo("EUR");
        assertThat(sale.path("companyId").asLong()).isEqualTo(shop[0]);
        assertThat(sale.path("storeId").asLong()).isEqualTo(shop[1]);
        assertThat(sale.path("paymentMethod").asString()).isEqualTo("CARD");
        assertThat(sale.path("receiptNumber").asString()).isEqualTo("R-100");
        assertThat(sale.path("source").asString()).isEqualTo("API");
        assertThat(w.movements(m)).as("a sale is money, not points").isEmpty();
    }

    @Test
    void twoTillsRecordingTheSameReceiptAtOnceSellOneMembership() throws Exception {
        open();
        long plan = plan(Map.of("welcomePoints", 100));
        long m = w.enrol(till, "vip").path("id").asLong();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> sell(till, m, plan, "R-SAME").status());
            var second = pool.submit(() -> sell(till, m, plan, "R-SAME").status());
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 200);
        }
        assertThat(w.asAdmin().get("/api/v1/membership-sales").json().path("total").asLong()).isEqualTo(1);
        assertThat(w.available(m)).isEqualTo(100);
        w.assertBooksBalance();
    }

    @Test
    void theWelcomeBonusIsGivenOnceARenewalExtendsFromTheEndAndTheMultiplierDoublesTheNextPurchase() {
        open();
        w.settings(Map.of());
        long plan = plan(Map.of("multiplier", "2", "welcomePoints", 500));
        long m = w.enrol(till, "vip").path("id").asLong();

        JsonNode first = sell(till, m, plan, "R-1").json().path("membership");
        assertThat(w.available(m)).isEqualTo(500);
        JsonNode renewed = sell(till, m, plan, "R-2").json();
        assertThat(renewed.path("sale").path("kind").asString()).isEqualTo("RENEWED");
        assertThat(renewed.path("sale").path("periodFrom").asString()).isEqualTo(first.path("endsAt").asString());
        assertThat(Instant.parse(renewed.path("membership").path("endsAt").asString()))
                .isAfter(Instant.parse(first.path("endsAt").asString()).plus(Duration.ofDays(27)));
        assertThat(w.available(m)).as("the welcome bonus is once per membership").isEqualTo(500);

        assertThat(w.purchase(till, "P-1", m, "40.00", "COMPLETED").status()).isEqualTo(201);
        assertThat(w.available(m)).isEqualTo(580);
        assertThat(w.movements(m).getFirst().path("reason").asString()).contains("Premium ×2");
        assertThat(statuses.of(w.circuitId, m).hasPlan(plan)).isTrue();
        w.assertBooksBalance();
    }

    @Test
    void theWelcomeBonusComesOutOfTheSellingCompanysBudgetWhenBudgetsAreEnforced() {
        w = fixtures.world(api, true, true);
        shop = w.company("Club");
        till = api.withKey(w.apiKey(shop[0], shop[1]));
        w.recharge(shop[0], 1_000);
        long plan = plan(Map.of("welcomePoints", 300));
        long m = w.enrol(till, "vip").path("id").asLong();
        assertThat(sell(till, m, plan, "R-1").status()).isEqualTo(201);
        assertThat(w.available(m)).isEqualTo(300);
        assertThat(w.budget(shop[0])).isEqualTo(700);
        w.assertBooksBalance();
    }

    @Test
    void aMembershipEndsWhenDueAndItsRenewalReminderIsPublishedOnce() {
        open();
        long plan = plan(Map.of("period", "FIXED_MONTHS", "months", 3));
        long m = w.enrol(till, "vip").path("id").asLong();
        JsonNode membership = sell(till, m, plan, "R-1").json().path("membership");
        long id = membership.path("id").asLong();
        Instant end = Instant.parse(membership.path("endsAt").asString());

        jobs.runAt(end.minus(Duration.ofDays(8)));
        assertThat(reminders(id)).as("not yet: more than a week to go").isEmpty();
        jobs.runAt(end.minus(Duration.ofDays(6)));
        jobs.runAt(end.minus(Duration.ofDays(5)));
        assertThat(reminders(id)).containsExactly(new MembershipExpiring(w.circuitId, m, id, end));
        assertThat(current(m).path("status").asString()).isEqualTo("ACTIVE");

        jobs.runAt(end.minusSeconds(1));
        assertThat(current(m).path("status").asString()).isEqualTo("ACTIVE");
        jobs.runAt(end.plusSeconds(1));
        jobs.runAt(end.plusSeconds(2));
        assertThat(current(m).path("status").asString()).isEqualTo("ENDED");
        assertThat(events.stream(MembershipChanged.class).filter(e -> e.membershipId() == id
                && e.kind() == StatusEventKind.MEMBERSHIP_ENDED).count()).as("ended once").isEqualTo(1);
        assertThat(reminders(id)).hasSize(1);
    }

    @Test
    void anAdministratorCancelsAMembershipWithAReasonAndItCannotBeCancelledTwice() {
        open();
        long plan = plan(Map.of());
        long m = w.enrol(till, "vip").path("id").asLong();
        long id = sell(till, m, plan, "R-1").json().path("membership").path("id").asLong();
        assertThat(w.asAdmin().post("/api/v1/memberships/" + id + "/cancellation", Map.of()).status()).isEqualTo(400);
        Api.Response cancelled = w.asAdmin().post("/api/v1/memberships/" + id + "/cancellation",
                Map.of("reason", "Customer moved abroad"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("endReason").asString()).contains("Customer moved abroad");
        assertThat(w.asAdmin().post("/api/v1/memberships/" + id + "/cancellation",
                Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(till.post("/api/v1/memberships/" + id + "/cancellation", Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(statuses.of(w.circuitId, m).plan()).isNull();
    }

    @Test
    void badPlansAndGrantsAreRefusedWithAProblemAndNothingIsSaved() {
        open();
        long plan = plan(Map.of());
        long archived = plan(Map.of("nameEn", "Old"));
        assertThat(w.asAdmin().delete("/api/v1/membership-plans/" + archived).status()).isEqualTo(200);
        World other = fixtures.world(api);
        long foreign = other.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "Theirs", "price", "5",
                "period", "YEARLY")).json().path("id").asLong();
        long m = w.enrol(till, "vip").path("id").asLong();

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("nameEn", "Neg", "price", "-1", "period", "MONTHLY"),
                Map.of("nameEn", "No months", "price", "10", "period", "FIXED_MONTHS"),
                Map.of("nameEn", "Months on monthly", "price", "10", "period", "MONTHLY", "months", 3),
                Map.of("nameEn", "Too much", "price", "10", "period", "MONTHLY", "counterDiscount", "100"),
                Map.of("price", "10", "period", "MONTHLY"))) {
            Api.Response r = w.asAdmin().post("/api/v1/membership-plans", bad);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        Api.Response noMonths = w.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "No months",
                "price", "10", "period", "FIXED_MONTHS"));
        assertThat(noMonths.body()).contains("months");

        for (long bad : new long[] {999_999_999L, foreign, archived}) {
            Api.Response r = sell(till, m, bad, "R-" + bad);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body()).contains("planId");
        }
        assertThat(till.post("/api/v1/members/" + m + "/memberships", Map.of("planId", plan, "paymentMethod",
                "BITCOIN", "receiptNumber", "R-9")).status()).isEqualTo(400);
        assertThat(till.post("/api/v1/members/" + m + "/memberships", Map.of("planId", plan, "paymentMethod",
                "CASH")).status()).isEqualTo(400);
        assertThat(w.asAdmin().get("/api/v1/membership-plans").json().size()).isEqualTo(1);
        assertThat(w.asAdmin().get("/api/v1/members/" + m + "/memberships").json().size()).isZero();
        assertThat(w.asAdmin().get("/api/v1/membership-sales").json().path("total").asLong()).isZero();
    }

    @Test
    void anotherCircuitSeesNoneOfThisCircuitsPlansMembershipsOrSales() {
        open();
        long plan = plan(Map.of());
        long m = w.enrol(till, "vip").path("id").asLong();
        long id = sell(till, m, plan, "R-1").json().path("membership").path("id").asLong();
        World stranger = fixtures.world(api);

        assertThat(stranger.asAdmin().get("/api/v1/membership-plans/" + plan).status()).isEqualTo(404);
        assertThat(stranger.asAdmin().put("/api/v1/membership-plans/" + plan, Map.of("nameEn", "Mine", "price", "1",
                "period", "MONTHLY")).status()).isEqualTo(404);
        assertThat(stranger.asAdmin().get("/api/v1/members/" + m + "/memberships").status()).isEqualTo(404);
        assertThat(stranger.asAdmin().post("/api/v1/memberships/" + id + "/cancellation",
                Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(stranger.asAdmin().get("/api/v1/membership-sales").json().path("total").asLong()).isZero();
        assertThat(stranger.asAdmin().get("/api/v1/membership-plans").json().size()).isZero();
        assertThat(w.asAdmin().get("/api/v1/membership-plans/" + plan).json().path("nameEn").asString())
                .isEqualTo("Premium");
    }

    private List<MembershipExpiring> reminders(long membershipId) {
        return events.stream(MembershipExpiring.class).filter(e -> e.membershipId() == membershipId).toList();
    }

    private JsonNode current(long member) {
        return w.asAdmin().get("/api/v1/members/" + member + "/memberships").json().get(0);
    }
}
