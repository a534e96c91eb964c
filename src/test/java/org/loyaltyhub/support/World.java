package org.loyaltyhub.support;

import org.loyaltyhub.support.Api.Login;
import org.loyaltyhub.support.Api.Response;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One circuit under test and the steps that set it up through the API, as its administrator would. */
public final class World {

    public final Api api;
    public final long circuitId;
    public final Login admin;

    World(Api api, long circuitId, Login admin) {
        this.api = api;
        this.circuitId = circuitId;
        this.admin = admin;
    }

    public Api asAdmin() {
        return api.as(admin);
    }

    public Api as(Login login) {
        return api.as(login);
    }

    /** Creates a company; returns {companyId, firstStoreId}. */
    public long[] company(String name) {
        Response r = asAdmin().post("/api/v1/companies", Map.of("name", Fixtures.unique(name)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new long[] {r.json().path("company").path("id").asLong(), r.json().path("firstStore").path("id").asLong()};
    }

    public Login operator(String role, Long companyId, Long storeId) {
        Login login = new Login(Fixtures.unique(role.toLowerCase()) + "@op.test", "operator-password-1");
        Map<String, Object> body = new HashMap<>(Map.of("email", login.email(), "name", role, "password",
                login.password(), "role", role));
        if (companyId != null) {
            body.put("companyId", companyId);
        }
        if (storeId != null) {
            body.put("storeId", storeId);
        }
        Response r = asAdmin().post("/api/v1/operators", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return login;
    }

    public String apiKey(long companyId, Long storeId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "till", "companyId", companyId));
        if (storeId != null) {
            body.put("storeId", storeId);
        }
        Response r = asAdmin().post("/api/v1/api-keys", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("secret").asString();
    }

    /** Changes program settings: the defaults, with the given fields overridden. */
    public JsonNode settings(Map<String, Object> overrides) {
        Map<String, Object> s = new HashMap<>();
        s.putAll(Map.ofEntries(Map.entry("pointsEnabled", true), Map.entry("earnPoints", 1),
                Map.entry("earnPerAmount", 1), Map.entry("earnRounding", "PER_FULL_STEP"),
                Map.entry("pendingFrom", "NONE"), Map.entry("awardMoment", "PAID"),
                Map.entry("registrationPoints", 0), Map.entry("newsletterPoints", 0), Map.entry("reviewPoints", 0),
                Map.entry("reviewPointsOnce", false), Map.entry("validity", "NEVER"), Map.entry("redeemPoints", 100),
                Map.entry("redeemValue", 1), Map.entry("minBalance", 0), Map.entry("minCartTotal", 0),
                Map.entry("excludeDiscounted", false), Map.entry("redeemableProducts", "ALL"),
                Map.entry("holdMinutes", 30)));
        s.putAll(overrides);
        Response r = asAdmin().put("/api/v1/program/settings", s);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    public JsonNode enrol(Api as, Map<String, Object> member) {
        Response r = as.post("/api/v1/members", member);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** A PrestaShop connected to the company (at https://shop.test, with a webservice key): its connection id. */
    public long prestaShop(long companyId, String apiKey) {
        Response r = asAdmin().post("/api/v1/companies/" + companyId + "/connections", java.util.Map.of("platform",
                "PRESTASHOP", "shopUrl", "https://shop.test", "webhookSecret", "whsec-" + apiKey, "apiKey", apiKey));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    public JsonNode enrol(Api as, String emailPrefix) {
        return enrol(as, Map.of("firstName", "Test", "lastName", emailPrefix,
                "email", Fixtures.unique(emailPrefix) + "@member.test"));
    }

    public Response purchase(Api as, String orderId, long memberId, String total, String status) {
        return as.post("/api/v1/purchases", Map.of("orderId", orderId, "member", Map.of("id", memberId),
                "currency", "EUR", "total", total, "status", status));
    }

    public Response purchase(Api as, Map<String, Object> body) {
        return as.post("/api/v1/purchases", body);
    }

    public JsonNode points(long memberId) {
        Response r = asAdmin().get("/api/v1/members/" + memberId + "/points");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    public long available(long memberId) {
        return points(memberId).path("available").asLong();
    }

    public long budget(long companyId) {
        return asAdmin().get("/api/v1/companies/" + companyId + "/budget").json().path("balance").asLong();
    }

    public void recharge(long companyId, long points) {
        Response r = asAdmin().post("/api/v1/companies/" + companyId + "/budget/recharges", Map.of("points", points));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    public List<JsonNode> movements(long memberId) {
        Response r = asAdmin().get("/api/v1/members/" + memberId + "/movements?size=200");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items").valueStream().toList();
    }

    /** The books of this circuit recomputed from the journal: must list no difference. */
    public void assertBooksBalance() {
        Response r = asAdmin().get("/api/v1/ledger/check");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("differences").valueStream().map(JsonNode::asString).toList()).isEmpty();
        assertThat(r.json().path("consistent").isBoolean()).as("the answer says whether the books are consistent").isTrue();
        assertThat(r.json().path("consistent").asBoolean()).isTrue();
    }
}
