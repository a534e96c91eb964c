package org.loyaltyhub.members;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A card's group and brand: set at enrolment, changed by the member update, searched on, checked before saving. */
class CardGroupAndBrandTest extends IntegrationTest {

    @Test
    void groupAndBrandAreSetTrimmedChangedAndRemovedThroughTheApi() {
        World w = fixtures.world(api);
        long id = w.enrol(w.asAdmin(), Map.of("email", "labels@member.test", "cardGroup", "  Gold  ", "brand", "Classic"))
                .path("id").asLong();
        JsonNode card = w.asAdmin().get("/api/v1/members/" + id).json().path("card");
        assertThat(card.path("cardGroup").asString()).isEqualTo("Gold");
        assertThat(card.path("brand").asString()).isEqualTo("Classic");

        Api.Response changed = w.asAdmin().patch("/api/v1/members/" + id, Map.of("cardGroup", "Silver"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("card").path("cardGroup").asString()).isEqualTo("Silver");
        assertThat(changed.json().path("card").path("brand").asString()).as("absent: left as it was").isEqualTo("Classic");

        Api.Response removed = w.asAdmin().patch("/api/v1/members/" + id, Map.of("brand", " "));
        assertThat(removed.json().path("card").path("brand").isNull()).as("blank: removed").isTrue();
    }

    @Test
    void aLabelTooLongIsRefusedOnItsFieldAndNothingIsSaved() {
        World w = fixtures.world(api);
        long id = w.enrol(w.asAdmin(), Map.of("firstName", "Anna", "email", "long@member.test", "cardGroup", "Gold"))
                .path("id").asLong();

        Api.Response refused = w.asAdmin().patch("/api/v1/members/" + id,
                Map.of("firstName", "Changed", "cardGroup", "x".repeat(61)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("cardGroup");
        JsonNode member = w.asAdmin().get("/api/v1/members/" + id).json();
        assertThat(member.path("firstName").asString()).isEqualTo("Anna");
        assertThat(member.path("card").path("cardGroup").asString()).isEqualTo("Gold");

        Api.Response badEnrolment = w.asAdmin().post("/api/v1/members", Map.of("email", "bad@member.test",
                "brand", "Gold\u0007"));
        assertThat(badEnrolment.status()).as(badEnrolment.toString()).isEqualTo(400);
        assertThat(badEnrolment.body()).contains("brand");
        assertThat(w.asAdmin().get("/api/v1/members?q=bad@member.test").json().path("total").asLong()).isZero();
    }

    @Test
    void theSearchFiltersByGroupAndBrandWhateverTheirCase() {
        World w = fixtures.world(api);
        long gold = enrol(w, "gold@member.test", "Gold", "Classic");
        long goldPremium = enrol(w, "goldp@member.test", "Gold", "Premium");
        long silver = enrol(w, "silver@member.test", "Silver", "Classic");

        assertThat(ids(w, "/api/v1/members?cardGroup=gold")).containsExactlyInAnyOrder(gold, goldPremium);
        assertThat(ids(w, "/api/v1/members?brand=CLASSIC")).containsExactlyInAnyOrder(gold, silver);
        assertThat(ids(w, "/api/v1/members?cardGroup=Gold&brand=Premium")).containsExactly(goldPremium);
        assertThat(ids(w, "/api/v1/members?cardGroup=Bronze")).isEmpty();

        Api.Response tooLong = w.asAdmin().get("/api/v1/members?brand=" + "x".repeat(61));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
    }

    private long enrol(World w, String email, String group, String brand) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "cardGroup", group, "brand", brand));
        return w.enrol(w.asAdmin(), body).path("id").asLong();
    }

    private static List<Long> ids(World w, String path) {
        Api.Response r = w.asAdmin().get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items").valueStream().map(m -> m.path("id").asLong()).toList();
    }
}
