package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Events that campaigns trigger on (issue 12 §2): typed and custom types, attribute conditions, once per event id. */
class CampaignEventsTest extends IntegrationTest {

    static Map<String, Object> onEvent(String name, String type, List<Map<String, Object>> conditions,
                                       Map<String, Object> effect) {
        Map<String, Object> trigger = new HashMap<>();
        trigger.put("type", "EVENT");
        trigger.put("eventType", type);
        trigger.put("attributeConditions", conditions);
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("validFrom", Instant.now().minus(10, ChronoUnit.DAYS).toString());
        p.put("priority", 10);
        p.put("trigger", trigger);
        p.put("effect", effect);
        return p;
    }

    static Api.Response event(Api as, String eventId, long memberId, String type, Map<String, Object> attributes) {
        return as.post("/api/v1/events", Map.of("eventId", eventId, "type", type, "memberId", memberId,
                "attributes", attributes));
    }

    @Test
    void aWifiLoginGivesItsPromotionOnceAndTheMovementNamesThePromotionAndItsRule() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m = w.enrol(till, "wifi").path("id").asLong();
        long id = PromotionsTest.activeOne(w, onEvent("Wifi +20", "wifi_login", List.of(),
                Map.of("type", "FIXED_POINTS", "points", 20)));

        Api.Response first = event(till, "wifi-1", m, "wifi_login", Map.of("storeId", shop[1]));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response again = event(till, "wifi-1", m, "wifi_login", Map.of("storeId", shop[1]));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("replay").asBoolean()).isTrue();
        assertThat(w.available(m)).as("the same event id gives once").isEqualTo(20);

        JsonNode movement = w.movements(m).stream()
                .filter(e -> e.path("kind").asString().equals("CAMPAIGN_CREDIT")).findFirst().orElseThrow();
        assertThat(movement.path("reason").asString()).contains("Promotion #" + id, "Wifi +20", "on event wifi_login");
        event(till, "wifi-2", m, "wifi_login", Map.of());
        assertThat(w.available(m)).as("another event is another occurrence").isEqualTo(40);
        w.assertBooksBalance();
    }

    @Test
    void aCustomTypeIsDeclaredWithASchemaAndItsAttributesAreCheckedAndConditioned() {
        World w = fixtures.world(api);
        long m = w.enrol(w.asAdmin(), "spa").path("id").asLong();
        Api.Response declared = w.asAdmin().post("/api/v1/event-types", Map.of("name", "spa_visit", "schema",
                Map.of("type", "object", "properties", Map.of(
                        "minutes", Map.of("type", "integer", "minimum", 15, "maximum", 240),
                        "treatment", Map.of("type", "string", "enum", List.of("massage", "sauna")),
                        "note", Map.of("type", "string", "maxLength", 10)),
                        "required", List.of("minutes"))));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        PromotionsTest.activeOne(w, onEvent("Long massage", "spa_visit", List.of(
                        Map.of("attribute", "minutes", "op", "AT_LEAST", "values", List.of("60")),
                        Map.of("attribute", "treatment", "op", "EQUALS", "values", List.of("massage"))),
                Map.of("type", "FIXED_POINTS", "points", 50)));

        Api.Response bad = event(w.asAdmin(), "spa-0", m, "spa_visit", Map.of("minutes", 5, "treatment", "yoga",
                "note", "far too long a note", "colour", "red"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("attributes.minutes", "at least 15", "attributes.treatment", "massage, sauna",
                "attributes.note", "at most 10", "attributes.colour", "not an attribute");
        Api.Response missing = event(w.asAdmin(), "spa-0", m, "spa_visit", Map.of("treatment", "sauna"));
        assertThat(missing.body()).contains("attributes.minutes", "is required");

        event(w.asAdmin(), "spa-1", m, "spa_visit", Map.of("minutes", 30, "treatment", "massage"));
        event(w.asAdmin(), "spa-2", m, "spa_visit", Map.of("minutes", 90, "treatment", "sauna"));
        assertThat(w.available(m)).as("conditions unmet").isZero();
        Api.Response given = event(w.asAdmin(), "spa-3", m, "spa_visit", Map.of("minutes", 90, "treatment", "massage"));
        assertThat(given.json().path("outcomes").toString()).contains("+50 points");
        assertThat(w.available(m)).isEqualTo(50);
        assertThat(w.asAdmin().get("/api/v1/events?memberId=" + m).json().size()).as("refused events are not kept")
                .isEqualTo(3);
    }

    @Test
    void anUndeclaredTypeAnUnsupportedSchemaAConditionOnAnUnknownAttributeAndAnotherCircuitsMemberAreRefused() {
        World w = fixtures.world(api);
        long m = w.enrol(w.asAdmin(), "refuse").path("id").asLong();
        Api.Response undeclared = event(w.asAdmin(), "x-1", m, "karaoke", Map.of());
        assertThat(undeclared.status()).isEqualTo(400);
        assertThat(undeclared.body()).contains("karaoke", "not an event type");

        Api.Response pattern = w.asAdmin().post("/api/v1/event-types", Map.of("name", "karaoke", "schema",
                Map.of("properties", Map.of("song", Map.of("type", "string", "pattern", "^a")))));
        assertThat(pattern.status()).isEqualTo(400);
        assertThat(pattern.body()).contains("'pattern' is not supported");
        Api.Response builtIn = w.asAdmin().post("/api/v1/event-types", Map.of("name", "review", "schema", Map.of()));
        assertThat(builtIn.body()).contains("built-in");

        Api.Response unknownAttribute = w.asAdmin().post("/api/v1/promotions", onEvent("Bad", "review",
                List.of(Map.of("attribute", "stars", "op", "AT_LEAST", "values", List.of("4"))),
                Map.of("type", "FIXED_POINTS", "points", 5)));
        assertThat(unknownAttribute.status()).isEqualTo(400);
        assertThat(unknownAttribute.body()).contains("'stars' is not an attribute of review", "rating");
        Api.Response multiplier = w.asAdmin().post("/api/v1/promotions", onEvent("Bad", "review", List.of(),
                Map.of("type", "MULTIPLIER", "factor", "2")));
        assertThat(multiplier.body()).contains("needs a purchase");

        World other = fixtures.world(api);
        Api.Response stranger = event(other.asAdmin(), "x-2", m, "review", Map.of("rating", 5));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(w.available(m)).isZero();
    }

    @Test
    void removeNeverGoesBelowZeroSetBringsTheBalanceToItsTargetAndTagAndVoucherAct() {
        World w = fixtures.world(api);
        long m = w.enrol(w.asAdmin(), "effects").path("id").asLong();
        PromotionsTest.activeOne(w, onEvent("Add 30", "extra_service",
                List.of(Map.of("attribute", "service", "op", "EQUALS", "values", List.of("valet"))),
                Map.of("type", "FIXED_POINTS", "points", 30)));
        PromotionsTest.activeOne(w, onEvent("Remove 50", "extra_service",
                List.of(Map.of("attribute", "service", "op", "EQUALS", "values", List.of("late-checkout"))),
                Map.of("type", "REMOVE_POINTS", "points", 50)));
        PromotionsTest.activeOne(w, onEvent("Set 100", "profile_completed", List.of(),
                Map.of("type", "SET_POINTS", "points", 100)));
        PromotionsTest.activeOne(w, onEvent("Tag reviewers", "review", List.of(),
                Map.of("type", "TAG", "tag", "Reviewer")));

        event(w.asAdmin(), "e-1", m, "extra_service", Map.of("service", "valet"));
        assertThat(w.available(m)).isEqualTo(30);
        Api.Response removed = event(w.asAdmin(), "e-2", m, "extra_service", Map.of("service", "late-checkout"));
        assertThat(removed.json().path("outcomes").toString()).contains("-30 points");
        assertThat(w.available(m)).as("never below zero").isZero();
        event(w.asAdmin(), "e-3", m, "profile_completed", Map.of());
        assertThat(w.available(m)).isEqualTo(100);
        Api.Response tagged = event(w.asAdmin(), "e-4", m, "review", Map.of("rating", 4));
        assertThat(tagged.json().path("outcomes").toString()).contains("tagged reviewer");
        long reward = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "FREE_SHIPPING", "titleEn", "Ship",
                "titleIt", "Spedizione", "points", 10)).json().path("id").asLong();
        PromotionsTest.activeOne(w, onEvent("Thanks for coming", "reservation_attended", List.of(),
                Map.of("type", "VOUCHER", "rewardId", reward)));
        Api.Response voucher = event(w.asAdmin(), "e-5", m, "reservation_attended", Map.of("partySize", 4));
        assertThat(voucher.json().path("outcomes").toString()).contains("voucher ");
        JsonNode vouchers = w.asAdmin().get("/api/v1/members/" + m + "/vouchers").json();
        assertThat(vouchers.toString()).contains("PROMOTION");
        assertThat(w.available(m)).as("a promotion's voucher spends no points").isEqualTo(100);
        Api.Response unknownReward = w.asAdmin().post("/api/v1/promotions", onEvent("Bad", "review", List.of(),
                Map.of("type", "VOUCHER", "rewardId", 999999)));
        assertThat(unknownReward.body()).contains("effect.rewardId");
        assertThat(w.movements(m).stream().filter(e -> e.path("kind").asString().equals("CAMPAIGN_DEBIT"))
                .findFirst().orElseThrow().path("reason").asString()).contains("Remove 50", "not below zero");
        w.assertBooksBalance();
    }
}
