package org.loyaltyhub.members;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnrollingAndFindingMembersTest extends IntegrationTest {

    @Test
    void anEnrolledMemberGetsAMainCardWithAValidCheckDigitAndIsFoundByEveryIdentifier() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = w.as(w.operator("STORE_OPERATOR", null, shop[1]));
        String email = Fixtures.unique("anna") + "@member.test";
        JsonNode m = w.enrol(till, Map.of("firstName", "Anna", "lastName", "Bianchi", "email", email,
                "phone", "+39 333 123 4567", "birthDate", "1990-05-17", "gender", "FEMALE",
                "externalIds", List.of(Map.of("connection", "shopify:demo.myshopify.com", "externalId", "7001")),
                "consents", List.of(Map.of("kind", "PRIVACY", "granted", true, "textVersion", "2026-01"),
                        Map.of("kind", "MARKETING", "granted", false, "textVersion", "2026-01"))));
        String card = m.path("card").path("number").asString();
        assertThat(card).hasSize(13).startsWith("2");
        assertThat(m.path("card").path("main").asBoolean()).isTrue();
        assertThat(m.path("consents").size()).isEqualTo(2);
        long id = m.path("id").asLong();
        for (String query : List.of("card=" + card, "qr=" + m.path("card").path("qrPayload").asString(),
                "email=" + email.toUpperCase(), "phone=00393331234567",
                "connection=shopify:demo.myshopify.com&externalId=7001")) {
            Api.Response found = till.get("/api/v1/members/lookup?" + query);
            assertThat(found.status()).as(query + " " + found).isEqualTo(200);
            assertThat(found.json().path("id").asLong()).isEqualTo(id);
        }
        String typo = card.substring(0, 12) + ((card.charAt(12) - '0' + 1) % 10);
        Api.Response mistyped = till.get("/api/v1/members/lookup?card=" + typo);
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().path("errors").get(0).path("field").asString()).isEqualTo("card");
        assertThat(till.get("/api/v1/members/" + id + "/card/qr.svg").body()).startsWith("<svg");
    }

    @Test
    void enrollingTheSameEmailTwiceIsRefusedPointingAtTheExistingMember() {
        World w = fixtures.world(api);
        JsonNode first = w.enrol(w.asAdmin(), Map.of("email", "same@member.test"));
        Api.Response again = w.asAdmin().post("/api/v1/members", Map.of("email", "SAME@member.test", "firstName", "X"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("member-exists");
        assertThat(again.json().path("existingMemberId").asLong()).isEqualTo(first.path("id").asLong());
        assertThat(w.asAdmin().get("/api/v1/members?q=same").json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void invalidMembersAreRefusedFieldByFieldAndNothingIsSaved() {
        World w = fixtures.world(api);
        Api.Response r = w.asAdmin().post("/api/v1/members", Map.of("email", "not-an-email", "phone", "call me",
                "birthDate", "2999-01-01", "gender", "ROBOT"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .contains("email", "phone", "birthDate", "gender");
        assertThat(w.asAdmin().post("/api/v1/members", Map.of("firstName", "Nobody")).status()).isEqualTo(400);
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).isZero();
    }

    @Test
    void whenCompaniesAreKeptApartACompanySeesOnlyItsCustomersButACardWorksAtAnyCounter() {
        World w = fixtures.world(api, true, false);
        long[] a = w.company("A");
        long[] b = w.company("B");
        Api tillA = w.as(w.operator("STORE_OPERATOR", null, a[1]));
        Api tillB = w.as(w.operator("STORE_OPERATOR", null, b[1]));
        JsonNode m = w.enrol(tillA, "apart");
        long id = m.path("id").asLong();
        String email = m.path("email").asString();
        assertThat(tillB.get("/api/v1/members/" + id).status()).isEqualTo(404);
        assertThat(tillB.get("/api/v1/members/lookup?email=" + email).status()).isEqualTo(404);
        assertThat(tillB.get("/api/v1/members").json().path("total").asLong()).isZero();
        assertThat(tillB.get("/api/v1/members/lookup?card=" + m.path("card").path("number").asString()).status())
                .isEqualTo(200);
        // a purchase at B creates the relationship: from then on B sees the member
        assertThat(tillB.post("/api/v1/purchases", Map.of("orderId", "B-1", "member",
                Map.of("card", m.path("card").path("number").asString()), "currency", "EUR", "total", "5.00"))
                .status()).isEqualTo(201);
        assertThat(tillB.get("/api/v1/members/" + id).status()).isEqualTo(200);
        assertThat(w.asAdmin().get("/api/v1/members/" + id).status()).isEqualTo(200);
    }

    @Test
    void consentsKeepTheirHistoryWithVersionAndSource() {
        World w = fixtures.world(api);
        long id = w.enrol(w.asAdmin(), Map.of("email", "consent@member.test", "consents",
                List.of(Map.of("kind", "NEWSLETTER", "granted", true, "textVersion", "v1", "source", "counter"))))
                .path("id").asLong();
        Api.Response changed = w.asAdmin().post("/api/v1/members/" + id + "/consents",
                List.of(Map.of("kind", "NEWSLETTER", "granted", false, "textVersion", "v2", "source", "web")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("consents").get(0).path("granted").asBoolean()).isFalse();
        JsonNode history = w.asAdmin().get("/api/v1/members/" + id + "/consents/history").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).path("source").asString()).isEqualTo("counter");
    }

    @Test
    void searchPaginatesAndMatchesNamesEmailsAndCards() {
        World w = fixtures.world(api);
        for (int i = 0; i < 5; i++) {
            w.enrol(w.asAdmin(), Map.of("firstName", "Luca", "lastName", "Verdi" + i, "email", "luca" + i + "@m.test"));
        }
        JsonNode page = w.asAdmin().get("/api/v1/members?q=luca&size=2&page=1").json();
        assertThat(page.path("total").asLong()).isEqualTo(5);
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(w.asAdmin().get("/api/v1/members?q=verdi3").json().path("total").asLong()).isEqualTo(1);
        assertThat(w.asAdmin().get("/api/v1/members?size=500").status()).isEqualTo(400);
    }
}
