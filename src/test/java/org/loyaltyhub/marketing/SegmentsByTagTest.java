package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltyhub.marketing.SegmentingMembersTest.condition;
import static org.loyaltyhub.marketing.SegmentingMembersTest.segment;

/** Tags as a segment condition (issue 12 §1): members a promotion or funnel tagged, or those it did not. */
class SegmentsByTagTest extends IntegrationTest {

    record Tagged(World w, long reviewer, long valet, long both, long none) {
    }

    /** Two promotions tag members on events: "reviewer" on a review, "valet" on the valet service. */
    private Tagged tagged() {
        World w = fixtures.world(api);
        long[] ids = new long[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("tag" + i) + "@member.test"))
                    .path("id").asLong();
        }
        tagOn(w, "review", "Reviewer");
        tagOn(w, "extra_service", "valet");
        event(w, "r-1", ids[0], "review", Map.of("rating", 5));
        event(w, "v-1", ids[1], "extra_service", Map.of("service", "valet"));
        event(w, "r-2", ids[2], "review", Map.of("rating", 4));
        event(w, "v-2", ids[2], "extra_service", Map.of("service", "valet"));
        return new Tagged(w, ids[0], ids[1], ids[2], ids[3]);
    }

    private static void tagOn(World w, String eventType, String tag) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "Tag " + tag);
        p.put("validFrom", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        p.put("priority", 10);
        p.put("trigger", Map.of("type", "EVENT", "eventType", eventType, "attributeConditions", List.of()));
        p.put("effect", Map.of("type", "TAG", "tag", tag));
        Api.Response created = w.asAdmin().post("/api/v1/promotions", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(w.asAdmin().post("/api/v1/promotions/" + created.json().path("id").asLong() + "/activate",
                Map.of()).status()).isEqualTo(200);
    }

    private static void event(World w, String eventId, long member, String type, Map<String, Object> attributes) {
        Api.Response r = w.asAdmin().post("/api/v1/events", Map.of("eventId", eventId, "type", type,
                "memberId", member, "attributes", attributes));
        assertThat(r.status()).as(r.toString()).isLessThan(300);
    }

    private static Set<Long> count(World w, Map<String, Object> body) {
        Api.Response r = w.asAdmin().post("/api/v1/segments/count?limit=200", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("total").asLong()).isEqualTo(r.json().path("page").size());
        return r.json().path("page").valueStream().map(m -> m.path("id").asLong()).collect(Collectors.toSet());
    }

    @Test
    void aTagConditionSelectsTheMembersWithAnyOfTheTagsOrWithNoneOfThem() {
        Tagged t = tagged();
        World w = t.w();

        assertThat(count(w, segment("", "ALL", List.of(condition("TAG", "ANY_OF", List.of("reviewer"), null)))))
                .containsExactlyInAnyOrder(t.reviewer(), t.both());
        assertThat(count(w, segment("", "ALL", List.of(condition("TAG", "ANY_OF", List.of("Reviewer", "VALET"), null)))))
                .as("any case, any of the tags").containsExactlyInAnyOrder(t.reviewer(), t.valet(), t.both());
        assertThat(count(w, segment("", "ALL", List.of(condition("TAG", "NONE_OF", List.of("valet"), null)))))
                .containsExactlyInAnyOrder(t.reviewer(), t.none());
        assertThat(count(w, segment("", "ALL", List.of(condition("TAG", "ANY_OF", List.of("reviewer"), null),
                condition("TAG", "ANY_OF", List.of("valet"), null))))).as("both tags").containsExactly(t.both());

        // a saved segment by tag follows the tags given later
        Api.Response saved = w.asAdmin().post("/api/v1/segments", segment("Valet users", "ALL",
                List.of(condition("TAG", "ANY_OF", List.of("valet"), null))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        long id = saved.json().path("id").asLong();
        assertThat(w.asAdmin().get("/api/v1/segments/" + id + "/members").json().path("total").asLong()).isEqualTo(2);
        event(w, "v-3", t.none(), "extra_service", Map.of("service", "valet"));
        assertThat(w.asAdmin().get("/api/v1/segments/" + id + "/members").json().path("total").asLong()).isEqualTo(3);

        // another circuit's tags are not seen
        World other = fixtures.world(api);
        assertThat(count(other, segment("", "ALL", List.of(condition("TAG", "ANY_OF", List.of("valet"), null)))))
                .isEmpty();
    }

    @Test
    void aTagThatCannotBeATagIsRefusedWhereItIsAndNothingIsSaved() {
        World w = fixtures.world(api);
        Api.Response bad = w.asAdmin().post("/api/v1/segments", segment("Bad tags", "ALL",
                List.of(condition("TAG", "ANY_OF", List.of("vip", "not a tag!"), null))));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("groups[0].conditions[0].values", "lower-case letters");
        Api.Response op = w.asAdmin().post("/api/v1/segments", segment("Bad operator", "ALL",
                List.of(condition("TAG", "AT_LEAST", List.of("vip"), null))));
        assertThat(op.status()).isEqualTo(400);
        assertThat(op.body()).contains("groups[0].conditions[0].operator");
        assertThat(w.asAdmin().get("/api/v1/segments").json().size()).isZero();
    }
}
