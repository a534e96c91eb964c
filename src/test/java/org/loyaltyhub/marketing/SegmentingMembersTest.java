package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.SegmentMembers;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentingMembersTest extends IntegrationTest {

    @Autowired
    SegmentMembers segmentMembers;

    /** Three members: Ada (Milano, 100.00 spent, marketing yes, staff card), Bruno (Roma, young), Carla (Milano, 20.00). */
    record Circuit(World w, long[] shop, Api till, long ada, long bruno, long carla, long base, long gold) {
    }

    private Circuit circuit() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Segmented");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        w.asAdmin().put("/api/v1/tiers/policy", Map.of("basis", "POINTS_EARNED", "window", "LIFETIME",
                "downgrade", "NEVER", "graceDays", 0));
        long base = w.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Base", "colour", "#c9a227", "threshold", 0))
                .json().path("id").asLong();
        long gold = w.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Gold", "colour", "#c9a227", "threshold", 50))
                .json().path("id").asLong();
        long ada = w.enrol(w.asAdmin(), Map.of("firstName", "Ada", "lastName", "Rossi", "email",
                org.loyaltyhub.support.Fixtures.unique("ada") + "@member.test", "city", "Milano", "gender", "FEMALE",
                "birthDate", "1990-05-10", "storeId", shop[1], "cardGroup", "Staff",
                "consents", List.of(Map.of("kind", "MARKETING", "granted", true, "textVersion", "1")))).path("id").asLong();
        long bruno = w.enrol(w.asAdmin(), Map.of("firstName", "Bruno", "lastName", "Verdi", "city", "Roma",
                "email", org.loyaltyhub.support.Fixtures.unique("bruno") + "@member.test",
                "gender", "MALE", "birthDate", "2005-03-01", "postcode", "00100")).path("id").asLong();
        long carla = w.enrol(w.asAdmin(), Map.of("firstName", "Carla", "lastName", "Neri", "city", " milano ",
                "email", org.loyaltyhub.support.Fixtures.unique("carla") + "@member.test",
                "consents", List.of(Map.of("kind", "MARKETING", "granted", false, "textVersion", "1")))).path("id").asLong();
        assertThat(w.purchase(till, "S-1", ada, "100.00", "PAID").status()).isEqualTo(201);
        assertThat(w.purchase(till, "S-2", carla, "20.00", "PAID").status()).isEqualTo(201);
        return new Circuit(w, shop, till, ada, bruno, carla, base, gold);
    }

    static Map<String, Object> condition(String field, String operator, List<String> values, Integer months) {
        Map<String, Object> c = new HashMap<>(Map.of("field", field, "operator", operator, "values", values));
        if (months != null) {
            c.put("months", months);
        }
        return c;
    }

    static Map<String, Object> segment(String name, String match, List<Map<String, Object>> conditions) {
        return Map.of("name", name, "match", "ALL", "groups", List.of(Map.of("match", match, "conditions", conditions)));
    }

    private static Set<Long> ids(JsonNode count) {
        return count.path("page").valueStream().map(m -> m.path("id").asLong()).collect(Collectors.toSet());
    }

    private Set<Long> preview(World w, Map<String, Object> condition) {
        Api.Response r = w.asAdmin().post("/api/v1/segments/count?limit=200", segment("", "ALL", List.of(condition)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("total").asLong()).isEqualTo(r.json().path("page").size());
        return ids(r.json());
    }

    @Test
    void aSegmentCountsListsAndExportsOnlyTheMembersItsConditionsFit() {
        Circuit c = circuit();
        Api.Response created = c.w().asAdmin().post("/api/v1/segments", segment("Women of Milano", "ALL", List.of(
                condition("CITY", "ANY_OF", List.of("MILANO"), null),
                condition("GENDER", "ANY_OF", List.of("FEMALE"), null))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("groups").get(0).path("conditions").get(0).path("values").get(0).asString())
                .isEqualTo("milano");

        assertThat(c.w().asAdmin().get("/api/v1/segments/" + id + "/count").json().path("total").asLong()).isEqualTo(1);
        assertThat(ids(c.w().asAdmin().get("/api/v1/segments/" + id + "/members").json())).containsExactly(c.ada());

        Map<String, Object> either = segment("Milano or women", "ANY", List.of(
                condition("CITY", "ANY_OF", List.of("milano"), null),
                condition("GENDER", "ANY_OF", List.of("FEMALE"), null)));
        assertThat(c.w().asAdmin().put("/api/v1/segments/" + id, either).status()).isEqualTo(200);
        JsonNode first = c.w().asAdmin().get("/api/v1/segments/" + id + "/members?limit=1").json();
        assertThat(first.path("total").asLong()).isEqualTo(2);
        long firstId = first.path("page").get(0).path("id").asLong();
        JsonNode second = c.w().asAdmin().get("/api/v1/segments/" + id + "/members?limit=1&after=" + firstId).json();
        assertThat(Set.of(firstId, second.path("page").get(0).path("id").asLong())).containsExactlyInAnyOrder(c.ada(),
                c.carla());

        Api.Response csv = c.w().asAdmin().header("Accept", "text/csv").get("/api/v1/segments/" + id + "/members.csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("member_id,first_name,last_name,email,phone,city,postcode,enrolled_at,"
                + "last_purchase_at");
        assertThat(lines).hasSize(3);
        assertThat(lines[1] + lines[2]).contains("Ada", "Carla", "Milano").doesNotContain("Bruno");
    }

    @Test
    void eachFieldReadsItsReadModel() {
        Circuit c = circuit();
        World w = c.w();
        assertThat(preview(w, condition("POINTS_BALANCE", "AT_LEAST", List.of("50"), null))).containsExactly(c.ada());
        assertThat(preview(w, condition("POINTS_BALANCE", "AT_MOST", List.of("0"), null))).containsExactly(c.bruno());
        assertThat(preview(w, condition("LIFETIME_POINTS", "BETWEEN", List.of("1", "50"), null)))
                .containsExactly(c.carla());
        assertThat(preview(w, condition("PURCHASES", "AT_LEAST", List.of("1"), 1)))
                .containsExactlyInAnyOrder(c.ada(), c.carla());
        assertThat(preview(w, condition("SPEND", "AT_LEAST", List.of("50.00"), 3))).containsExactly(c.ada());
        assertThat(preview(w, condition("TIER", "ANY_OF", List.of(String.valueOf(c.gold())), null)))
                .containsExactly(c.ada());
        assertThat(preview(w, condition("TIER", "ANY_OF", List.of(String.valueOf(c.base())), null)))
                .containsExactlyInAnyOrder(c.bruno(), c.carla());
        assertThat(preview(w, condition("CONSENT", "GIVEN", List.of("MARKETING"), null))).containsExactly(c.ada());
        assertThat(preview(w, condition("CONSENT", "NOT_GIVEN", List.of("marketing"), null)))
                .containsExactlyInAnyOrder(c.bruno(), c.carla());
        assertThat(preview(w, condition("AGE_GROUP", "ANY_OF", List.of("FROM_18_TO_24"), null)))
                .containsExactly(c.bruno());
        assertThat(preview(w, condition("BIRTHDAY_MONTH", "ANY_OF", List.of("5"), null))).containsExactly(c.ada());
        assertThat(preview(w, condition("CARD_GROUP", "ANY_OF", List.of("staff"), null))).containsExactly(c.ada());
        assertThat(preview(w, condition("CARD_GROUP", "NONE_OF", List.of("staff"), null)))
                .containsExactlyInAnyOrder(c.bruno(), c.carla());
        assertThat(preview(w, condition("POSTCODE", "ANY_OF", List.of("00 100"), null))).containsExactly(c.bruno());
        assertThat(preview(w, condition("ENROLMENT_STORE", "ANY_OF", List.of(String.valueOf(c.shop()[1])), null)))
                .containsExactly(c.ada());
        assertThat(preview(w, condition("LAST_PURCHASE", "WITHIN_DAYS", List.of("30"), null)))
                .containsExactlyInAnyOrder(c.ada(), c.carla());
        assertThat(preview(w, condition("LAST_PURCHASE", "NOT_WITHIN_DAYS", List.of("30"), null)))
                .containsExactly(c.bruno());
        String today = Instant.now().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
        assertThat(preview(w, condition("ENROLLED", "ON_OR_AFTER", List.of(today), null))).hasSize(3);
        assertThat(preview(w, condition("ENROLLED", "ON_OR_BEFORE", List.of("2020-01-01"), null))).isEmpty();
    }

    @Test
    void badgePlanCardBrandAndPreferredStoreEachReadTheirReadModel() {
        World w = fixtures.world(api);
        long[] shop = w.company("Preferred");
        long[] other = w.company("Elsewhere");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long bronze = w.asAdmin().post("/api/v1/badges", Map.of("nameEn", "Bronze", "nameIt", "Bronzo",
                "pointsFrom", 50)).json().path("id").asLong();
        long plan = w.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "Premium", "nameIt", "Premium",
                "benefitsEn", "Double points", "price", "29.00", "period", "MONTHLY")).json().path("id").asLong();
        long ada = w.enrol(w.asAdmin(), Map.of("email", org.loyaltyhub.support.Fixtures.unique("ada") + "@member.test",
                "brand", "Classic", "preferredStoreId", shop[1])).path("id").asLong();
        long bruno = w.enrol(w.asAdmin(), Map.of("email", org.loyaltyhub.support.Fixtures.unique("bruno") + "@member.test",
                "brand", "Premium", "preferredStoreId", other[1])).path("id").asLong();
        long carla = w.enrol(w.asAdmin(), Map.of("email", org.loyaltyhub.support.Fixtures.unique("carla") + "@member.test"))
                .path("id").asLong();
        for (long[] credit : new long[][] {{ada, 60}, {carla, 10}}) {
            Api.Response r = w.asAdmin().post("/api/v1/members/" + credit[0] + "/adjustments",
                    Map.of("direction", "CREDIT", "points", credit[1], "note", "gift"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        Api.Response sold = till.post("/api/v1/members/" + bruno + "/memberships", Map.of("planId", plan,
                "paymentMethod", "CARD", "receiptNumber", "SEG-1"));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);

        assertThat(preview(w, condition("BADGE", "ANY_OF", List.of(String.valueOf(bronze)), null))).containsExactly(ada);
        assertThat(preview(w, condition("BADGE", "NONE_OF", List.of(String.valueOf(bronze)), null)))
                .containsExactlyInAnyOrder(bruno, carla);
        assertThat(preview(w, condition("PLAN", "ANY_OF", List.of(String.valueOf(plan)), null))).containsExactly(bruno);
        assertThat(preview(w, condition("PLAN", "NONE_OF", List.of(String.valueOf(plan)), null)))
                .containsExactlyInAnyOrder(ada, carla);
        assertThat(preview(w, condition("CARD_BRAND", "ANY_OF", List.of("CLASSIC"), null))).containsExactly(ada);
        assertThat(preview(w, condition("CARD_BRAND", "ANY_OF", List.of("classic", "premium"), null)))
                .containsExactlyInAnyOrder(ada, bruno);
        assertThat(preview(w, condition("CARD_BRAND", "NONE_OF", List.of("premium"), null)))
                .containsExactlyInAnyOrder(ada, carla);
        assertThat(preview(w, condition("PREFERRED_STORE", "ANY_OF", List.of(String.valueOf(shop[1])), null)))
                .containsExactly(ada);
        assertThat(preview(w, condition("PREFERRED_STORE", "NONE_OF", List.of(String.valueOf(shop[1])), null)))
                .containsExactlyInAnyOrder(bruno, carla);
    }

    @Test
    void windowsOfPurchasesAndSpendFollowTheMonthsAsTimePassesAndConsentsFollowTheLatestChoice() {
        clock.set(Instant.parse("2026-01-15T10:00:00Z"));
        Circuit c = circuit();
        World w = c.w();
        clock.set(Instant.parse("2026-02-19T10:00:00Z"));
        assertThat(w.purchase(c.till(), "S-3", c.ada(), "30.00", "PAID").status()).isEqualTo(201);
        assertThat(preview(w, condition("PURCHASES", "AT_LEAST", List.of("1"), 1))).containsExactly(c.ada());
        assertThat(preview(w, condition("PURCHASES", "AT_LEAST", List.of("2"), 2))).containsExactly(c.ada());
        assertThat(preview(w, condition("SPEND", "BETWEEN", List.of("20.00", "20.00"), 2))).containsExactly(c.carla());
        assertThat(preview(w, condition("SPEND", "AT_LEAST", List.of("130.00"), 2))).containsExactly(c.ada());
        assertThat(preview(w, condition("LIFETIME_POINTS", "AT_LEAST", List.of("120"), null)))
                .containsExactly(c.ada());

        clock.set(Instant.parse("2026-05-30T10:00:00Z"));
        assertThat(preview(w, condition("PURCHASES", "AT_LEAST", List.of("1"), 3))).isEmpty();
        assertThat(preview(w, condition("PURCHASES", "AT_MOST", List.of("0"), 3))).hasSize(3);
        assertThat(preview(w, condition("PURCHASES", "BETWEEN", List.of("1", "1"), 4))).containsExactly(c.ada());
        assertThat(preview(w, condition("SPEND", "BETWEEN", List.of("30.00", "30.00"), 4))).containsExactly(c.ada());
        assertThat(preview(w, condition("SPEND", "AT_LEAST", List.of("130.00"), 5))).containsExactly(c.ada());
        assertThat(preview(w, condition("SPEND", "AT_LEAST", List.of("20.00"), 5)))
                .containsExactlyInAnyOrder(c.ada(), c.carla());

        w.asAdmin().post("/api/v1/members/" + c.ada() + "/consents", List.of(Map.of("kind", "MARKETING",
                "granted", false, "textVersion", "1")));
        w.asAdmin().post("/api/v1/members/" + c.carla() + "/consents", List.of(Map.of("kind", "MARKETING",
                "granted", true, "textVersion", "1"), Map.of("kind", "NEWSLETTER", "granted", true, "textVersion", "1")));
        assertThat(preview(w, condition("CONSENT", "GIVEN", List.of("MARKETING"), null))).containsExactly(c.carla());
        assertThat(preview(w, condition("CONSENT", "GIVEN", List.of("NEWSLETTER"), null))).containsExactly(c.carla());
        assertThat(preview(w, condition("CONSENT", "NOT_GIVEN", List.of("MARKETING"), null)))
                .containsExactlyInAnyOrder(c.ada(), c.bruno());
    }

    @Test
    void aConditionOnAnUnknownFieldOrWithABadOperatorOrValueIsRefusedWhereItIsAndNothingIsSaved() {
        Circuit c = circuit();
        long otherTier = fixtures.world(api).asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Theirs",
                "colour", "#c9a227", "threshold", 0)).json().path("id").asLong();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("groups[0].conditions[0].field", "SHOE_SIZE");
        refused.put("groups[0].conditions[0].operator", "TIER/AT_LEAST");
        refused.put("groups[0].conditions[0].values", "POINTS_BALANCE/abc");
        for (var bad : refused.entrySet()) {
            String[] parts = bad.getValue().split("/");
            Map<String, Object> condition = parts.length == 1 ? condition(parts[0], "ANY_OF", List.of("1"), null)
                    : parts[1].equals("AT_LEAST") ? condition(parts[0], parts[1], List.of("1"), null)
                    : condition(parts[0], "AT_LEAST", List.of(parts[1]), null);
            Api.Response r = c.w().asAdmin().post("/api/v1/segments", segment("Bad", "ALL", List.of(condition)));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo(bad.getKey());
        }
        Api.Response theirs = c.w().asAdmin().post("/api/v1/segments", segment("Theirs", "ALL",
                List.of(condition("TIER", "ANY_OF", List.of(String.valueOf(otherTier)), null))));
        assertThat(theirs.status()).isEqualTo(400);
        Api.Response noMonths = c.w().asAdmin().post("/api/v1/segments", segment("No months", "ALL",
                List.of(condition("SPEND", "AT_LEAST", List.of("10"), null))));
        assertThat(noMonths.json().path("errors").get(0).path("field").asString())
                .isEqualTo("groups[0].conditions[0].months");
        Api.Response upsideDown = c.w().asAdmin().post("/api/v1/segments/count", segment("", "ALL",
                List.of(condition("ENROLLED", "BETWEEN", List.of("2026-02-01", "2026-01-01"), null))));
        assertThat(upsideDown.status()).isEqualTo(400);
        assertThat(c.w().asAdmin().get("/api/v1/segments").json().size()).isZero();
    }

    @Test
    void programsAndRewardsSeeTheSegmentThroughSegmentMembersAndOnlyInItsCircuit() {
        Circuit c = circuit();
        long id = c.w().asAdmin().post("/api/v1/segments", segment("Buyers", "ALL", List.of(
                condition("PURCHASES", "AT_LEAST", List.of("1"), 12)))).json().path("id").asLong();
        long circuitId = c.w().circuitId;

        assertThat(segmentMembers.exists(circuitId, id)).isTrue();
        assertThat(segmentMembers.exists(circuitId + 1_000_000, id)).isFalse();
        assertThat(segmentMembers.contains(circuitId, id, c.ada())).isTrue();
        assertThat(segmentMembers.contains(circuitId, id, c.bruno())).isFalse();
        assertThat(segmentMembers.contains(circuitId + 1_000_000, id, c.ada())).isFalse();
        List<Long> first = segmentMembers.members(circuitId, id, 0, 1);
        assertThat(first).hasSize(1);
        assertThat(segmentMembers.members(circuitId, id, first.getFirst(), 10)).hasSize(1)
                .doesNotContain(first.getFirst());
        assertThat(segmentMembers.members(circuitId, id + 1_000_000, 0, 10)).isEmpty();
    }

    @Test
    void aCouponCampaignGivesOneCodeToEachMemberOfASegmentHoweverOftenItIsAsked() {
        Circuit c = circuit();
        long segment = c.w().asAdmin().post("/api/v1/segments", segment("Milano", "ALL", List.of(
                condition("CITY", "ANY_OF", List.of("milano"), null)))).json().path("id").asLong();
        Instant now = Instant.now();
        long campaign = c.w().asAdmin().post("/api/v1/campaigns", Map.of("name", "For Milano", "gives",
                "FIXED_AMOUNT", "amount", "5.00", "validFrom", now.minus(1, ChronoUnit.DAYS).toString(),
                "validUntil", now.plus(30, ChronoUnit.DAYS).toString(), "codeMode", "UNIQUE")).json().path("id").asLong();
        c.w().asAdmin().post("/api/v1/campaigns/" + campaign + "/codes", Map.of("total", 10));

        Api.Response given = c.w().asAdmin().post("/api/v1/campaigns/" + campaign + "/assignments",
                Map.of("segmentId", segment));
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(given.json().path("assigned").asInt()).isEqualTo(2);
        Api.Response again = c.w().asAdmin().post("/api/v1/campaigns/" + campaign + "/assignments",
                Map.of("segmentId", segment));
        assertThat(again.json().path("assigned").asInt()).isZero();
        assertThat(again.json().path("alreadyHad").asInt()).isEqualTo(2);

        Api.Response unknown = c.w().asAdmin().post("/api/v1/campaigns/" + campaign + "/assignments",
                Map.of("segmentId", segment + 1_000_000));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("segmentId");
    }

    @Test
    void aCompanyAdministratorReadsSegmentsAndCountsOnlyTheMembersTheirCompanyDealsWithWhenCompaniesAreKeptApart() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        w.enrol(w.asAdmin(), Map.of("email", org.loyaltyhub.support.Fixtures.unique("own") + "@member.test",
                "city", "Pisa", "storeId", own[1]));
        w.enrol(w.asAdmin(), Map.of("email", org.loyaltyhub.support.Fixtures.unique("other") + "@member.test",
                "city", "Pisa", "storeId", other[1]));
        long id = w.asAdmin().post("/api/v1/segments", segment("Pisa", "ALL", List.of(
                condition("CITY", "ANY_OF", List.of("pisa"), null)))).json().path("id").asLong();
        Api companyAdmin = w.as(w.operator("COMPANY_ADMIN", own[0], null));

        assertThat(w.asAdmin().get("/api/v1/segments/" + id + "/count").json().path("total").asLong()).isEqualTo(2);
        assertThat(companyAdmin.get("/api/v1/segments/" + id + "/count").json().path("total").asLong()).isEqualTo(1);
        assertThat(companyAdmin.post("/api/v1/segments", segment("Mine", "ALL", List.of(
                condition("CITY", "ANY_OF", List.of("pisa"), null)))).status()).isEqualTo(403);
    }
}
