package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.promotions.CampaignJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A promotion whose target is a segment (issue 12 §1, §2): it gives to the segment's members only, and keeps it. */
class PromotionsForASegmentTest extends IntegrationTest {

    @Autowired
    CampaignJobs jobs;

    record Shop(World w, Api till, long milanese, long roman, long segment) {
    }

    private Shop shop() {
        World w = fixtures.world(api);
        long[] shop = w.company("Targeted");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long milanese = w.enrol(w.asAdmin(), Map.of("firstName", "Ada", "city", "Milano",
                "email", Fixtures.unique("ada") + "@member.test")).path("id").asLong();
        long roman = w.enrol(w.asAdmin(), Map.of("firstName", "Bruno", "city", "Roma",
                "email", Fixtures.unique("bruno") + "@member.test")).path("id").asLong();
        Api.Response segment = w.asAdmin().post("/api/v1/segments", SegmentingMembersTest.segment("Milanese", "ALL",
                List.of(SegmentingMembersTest.condition("CITY", "ANY_OF", List.of("milano"), null))));
        assertThat(segment.status()).as(segment.toString()).isEqualTo(201);
        return new Shop(w, till, milanese, roman, segment.json().path("id").asLong());
    }

    /** 50 points on any purchase, for everyone or (with a segment) for its members. */
    static Map<String, Object> promotion(String name, Long segmentId) {
        Map<String, Object> p = new HashMap<>(Map.of("name", name, "priority", 10,
                "validFrom", Instant.now().minus(400, ChronoUnit.DAYS).toString(),
                "trigger", Map.of("type", "PURCHASE", "conditions", List.of()),
                "effect", Map.of("type", "FIXED_POINTS", "points", 50)));
        if (segmentId != null) {
            p.put("target", Map.of("segmentId", segmentId));
        }
        return p;
    }

