package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.promotions.CampaignJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Automation funnels (issue 12 §3): trigger, delay, filters, effects, and each member's run log. */
class CampaignFunnelsTest extends IntegrationTest {

    @Autowired
    CampaignJobs jobs;

    static long activeFunnel(World w, Map<String, Object> body) {
        Api.Response created = w.asAdmin().post("/api/v1/funnels", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(w.asAdmin().post("/api/v1/funnels/" + id + "/activate", Map.of()).status()).isEqualTo(200);
        return id;
    }

    static List<JsonNode> runs(World w, long funnel, long member) {
        Api.Response r = w.asAdmin().get("/api/v1/funnels/" + funnel + "/runs?memberId=" + member);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().valueStream().toList();
    }

    @Test
    void threeDaysAfterEnrolmentWithoutAPurchaseTheMemberGetsPointsOnceAndWhoBoughtIsSkippedWithWhy() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Come back");
        body.put("trigger", Map.of("type", "ENROLMENT"));
        body.put("delayDays", 3);
        body.put("unlessPurchased", true);
        body.put("effects", List.of(Map.of("type", "FIXED_POINTS", "points", 25), Map.of("type", "TAG", "tag", "nudged")));
        long funnel = activeFunnel(w, body);

        long idle = w.enrol(till, "idle").path("id").asLong();
        long buyer = w.enrol(till, "buyer").path("id").asLong();
        w.purchase(till, "F-1", buyer, "10.00", "PAID");
        assertThat(runs(w, funnel, idle)).singleElement().satisfies(r ->
                assertThat(r.path("state").asString()).isEqualTo("WAITING"));

        jobs.runAt(clock.instant());
        assertThat(w.available(idle)).as("not due yet").isZero();
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        jobs.runAt(clock.instant());
        jobs.runAt(clock.instant());

        assertThat(w.available(idle)).as("once").isEqualTo(25);
        JsonNode acted = runs(w, funnel, idle).getFirst();
        assertThat(acted.path("state").asString()).isEqualTo("ACTED");
        assertThat(acted.path("detail").asString()).contains("+25 points", "tagged nudged");
        JsonNode skipped = runs(w, funnel, buyer).getFirst();
        assertThat(skipped.path("state").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.path("detail").asString()).contains("purchase");
        assertThat(w.available(buyer)).as("only the purchase's own points").isEqualTo(10);
        assertThat(w.movements(idle).getFirst().path("reason").asString())
                .contains("Funnel #" + funnel, "Come back", "3 day(s) later without a purchase");
        w.assertBooksBalance();
    }

    @Test
    void anEventFunnelActsAtOnceOnlyForMembersPassingItsFiltersAndSetsTheirPoints() {
        World w = fixtures.world(api);
        long rich = w.enrol(w.asAdmin(), "rich").path("id").asLong();
        long poor = w.enrol(w.asAdmin(), "poor").path("id").asLong();
        w.asAdmin().post("/api/v1/members/" + rich + "/adjustments", Map.of("direction", "CREDIT", "points", 500, "note", "t"));
        long funnel = activeFunnel(w, Map.of("name", "Cap big balances on abandoned carts",
                "trigger", Map.of("type", "EVENT", "eventType", "abandoned_cart",
                        "attributeConditions", List.of(Map.of("attribute", "cartTotal", "op", "AT_LEAST", "values", List.of("50")))),
                "filters", Map.of("minBalance", 100),
                "effects", List.of(Map.of("type", "SET_POINTS", "points", 200))));

        CampaignEventsTest.event(w.asAdmin(), "cart-1", rich, "abandoned_cart", Map.of("cartTotal", 20));
        assertThat(runs(w, funnel, rich)).as("condition unmet: not entered").isEmpty();
        CampaignEventsTest.event(w.asAdmin(), "cart-2", rich, "abandoned_cart", Map.of("cartTotal", 80));
        CampaignEventsTest.event(w.asAdmin(), "cart-3", poor, "abandoned_cart", Map.of("cartTotal", 80));

        assertThat(w.available(rich)).isEqualTo(200);
        assertThat(runs(w, funnel, rich).getFirst().path("state").asString()).isEqualTo("ACTED");
        JsonNode skipped = runs(w, funnel, poor).getFirst();
        assertThat(skipped.path("state").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.path("detail").asString()).contains("balance 0 is under 100");
        w.assertBooksBalance();
    }

    @Test
    void aFunnelWithAnUnknownEventTypeOrBadgeOrADelayedConditionWithoutDelayIsRefused() {
        World w = fixtures.world(api);
        Api.Response type = w.asAdmin().post("/api/v1/funnels", Map.of("name", "x",
                "trigger", Map.of("type", "EVENT", "eventType", "nope"), "effects", List.of(Map.of("type", "TAG", "tag", "a"))));
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.body()).contains("trigger.eventType");
        Api.Response badge = w.asAdmin().post("/api/v1/funnels", Map.of("name", "x", "trigger", Map.of("type", "ENROLMENT"),
                "filters", Map.of("badgeId", 999999), "effects", List.of(Map.of("type", "TAG", "tag", "a"))));
        assertThat(badge.body()).contains("filters.badgeId");
        Api.Response noDelay = w.asAdmin().post("/api/v1/funnels", Map.of("name", "x", "trigger", Map.of("type", "ENROLMENT"),
                "unlessPurchased", true, "effects", List.of(Map.of("type", "TAG", "tag", "a"))));
        assertThat(noDelay.body()).contains("unlessPurchased");
        assertThat(w.asAdmin().get("/api/v1/funnels").json().size()).isZero();
    }
}
