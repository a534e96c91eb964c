package org.loyaltyhub;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints the journey tests pass by: editing companies, stores, members and operators, reading single records. */
class EveryOtherEndpointTest extends IntegrationTest {

    @Test
    void companiesStoresAndOperatorsCanBeEditedAndRead() {
        World w = fixtures.world(api);
        long[] c = w.company("Edit");
        Api admin = w.asAdmin();
        assertThat(admin.put("/api/v1/companies/" + c[0], Map.of("name", "Renamed Srl", "vatNumber", "IT01234567890"))
                .json().path("vatNumber").asString()).isEqualTo("IT01234567890");
        JsonNode store = admin.put("/api/v1/stores/" + c[1], Map.of("name", "Centro", "city", "Torino", "country", "IT",
                "latitude", 45.07, "longitude", 7.68)).json();
        assertThat(store.path("city").asString()).isEqualTo("Torino");
        assertThat(admin.put("/api/v1/stores/" + c[1], Map.of("name", "Centro", "latitude", 123)).status()).isEqualTo(400);
        long second = w.company("Other")[0];
        assertThat(admin.put("/api/v1/companies/" + c[0], Map.of("name", admin.get("/api/v1/companies/" + second)
                .json().path("name").asString())).status()).as("names are unique in a circuit").isEqualTo(400);
        Api.Login op = w.operator("STORE_OPERATOR", null, c[1]);
        long id = admin.get("/api/v1/operators").json().valueStream()
                .filter(o -> o.path("email").asString().equals(op.email())).findFirst().orElseThrow().path("id").asLong();
        assertThat(admin.get("/api/v1/operators/" + id).json().path("storeId").asLong()).isEqualTo(c[1]);
        JsonNode promoted = admin.patch("/api/v1/operators/" + id, Map.of("role", "COMPANY_ADMIN", "companyId", c[0]))
                .json();
        assertThat(promoted.path("role").asString()).isEqualTo("COMPANY_ADMIN");
        assertThat(w.as(op).get("/api/v1/me").json().path("role").asString()).isEqualTo("COMPANY_ADMIN");
        assertThat(admin.patch("/api/v1/operators/" + id, Map.of("password", "a-brand-new-password")).status()).isEqualTo(200);
        assertThat(w.as(op).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.as(op.email(), "a-brand-new-password").get("/api/v1/me").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/operators", Map.of("email", op.email(), "name", "Twin", "password",
                "long-password-1", "role", "STORE_OPERATOR", "storeId", c[1])).code()).isEqualTo("email-taken");
    }

    @Test
    void membersProfilesExternalIdsPurchasesAndMovementsCanBeReadAndChanged() {
        World w = fixtures.world(api);
        long[] c = w.company("Shop");
        Api till = api.withKey(w.apiKey(c[0], c[1]));
        long m = w.enrol(till, "profile").path("id").asLong();
        JsonNode changed = w.asAdmin().patch("/api/v1/members/" + m, Map.of("city", "Bari", "phone", "+39 080 111 2222",
                "preferredStoreId", c[1])).json();
        assertThat(changed.path("city").asString()).isEqualTo("Bari");
        assertThat(changed.path("phone").asString()).isEqualTo("+390801112222");
        assertThat(w.asAdmin().patch("/api/v1/members/" + m, Map.of("preferredStoreId", 987654)).status()).isEqualTo(404);
        assertThat(till.post("/api/v1/members/" + m + "/external-ids", Map.of("connection", "woocommerce:shop.test",
                "externalId", "42")).json().path("externalIds").size()).isEqualTo(1);
        long other = w.enrol(till, "other").path("id").asLong();
        assertThat(till.post("/api/v1/members/" + other + "/external-ids", Map.of("connection", "woocommerce:shop.test",
                "externalId", "42")).code()).isEqualTo("external-id-taken");

        long purchase = w.purchase(till, "R-1", m, "10.00", "PAID").json().path("id").asLong();
        assertThat(till.get("/api/v1/purchases/" + purchase).json().path("points").path("available").asLong()).isEqualTo(10);
        long entry = w.movements(m).getFirst().path("entryId").asLong();
        JsonNode movement = w.asAdmin().get("/api/v1/movements/" + entry).json();
        assertThat(movement.path("postings").size()).isEqualTo(2);
        assertThat(movement.path("businessKey").asString()).startsWith("purchase:");
        assertThat(w.asAdmin().get("/api/v1/movements/999999999").status()).isEqualTo(404);
        assertThat(w.asAdmin().get("/api/v1/budgets").json().size()).isEqualTo(1);
        World stranger = fixtures.world(api);
        assertThat(stranger.asAdmin().get("/api/v1/purchases/" + purchase).status()).isEqualTo(404);
        assertThat(stranger.asAdmin().get("/api/v1/movements/" + entry).status()).isEqualTo(404);
    }

    @Test
    void productRulesCanBeListedAndRemoved() {
        World w = fixtures.world(api);
        Api admin = w.asAdmin();
        admin.put("/api/v1/program/product-rules/A", Map.of("productId", "A", "earnMode", "FIXED", "fixedPoints", 3));
        assertThat(admin.put("/api/v1/program/product-rules/B", Map.of("productId", "B", "earnMode", "FIXED")).status())
                .as("fixed points are required").isEqualTo(400);
        assertThat(admin.put("/api/v1/program/product-rules/C", Map.of("productId", "D", "earnMode", "EXCLUDED")).status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/program/product-rules").json().size()).isEqualTo(1);
        assertThat(admin.delete("/api/v1/program/product-rules/A").status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/program/product-rules/A").status()).isEqualTo(404);
        assertThat(admin.put("/api/v1/program/settings", Map.ofEntries(Map.entry("pointsEnabled", true),
                Map.entry("earnPoints", 1), Map.entry("earnPerAmount", 1), Map.entry("earnRounding", "PER_FULL_STEP"),
                Map.entry("pendingFrom", "PAID"), Map.entry("awardMoment", "PAID"), Map.entry("validity", "MONTHS"),
                Map.entry("redeemPoints", 100), Map.entry("redeemValue", 1), Map.entry("minCartTotal", 0),
                Map.entry("redeemableProducts", "ALL"), Map.entry("holdMinutes", 30)))
                .json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .contains("pendingFrom", "validityMonths");
    }
}