    static long activeOne(World w, Map<String, Object> body) {
        Api.Response created = w.asAdmin().post("/api/v1/promotions", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(w.asAdmin().post("/api/v1/promotions/" + id + "/activate", Map.of()).status()).isEqualTo(200);
        return id;
    }

    @Test
    void aPromotionTargetingASegmentGivesItsBonusToTheMembersInItAndNotToOthers() {
        Shop s = shop();
        long promotion = activeOne(s.w(), promotion("Milan week", s.segment()));

        Api.Response inside = s.w().purchase(s.till(), "T-1", s.milanese(), "10.00", "PAID");
        Api.Response outside = s.w().purchase(s.till(), "T-2", s.roman(), "10.00", "PAID");
        assertThat(s.w().available(s.milanese())).as("10 for the purchase + 50").isEqualTo(60);
        assertThat(s.w().available(s.roman())).as("the purchase's 10 only").isEqualTo(10);

        JsonNode applied = s.w().asAdmin().get("/api/v1/purchases/" + inside.json().path("id").asLong()
                + "/promotions").json().path("considered").get(0);
        assertThat(applied.path("promotionId").asLong()).isEqualTo(promotion);
        assertThat(applied.path("outcome").asString()).isEqualTo("APPLIED");
        JsonNode skipped = s.w().asAdmin().get("/api/v1/purchases/" + outside.json().path("id").asLong()
                + "/promotions").json().path("considered").get(0);
        assertThat(skipped.path("outcome").asString()).isEqualTo("NOT_TARGETED");

        // the segment is read when the purchase comes: a member who moves to Milano is in it from then on
        Api.Response moved = s.w().asAdmin().patch("/api/v1/members/" + s.roman(), Map.of("city", "Milano"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        s.w().purchase(s.till(), "T-3", s.roman(), "10.00", "PAID");
        assertThat(s.w().available(s.roman())).as("10 + 10 + 50").isEqualTo(70);
        s.w().assertBooksBalance();

        // a dry run (read-only) of a promotion for the segment replays the purchases of its members only
        Api.Response run = s.w().asAdmin().post("/api/v1/promotions/dry-run", Map.of("promotion",
                promotion("Milan again", s.segment()), "days", 30));
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().path("members").asLong()).as("Ada and Bruno, now in Milano").isEqualTo(2);
    }

    @Test
    void deletingASegmentAPromotionTargetsIsRefusedWithThePromotionsNamedAndNothingIsDeleted() {
        Shop s = shop();
        Api.Response draft = s.w().asAdmin().post("/api/v1/promotions", promotion("Draft for Milan", s.segment()));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        long active = activeOne(s.w(), promotion("Milan week", s.segment()));

        Api.Response refused = s.w().asAdmin().delete("/api/v1/segments/" + s.segment());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).endsWith("/problems/segment-in-use");
        assertThat(refused.json().path("detail").asString()).contains("Draft for Milan", "Milan week");
        assertThat(refused.json().path("usedBy").valueStream().map(u -> u.path("kind").asString() + " "
                + u.path("id").asLong() + " " + u.path("name").asString()).toList())
                .containsExactly("PROMOTION " + draft.json().path("id").asLong() + " Draft for Milan",
                        "PROMOTION " + active + " Milan week");
        assertThat(s.w().asAdmin().get("/api/v1/segments/" + s.segment()).status()).isEqualTo(200);

        // once no promotion targets it, it goes
        for (long id : List.of(draft.json().path("id").asLong(), active)) {
            Map<String, Object> everyone = promotion(id == active ? "Milan week" : "Draft for Milan", null);
            Api.Response changed = s.w().asAdmin().put("/api/v1/promotions/" + id, everyone);
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        }
        assertThat(s.w().asAdmin().delete("/api/v1/segments/" + s.segment()).status()).isEqualTo(204);
        assertThat(s.w().asAdmin().get("/api/v1/segments/" + s.segment()).status()).isEqualTo(404);
    }

    @Test
    void deletingASegmentAFunnelOrAnUnsentEmailCampaignUsesIsRefusedWithThemNamed() {
        Shop s = shop();
        Map<String, Object> funnel = new HashMap<>(Map.of("name", "Milan welcome", "trigger", Map.of("type", "ENROLMENT"),
                "filters", Map.of("segmentId", s.segment()), "effects", List.of(Map.of("type", "FIXED_POINTS",
                        "points", 5))));
        Api.Response f = s.w().asAdmin().post("/api/v1/funnels", funnel);
        assertThat(f.status()).as(f.toString()).isEqualTo(201);
        Map<String, Object> campaign = new HashMap<>(Map.of("name", "Milan news", "segmentId", s.segment(),
                "subjectIt", "Novità", "bodyIt", "Ciao {first_name}", "subjectEn", "News", "bodyEn", "Hi {first_name}"));
        Api.Response c = s.w().asAdmin().post("/api/v1/email-campaigns", campaign);
        assertThat(c.status()).as(c.toString()).isEqualTo(201);

        Api.Response refused = s.w().asAdmin().delete("/api/v1/segments/" + s.segment());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("usedBy").valueStream().map(u -> u.path("kind").asString() + " "
                + u.path("id").asLong() + " " + u.path("name").asString()).toList())
                .containsExactly("FUNNEL " + f.json().path("id").asLong() + " Milan welcome",
                        "EMAIL_CAMPAIGN " + c.json().path("id").asLong() + " Milan news");
        assertThat(s.w().asAdmin().get("/api/v1/segments/" + s.segment()).status()).isEqualTo(200);

        // a cancelled campaign reads its segment no more; a funnel without the filter neither
        assertThat(s.w().asAdmin().post("/api/v1/email-campaigns/" + c.json().path("id").asLong() + "/cancel",
                Map.of()).status()).isEqualTo(200);
        funnel.put("filters", Map.of());
        Api.Response changed = s.w().asAdmin().put("/api/v1/funnels/" + f.json().path("id").asLong(), funnel);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(s.w().asAdmin().delete("/api/v1/segments/" + s.segment()).status()).isEqualTo(204);
    }

    @Test
    void aMonthlyGiftForASegmentGoesToItsMembersOnlyEvenForDaysCaughtUp() {
        Shop s = shop();
        Map<String, Object> gift = new HashMap<>(Map.of("name", "Milan monthly", "priority", 10,
                "validFrom", "2026-01-01T00:00:00Z", "trigger", Map.of("type", "SCHEDULE", "every", "MONTH", "day", 1),
                "effect", Map.of("type", "FIXED_POINTS", "points", 20), "target", Map.of("segmentId", s.segment())));
        activeOne(s.w(), gift);

        clock.set(Instant.parse("2027-04-30T10:00:00Z"));
        jobs.runAt(clock.instant());
        clock.set(Instant.parse("2027-05-03T10:00:00Z")); // the 1st was missed
        jobs.runAt(clock.instant());
        jobs.runAt(clock.instant());
        assertThat(s.w().available(s.milanese())).isEqualTo(20);
        assertThat(s.w().available(s.roman())).isZero();
        s.w().assertBooksBalance();
    }
}
