package org.loyaltyhub.members;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Search and enrolment find and create the member the operator means, and nobody else. */
class FindingTheRightMemberTest extends IntegrationTest {

    @Test
    void aSearchMatchesOnlyTheMembersWhoseNameEmailPhoneOrCardFits() {
        World w = fixtures.world(api);
        Api admin = w.asAdmin();
        JsonNode anna = w.enrol(admin, Map.of("firstName", "Anna", "lastName", "Bianchi", "email", "anna.b@member.test",
                "phone", "+39 333 111 2222"));
        w.enrol(admin, Map.of("firstName", "Bruno", "lastName", "Neri", "email", "bruno@member.test",
                "phone", "3334445555"));
        w.enrol(admin, Map.of("firstName", "Carla", "lastName", "Rossi", "email", "carla@member.test"));

        assertThat(names(admin, "anna")).containsExactly("Anna Bianchi");
        assertThat(names(admin, "bianchi")).containsExactly("Anna Bianchi");
        assertThat(names(admin, "Rossi Carla")).containsExactly("Carla Rossi");
        assertThat(names(admin, "bruno@member")).containsExactly("Bruno Neri");
        assertThat(names(admin, "333 444")).containsExactly("Bruno Neri");
        assertThat(names(admin, "+39 333 111 2222")).containsExactly("Anna Bianchi");
        assertThat(names(admin, "3331112222")).containsExactly("Anna Bianchi");
        assertThat(names(admin, anna.path("card").path("number").asString())).containsExactly("Anna Bianchi");
        assertThat(names(admin, "nobody")).isEmpty();
    }

    private static java.util.List<String> names(Api as, String q) {
        Api.Response r = as.get("/api/v1/members?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items").valueStream()
                .map(m -> m.path("firstName").asString() + " " + m.path("lastName").asString()).toList();
    }

    @Test
    void aCompanyWithTwoStoresEnrolsWithoutNamingAStoreAndTheMemberBelongsToTheCompany() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Two stores");
        Api.Response second = w.asAdmin().post("/api/v1/companies/" + shop[0] + "/stores", Map.of("name", "Second"));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        Api companyKey = api.withKey(w.apiKey(shop[0], null));
        Api companyAdmin = w.as(w.operator("COMPANY_ADMIN", shop[0], null));

        for (Api as : java.util.List.of(companyKey, companyAdmin)) {
            Api.Response r = as.post("/api/v1/members", Map.of("firstName", "Senza", "lastName", "Negozio",
                    "email", org.loyaltyhub.support.Fixtures.unique("nostore") + "@member.test"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().path("enrolledCompanyId").asLong()).isEqualTo(shop[0]);
            assertThat(r.json().path("enrolledStoreId").isNull()).isTrue();
            // the company sees its member even when companies are kept apart
            assertThat(as.get("/api/v1/members/" + r.json().path("id").asLong()).status()).isEqualTo(200);
        }
        Api.Response atStore = companyKey.post("/api/v1/members", Map.of("email",
                org.loyaltyhub.support.Fixtures.unique("atstore") + "@member.test", "storeId", second.json().path("id").asLong()));
        assertThat(atStore.status()).as(atStore.toString()).isEqualTo(201);
        assertThat(atStore.json().path("enrolledStoreId").asLong()).isEqualTo(second.json().path("id").asLong());
        long foreignStore = w.company("Other")[1];
        Api.Response elsewhere = companyKey.post("/api/v1/members", Map.of("email",
                org.loyaltyhub.support.Fixtures.unique("elsewhere") + "@member.test", "storeId", foreignStore));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isBetween(400, 404);
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).isEqualTo(3);
    }

    @Test
    void aPhoneTypedNationallyOrInternationallyIsOneNumberAndASharedOneNeedsConfirming() {
        World w = fixtures.world(api);
        Api admin = w.asAdmin();
        JsonNode mother = w.enrol(admin, Map.of("firstName", "Maria", "lastName", "Conti", "phone", "3331234524"));
        assertThat(mother.path("phone").asString()).isEqualTo("+393331234524");
        assertThat(admin.get("/api/v1/members/lookup?phone=%2B39%20333%20123%204524").json().path("id").asLong())
                .isEqualTo(mother.path("id").asLong());

        Api.Response shared = admin.post("/api/v1/members", Map.of("firstName", "Luca", "lastName", "Conti",
                "phone", "+39 333 123 4524"));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(409);
        assertThat(shared.code()).isEqualTo("phone-shared");
        assertThat(shared.json().path("candidates").get(0).path("id").asLong()).isEqualTo(mother.path("id").asLong());
        assertThat(admin.get("/api/v1/members").json().path("total").asLong()).as("nothing saved").isEqualTo(1);

        JsonNode son = w.enrol(admin, Map.of("firstName", "Luca", "lastName", "Conti", "phone", "+39 333 123 4524",
                "allowSharedPhone", true));
        Api.Response ambiguous = admin.get("/api/v1/members/lookup?phone=3331234524");
        assertThat(ambiguous.status()).as(ambiguous.toString()).isEqualTo(409);
        assertThat(ambiguous.code()).isEqualTo("ambiguous-member");
        assertThat(ambiguous.json().path("candidates").valueStream().map(c -> c.path("cardNumber").asString()).toList())
                .containsExactlyInAnyOrder(mother.path("card").path("number").asString(),
                        son.path("card").path("number").asString());
        Api.Response sale = admin.post("/api/v1/purchases", Map.of("orderId", "P-1", "member",
                Map.of("phone", "3331234524"), "currency", "EUR", "total", "5.00", "storeId", w.company("Bar")[1]));
        assertThat(sale.code()).as("a purchase is not credited to a guess").isEqualTo("ambiguous-member");
    }

    @Test
    void theCircuitsDefaultCountryReadsNationalNumbersAndOnlyKnownCountriesAreAccepted() {
        World w = fixtures.world(api);
        Api admin = w.asAdmin();
        JsonNode circuit = admin.get("/api/v1/circuit").json();
        assertThat(circuit.path("defaultCountry").asString()).isEqualTo("IT");
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("name", circuit.path("name").asString(),
                "currency", "EUR", "companiesKeptApart", false, "budgetsEnforced", false, "defaultCountry", "XX"));
        Api.Response unknown = admin.put("/api/v1/circuit", fields);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        fields.put("defaultCountry", "GB");
        assertThat(admin.put("/api/v1/circuit", fields).json().path("defaultCountry").asString()).isEqualTo("GB");
        assertThat(w.enrol(admin, Map.of("firstName", "Ann", "phone", "020 7946 0000")).path("phone").asString())
                .isEqualTo("+442079460000");
        fields.remove("defaultCountry");
        assertThat(admin.put("/api/v1/circuit", fields).json().path("defaultCountry").asString())
                .as("a client that does not know the setting keeps it").isEqualTo("GB");
    }
}
