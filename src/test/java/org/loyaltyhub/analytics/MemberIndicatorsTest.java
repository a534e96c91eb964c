package org.loyaltyhub.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.analytics.internal.IndicatorJob;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Member indicators and RFM (issue 14 §3): figures when asked, scores by the nightly job, segments on them. */
class MemberIndicatorsTest extends IntegrationTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    @Autowired
    IndicatorJob job;

    private static Api.Response buy(Api till, long member, String order, String total, int daysAgo) {
        return buy(till, null, member, order, total, daysAgo);
    }

    /** A purchase at {@code store} (null: the till's own), {@code daysAgo} days before {@link #NOW}. */
    private static Api.Response buy(Api as, Long store, long member, String order, String total, int daysAgo) {
        Map<String, Object> body = new HashMap<>(Map.of("orderId", order, "member", Map.of("id", member),
                "currency", "EUR", "total", total, "status", "PAID",
                "occurredAt", NOW.minus(Duration.ofDays(daysAgo)).toString()));
        if (store != null) {
            body.put("storeId", store);
        }
        Api.Response r = as.post("/api/v1/purchases", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private static long member(World w, String name, String birthDate) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", name, "lastName", "Rfm",
                "email", Fixtures.unique(name) + "@member.test"));
        if (birthDate != null) {
            body.put("birthDate", birthDate);
        }
        return w.enrol(w.asAdmin(), body).path("id").asLong();
    }

    /** Five buyers, each better than the next on recency, frequency and spend, so each quintile is its rank. */
    private record Circuit(World w, long[] shop, long[] bar, Api shopTill, Api barTill, long[] buyers, long idle) {
    }

    private Circuit fiveBuyers() {
        clock.set(NOW);
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        long[] bar = w.company("Bar");
        Api shopTill = api.withKey(w.apiKey(shop[0], shop[1]));
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        long[] buyers = new long[5];
        int[] lastDaysAgo = {1, 10, 30, 200, 600};
        String[] each = {"100.00", "50.00", "20.00", "10.00", "5.00"};
        for (int b = 0; b < 5; b++) {
            buyers[b] = member(w, "buyer" + b, b == 0 ? "1990-06-20" : null);
            int visits = 5 - b;
            for (int v = 0; v < visits; v++) {
                Api till = b == 0 && v >= 3 ? barTill : shopTill;
                buy(till, buyers[b], "B" + b + "-" + v, each[b], lastDaysAgo[b] + v * 2);
            }
        }
        long idle = member(w, "idle", null);
        return new Circuit(w, shop, bar, shopTill, barTill, buyers, idle);
    }

    @Test
    void theRatingIsTheAverageOfTheScoresOfTheMembersReviewEventsEachCountedOnce() {
        World w = fixtures.world(api);
        long m = member(w, "critic", null);
        assertThat(w.asAdmin().get("/api/v1/members/" + m + "/indicators").json().path("rating").path("reviews")
                .asLong()).isZero();
        for (Object[] e : new Object[][] {{"r-1", 4}, {"r-2", 5}, {"r-2", 5}, {"r-3", null}}) {
            Map<String, Object> body = new HashMap<>(Map.of("eventId", e[0], "type", "review", "memberId", m));
            if (e[1] != null) {
                body.put("attributes", Map.of("rating", e[1], "productId", "P1"));
            }
            assertThat(w.asAdmin().post("/api/v1/events", body).status()).isIn(200, 201);
        }
        assertThat(w.asAdmin().post("/api/v1/events", Map.of("eventId", "r-4", "type", "review", "memberId", m,
                "attributes", Map.of("rating", 6))).status()).as("out of the scale").isEqualTo(400);

        JsonNode rating = w.asAdmin().get("/api/v1/members/" + m + "/indicators").json().path("rating");

        assertThat(rating.path("reviews").asLong()).as("a replay and a review without a score count not").isEqualTo(2);
        assertThat(rating.path("average").decimalValue()).isEqualByComparingTo("4.5");
    }

    @Test
    void theMembersReportGroupsAgesInTheBandsOfTheIndicatorsAndSegments() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        World w = fixtures.world(api);
        long teen = member(w, "teen", today.minusYears(10).toString());
        member(w, "justEighteen", today.minusYears(18).toString());
        long forty = member(w, "forty", today.minusYears(40).toString());
        member(w, "unborn", null);

        JsonNode ages = w.asAdmin().get("/api/v1/reports/members?to=" + today).json().path("ageGroups");
        Map<String, Long> byBand = new HashMap<>();
        ages.forEach(a -> byBand.put(a.path("key").asString(), a.path("count").asLong()));

        assertThat(byBand).containsEntry("UNDER_18", 1L).containsEntry("FROM_18_TO_24", 1L)
                .containsEntry("FROM_35_TO_44", 1L).containsEntry("UNKNOWN", 1L);
        assertThat(w.asAdmin().get("/api/v1/members/" + teen + "/indicators").json().path("ageGroup").asString())
                .isEqualTo("UNDER_18");
        assertThat(w.asAdmin().get("/api/v1/members/" + forty + "/indicators").json().path("ageGroup").asString())
                .isEqualTo("FROM_35_TO_44");
    }

    @Test
    void aMembersFiguresAreCountedFromItsPurchasesWhenAskedAndItsDatesFromItsRecord() {
        Circuit c = fiveBuyers();
        long best = c.buyers()[0];
        JsonNode i = c.w().asAdmin().get("/api/v1/members/" + best + "/indicators").json();

        assertThat(i.path("ageGroup").asString()).isEqualTo("FROM_35_TO_44");
        assertThat(i.path("nextBirthday").asString()).isEqualTo("2026-06-20");
        JsonNode enrolled = c.w().asAdmin().get("/api/v1/members/" + best).json();
        LocalDate enrolledOn = LocalDate.ofInstant(Instant.parse(enrolled.path("createdAt").asString()), ZoneOffset.UTC);
        assertThat(i.path("nextAnniversary").asString()).isEqualTo(enrolledOn.plusYears(1).toString());
        JsonNode f = i.path("figures");
        assertThat(f.path("visits12m").asInt()).isEqualTo(5);
        assertThat(f.path("visits3y").asInt()).isEqualTo(5);
        assertThat(f.path("mostVisitedStoreId").asLong()).as("3 visits at the shop, 2 at the bar").isEqualTo(c.shop()[1]);
        assertThat(f.path("spend3y").path("amount").asString()).isEqualTo("500.00");
        assertThat(f.path("years").get(0).path("year").asInt()).isEqualTo(2026);
        assertThat(f.path("years").get(0).path("spend").path("amount").asString()).isEqualTo("500.00");
        assertThat(Instant.parse(f.path("lastPurchaseAt").asString())).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(i.path("rfm").isNull()).as("no nightly run yet").isTrue();

        JsonNode oldest = c.w().asAdmin().get("/api/v1/members/" + c.buyers()[4] + "/indicators").json();
        assertThat(oldest.path("figures").path("visits12m").asInt()).as("600 days ago").isZero();
        assertThat(oldest.path("figures").path("years").get(1).path("spend").path("amount").asString())
                .as("2024-10-23 is two calendar years back").isEqualTo("0.00");
        assertThat(oldest.path("figures").path("years").get(2).path("spend").path("amount").asString())
                .isEqualTo("5.00");

        buy(c.shopTill(), best, "B0-new", "40.00", 0);
        JsonNode after = c.w().asAdmin().get("/api/v1/members/" + best + "/indicators").json();
        assertThat(after.path("figures").path("visits12m").asInt()).as("a purchase counts at once").isEqualTo(6);
        assertThat(after.path("figures").path("spend3y").path("amount").asString()).isEqualTo("540.00");
    }

    @Test
    void theNightlyJobRanksBuyersIntoQuintilesAndNamesTheirSegmentOnceADay() {
        Circuit c = fiveBuyers();
        assertThat(job.runAt(NOW)).isPositive();
        String[] expected = {"CHAMPIONS", "LOYAL", "NEED_ATTENTION", "HIBERNATING", "HIBERNATING"};
        for (int b = 0; b < 5; b++) {
            JsonNode rfm = c.w().asAdmin().get("/api/v1/members/" + c.buyers()[b] + "/indicators").json().path("rfm");
            int q = 5 - b;
            assertThat(List.of(rfm.path("recency").asInt(), rfm.path("frequency").asInt(), rfm.path("monetary").asInt()))
                    .as("buyer " + b).containsExactly(q, q, q);
            assertThat(rfm.path("segment").asString()).isEqualTo(expected[b]);
            assertThat(rfm.path("scoredOn").asString()).isEqualTo("2026-06-15");
        }
        assertThat(c.w().asAdmin().get("/api/v1/members/" + c.idle() + "/indicators").json().path("rfm").isNull())
                .as("bought nothing in 3 years").isTrue();

        // the same day again: nothing left to do; new purchases wait for the next night
        for (int v = 0; v < 6; v++) {
            buy(c.shopTill(), c.buyers()[4], "late-" + v, "200.00", 0);
        }
        assertThat(job.runAt(NOW.plusSeconds(60))).isZero();
        JsonNode stale = c.w().asAdmin().get("/api/v1/members/" + c.buyers()[4] + "/indicators").json();
        assertThat(stale.path("rfm").path("segment").asString()).isEqualTo("HIBERNATING");

        clock.advance(Duration.ofDays(1));
        assertThat(job.runAt(clock.instant())).isPositive();
        JsonNode next = c.w().asAdmin().get("/api/v1/members/" + c.buyers()[4] + "/indicators").json().path("rfm");
        assertThat(next.path("recency").asInt()).isEqualTo(5);
        assertThat(next.path("frequency").asInt()).as("7 purchases, the most").isEqualTo(5);
        assertThat(next.path("segment").asString()).isEqualTo("CHAMPIONS");
        assertThat(next.path("scoredOn").asString()).isEqualTo("2026-06-16");
    }

    @Test
    void segmentsSelectMembersByRfmSegmentScoresAndMostVisitedStore() {
        Circuit c = fiveBuyers();
        job.runAt(NOW);
        assertThat(count(c.w(), Map.of("field", "RFM_SEGMENT", "operator", "ANY_OF", "values", List.of("HIBERNATING"))))
                .isEqualTo(2);
        assertThat(count(c.w(), Map.of("field", "RFM_SEGMENT", "operator", "NONE_OF", "values", List.of("HIBERNATING"))))
                .as("the three others and the member who never bought").isEqualTo(4);
        assertThat(count(c.w(), Map.of("field", "RECENCY_SCORE", "operator", "AT_LEAST", "values", List.of("4"))))
                .isEqualTo(2);
        assertThat(count(c.w(), Map.of("field", "MONETARY_SCORE", "operator", "BETWEEN", "values", List.of("2", "3"))))
                .isEqualTo(2);
        assertThat(count(c.w(), Map.of("field", "MOST_VISITED_STORE", "operator", "ANY_OF",
                "values", List.of(String.valueOf(c.shop()[1]))))).as("buyer 4 visited nothing in 12 months").isEqualTo(4);
        Api.Response bad = c.w().asAdmin().post("/api/v1/segments/count", segment(Map.of("field", "RFM_SEGMENT",
                "operator", "ANY_OF", "values", List.of("HEROES"))));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void aCompanyAdminOfACircuitKeepingCompaniesApartSeesOnlyItsOwnCompanysFiguresAndNoScores() {
        clock.set(NOW);
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Shop");
        long[] bar = w.company("Bar");
        long m = member(w, "both", null);
        // the circuit administrator records them: a company's till finds only its own company's customers
        buy(w.asAdmin(), shop[1], m, "S-1", "100.00", 3);
        buy(w.asAdmin(), bar[1], m, "B-1", "30.00", 2);
        job.runAt(NOW);
        Api barAdmin = api.as(w.operator("COMPANY_ADMIN", bar[0], null));

        JsonNode mine = barAdmin.get("/api/v1/members/" + m + "/indicators").json();
        assertThat(mine.path("figures").path("spend3y").path("amount").asString()).isEqualTo("30.00");
        assertThat(mine.path("figures").path("mostVisitedStoreId").asLong()).isEqualTo(bar[1]);
        assertThat(mine.path("rfm").isNull()).isTrue();
        JsonNode all = w.asAdmin().get("/api/v1/members/" + m + "/indicators").json();
        assertThat(all.path("figures").path("spend3y").path("amount").asString()).isEqualTo("130.00");
        assertThat(all.path("rfm").path("segment").asString()).as("a lone buyer ranks 1 of 1: every quintile 1")
                .isEqualTo("HIBERNATING");

        Api operator = api.as(w.operator("STORE_OPERATOR", bar[0], bar[1]));
        assertThat(operator.get("/api/v1/members/" + m + "/indicators").status()).isEqualTo(403);
        World other = fixtures.world(api);
        assertThat(other.asAdmin().get("/api/v1/members/" + m + "/indicators").status()).isEqualTo(404);
    }

    private static Map<String, Object> segment(Map<String, Object> condition) {
        return Map.of("name", "", "match", "ALL", "groups", List.of(Map.of("match", "ALL",
                "conditions", List.of(condition))));
    }

    private static long count(World w, Map<String, Object> condition) {
        Api.Response r = w.asAdmin().post("/api/v1/segments/count", segment(condition));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("total").asLong();
    }
}
