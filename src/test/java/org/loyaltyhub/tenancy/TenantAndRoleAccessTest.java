package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Api.Login;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The role × action × tenant matrix, checked on the server for every kind of caller. */
class TenantAndRoleAccessTest extends IntegrationTest {

    @Test
    void creatingACompanyCreatesItsFirstStore() {
        World w = fixtures.world(api);
        long[] company = w.company("Caffè");
        JsonNode stores = w.asAdmin().get("/api/v1/stores").json();
        assertThat(stores.valueStream().map(s -> s.path("companyId").asLong())).contains(company[0]);
        assertThat(w.asAdmin().get("/api/v1/stores/" + company[1]).json().path("companyId").asLong()).isEqualTo(company[0]);
    }

    @Test
    void aCompanyAdministratorSeesOnlyItsOwnCompanyAndGets404ForAnother() {
        World w = fixtures.world(api);
        long[] a = w.company("A");
        long[] b = w.company("B");
        Api admA = w.as(w.operator("COMPANY_ADMIN", a[0], null));
        assertThat(admA.get("/api/v1/companies/" + a[0]).status()).isEqualTo(200);
        assertThat(admA.get("/api/v1/companies/" + b[0]).status()).isEqualTo(404);
        assertThat(admA.get("/api/v1/stores/" + b[1]).status()).isEqualTo(404);
        assertThat(admA.get("/api/v1/companies/" + b[0] + "/budget").status()).isEqualTo(404);
        assertThat(admA.get("/api/v1/companies").json().size()).isEqualTo(1);
        assertThat(admA.post("/api/v1/companies/" + b[0] + "/stores", Map.of("name", "Sneaky")).status()).isEqualTo(404);
        assertThat(admA.post("/api/v1/companies/" + a[0] + "/stores", Map.of("name", "Second shop")).status()).isEqualTo(201);
    }

    @Test
    void storeOperatorsWorkTheCounterButCannotAdministerAnything() {
        World w = fixtures.world(api);
        long[] a = w.company("A");
        Api op = w.as(w.operator("STORE_OPERATOR", null, a[1]));
        assertThat(op.post("/api/v1/companies", Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(op.post("/api/v1/operators", Map.of("email", "x@y.test", "name", "X", "password", "long-password-1",
                "role", "STORE_OPERATOR", "storeId", a[1])).status()).isEqualTo(403);
        assertThat(op.put("/api/v1/circuit", Map.of("name", "X", "currency", "EUR")).status()).isEqualTo(403);
        assertThat(op.put("/api/v1/program/settings", Map.of()).status()).isIn(400, 403);
        assertThat(op.post("/api/v1/companies/" + a[0] + "/budget/recharges", Map.of("points", 10)).status()).isEqualTo(403);
        assertThat(op.post("/api/v1/api-keys", Map.of("name", "k", "companyId", a[0])).status()).isEqualTo(403);
        assertThat(op.get("/api/v1/ledger/check").status()).isEqualTo(403);
        JsonNode member = w.enrol(op, "counter");
        assertThat(member.path("enrolledStoreId").asLong()).isEqualTo(a[1]);
    }

    @Test
    void aCompanyAdministratorCannotAppointCircuitAdministratorsNorPlaceOperatorsElsewhere() {
        World w = fixtures.world(api);
        long[] a = w.company("A");
        long[] b = w.company("B");
        Api admA = w.as(w.operator("COMPANY_ADMIN", a[0], null));
        Map<String, Object> circuitAdmin = Map.of("email", "boss@x.test", "name", "Boss", "password", "long-password-1",
                "role", "CIRCUIT_ADMIN");
        assertThat(admA.post("/api/v1/operators", circuitAdmin).status()).isEqualTo(403);
        Api.Response elsewhere = admA.post("/api/v1/operators", Map.of("email", "op@x.test", "name", "Op",
                "password", "long-password-1", "role", "STORE_OPERATOR", "storeId", b[1]));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("errors").get(0).path("field").asString()).isEqualTo("storeId");
    }

    @Test
    void circuitsAreIsolatedFromEachOther() {
        World one = fixtures.world(api);
        World two = fixtures.world(api);
        long[] company = one.company("Mine");
        JsonNode member = one.enrol(one.asAdmin(), "isolated");
        assertThat(two.asAdmin().get("/api/v1/companies/" + company[0]).status()).isEqualTo(404);
        assertThat(two.asAdmin().get("/api/v1/members/" + member.path("id").asLong()).status()).isEqualTo(404);
        assertThat(two.asAdmin().get("/api/v1/members/lookup?card=" + member.path("card").path("number").asString())
                .status()).isEqualTo(404);
        assertThat(two.asAdmin().get("/api/v1/members/" + member.path("id").asLong() + "/points").status()).isEqualTo(404);
    }

    @Test
    void aDisabledOperatorIsRefusedAtOnce() {
        World w = fixtures.world(api);
        long[] a = w.company("A");
        Login op = w.operator("STORE_OPERATOR", null, a[1]);
        assertThat(w.as(op).get("/api/v1/me").status()).isEqualTo(200);
        long id = w.asAdmin().get("/api/v1/operators").json().valueStream()
                .filter(o -> o.path("email").asString().equals(op.email())).findFirst().orElseThrow().path("id").asLong();
        assertThat(w.asAdmin().patch("/api/v1/operators/" + id, Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(w.as(op).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void apiKeysAreShownOnceActForTheirCompanyAndStopWorkingWhenRevoked() {
        World w = fixtures.world(api);
        long[] a = w.company("A");
        long[] b = w.company("B");
        Api.Response issued = w.asAdmin().post("/api/v1/api-keys", Map.of("name", "till", "companyId", a[0], "storeId", a[1]));
        String secret = issued.json().path("secret").asString();
        assertThat(secret).startsWith("lhk_");
        assertThat(w.asAdmin().get("/api/v1/api-keys").body()).doesNotContain(secret);
        Api key = api.withKey(secret);
        assertThat(key.get("/api/v1/me").json().path("role").asString()).isEqualTo("API_KEY");
        assertThat(key.get("/api/v1/stores/" + b[1]).status()).isEqualTo(404);
        assertThat(key.post("/api/v1/companies", Map.of("name", "No")).status()).isEqualTo(403);
        long id = issued.json().path("apiKey").path("id").asLong();
        assertThat(w.asAdmin().delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        assertThat(key.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.withKey("lhk_made-up").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void unauthenticatedCallsGetAProblemAnd401() {
        Api.Response r = api.get("/api/v1/members");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("unauthenticated");
        assertThat(api.as("nobody@x.test", "wrong-password").get("/api/v1/members").status()).isEqualTo(401);
    }
}
