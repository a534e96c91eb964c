package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every administrative action of the API, on its own company and on another: allowed actions
 * succeed, forbidden ones answer 403 (wrong role) or 404 (another company's data), and nothing else.
 */
class RoleMatrixTest extends IntegrationTest {

    record Action(String name, String method, String path, Object body) {
    }

    @Test
    void eachRoleMayDoExactlyWhatItsPlaceAllows() {
        World w = fixtures.world(api, true, true);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        w.recharge(own[0], 10_000);
        long member = w.enrol(w.asAdmin(), Map.of("email", "matrix@member.test", "storeId", own[1])).path("id").asLong();
        long otherMember = w.enrol(w.asAdmin(), Map.of("email", "other@member.test", "storeId", other[1])).path("id").asLong();

        assertThat(w.asAdmin().post("/api/v1/members/" + otherMember + "/adjustments",
                Map.of("direction", "CREDIT", "points", 100, "note", "matrix")).status()).isEqualTo(201);
        long otherRedemption = api.withKey(w.apiKey(other[0], other[1])).post("/api/v1/redemptions",
                Map.of("member", Map.of("id", otherMember), "cart", Map.of("currency", "EUR", "total", "40.00"),
                        "points", 100)).json().path("id").asLong();

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));

        List<Action> actions = List.of(
                new Action("change circuit settings", "PUT", "/api/v1/circuit",
                        Map.of("name", "Renamed", "currency", "EUR", "companiesKeptApart", true, "budgetsEnforced", true)),
                new Action("create a company", "POST", "/api/v1/companies", Map.of("name", "New " + System.nanoTime())),
                new Action("add a store to own company", "POST", "/api/v1/companies/" + own[0] + "/stores", Map.of("name", "S")),
                new Action("add a store to another company", "POST", "/api/v1/companies/" + other[0] + "/stores", Map.of("name", "S")),
                new Action("recharge a budget", "POST", "/api/v1/companies/" + own[0] + "/budget/recharges", Map.of("points", 1)),
                new Action("read own budget", "GET", "/api/v1/companies/" + own[0] + "/budget", null),
                new Action("read another budget", "GET", "/api/v1/companies/" + other[0] + "/budget", null),
                new Action("credit own member", "POST", "/api/v1/members/" + member + "/adjustments",
                        Map.of("direction", "CREDIT", "points", 1, "note", "n")),
                new Action("credit another company's member", "POST", "/api/v1/members/" + otherMember + "/adjustments",
                        Map.of("direction", "CREDIT", "points", 1, "note", "n")),
                new Action("read own member", "GET", "/api/v1/members/" + member, null),
                new Action("read another company's member", "GET", "/api/v1/members/" + otherMember, null),
                new Action("record a purchase", "POST", "/api/v1/purchases", Map.of("orderId", "M-" + System.nanoTime(),
                        "member", Map.of("id", member), "currency", "EUR", "total", "1.00", "storeId", own[1])),
                new Action("change program settings", "PUT", "/api/v1/program/product-rules/P1",
                        Map.of("productId", "P1", "earnMode", "EXCLUDED")),
                new Action("list operators", "GET", "/api/v1/operators", null),
                new Action("check the ledger", "GET", "/api/v1/ledger/check", null),
                new Action("undo another company's redemption", "POST",
                        "/api/v1/redemptions/" + otherRedemption + "/undo", Map.of("reason", "matrix")));

        Map<String, List<Integer>> expected = Map.ofEntries(
                Map.entry("change circuit settings", List.of(200, 403, 403, 403)),
                Map.entry("create a company", List.of(201, 403, 403, 403)),
                Map.entry("add a store to own company", List.of(201, 201, 403, 403)),
                Map.entry("add a store to another company", List.of(201, 404, 403, 403)),
                Map.entry("recharge a budget", List.of(201, 403, 403, 403)),
                Map.entry("read own budget", List.of(200, 200, 403, 403)),
                Map.entry("read another budget", List.of(200, 404, 403, 403)),
                Map.entry("credit own member", List.of(201, 201, 403, 403)),
                Map.entry("credit another company's member", List.of(201, 404, 403, 403)),
                Map.entry("read own member", List.of(200, 200, 200, 200)),
                Map.entry("read another company's member", List.of(200, 404, 404, 404)),
                Map.entry("record a purchase", List.of(201, 201, 201, 201)),
                Map.entry("change program settings", List.of(200, 403, 403, 403)),
                Map.entry("list operators", List.of(200, 200, 403, 403)),
                Map.entry("check the ledger", List.of(200, 403, 403, 403)),
                Map.entry("undo another company's redemption", List.of(409, 404, 404, 404)));

        List<String> roleNames = List.copyOf(roles.keySet());
        for (Action a : actions) {
            for (int i = 0; i < roleNames.size(); i++) {
                Api as = roles.get(roleNames.get(i));
                Api.Response r = switch (a.method()) {
                    case "GET" -> as.get(a.path());
                    case "PUT" -> as.put(a.path(), a.body());
                    default -> as.post(a.path(), a.body());
                };
                assertThat(r.status()).as(roleNames.get(i) + " may " + a.name() + "? " + r)
                        .isEqualTo(expected.get(a.name()).get(i));
            }
        }
        w.assertBooksBalance();
    }

    @Test
    void cardsAreBlockedAndReplacedByAdministratorsAndStoreOperatorsNotByApiKeys() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("OTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<String, List<Integer>> expected = Map.of(
                "replace own member's card", List.of(201, 201, 201, 403, 404),
                "block own member's card", List.of(200, 200, 200, 403, 404),
                "read own member's cards and scores", List.of(200, 200, 200, 200, 404),
                "replace another company's member's card", List.of(201, 404, 404, 403, 404));
        List<String> roleNames = List.copyOf(roles.keySet());
        for (int i = 0; i < roleNames.size(); i++) {
            Api as = roles.get(roleNames.get(i));
            var member = w.enrol(w.asAdmin(), Map.of("email", "cards" + i + "@member.test", "storeId", own[1]));
            var otherMember = w.enrol(w.asAdmin(), Map.of("email", "othercards" + i + "@member.test", "storeId", other[1]));
            long id = member.path("id").asLong();
            String card = member.path("card").path("number").asString();
            Map<String, Api.Response> answers = new LinkedHashMap<>();
            answers.put("read own member's cards and scores", as.get("/api/v1/members/" + id + "/cards"));
            Api.Response scores = as.get("/api/v1/members/" + id + "/scores");
            assertThat(scores.status()).as(roleNames.get(i) + " reads scores " + scores)
                    .isEqualTo(answers.get("read own member's cards and scores").status());
            answers.put("replace own member's card", as.post("/api/v1/members/" + id + "/card/replacement",
                    Map.of("card", card, "reason", "LOST")));
            String current = w.asAdmin().get("/api/v1/members/" + id).json().path("card").path("number").asString();
            answers.put("block own member's card", as.post("/api/v1/members/" + id + "/card/block",
                    Map.of("card", current, "reason", "DAMAGED")));
            answers.put("replace another company's member's card", as.post("/api/v1/members/"
                    + otherMember.path("id").asLong() + "/card/replacement",
                    Map.of("card", otherMember.path("card").path("number").asString(), "reason", "LOST")));
            for (var answer : answers.entrySet()) {
                assertThat(answer.getValue().status()).as(roleNames.get(i) + " may " + answer.getKey() + "? "
                        + answer.getValue()).isEqualTo(expected.get(answer.getKey()).get(i));
            }
        }
    }

    @Test
    void walletsAreReadByEveryoneWhoSeesTheMemberAndChangedByAdministratorsOnly() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("OTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<String, List<Integer>> expected = Map.of(
                "read own member's wallet and its movements", List.of(200, 200, 200, 200, 404),
                "credit own member's wallet", List.of(201, 201, 403, 403, 404),
                "set own company's cashback rule", List.of(200, 200, 403, 403, 404),
                "set the circuit's cashback rule", List.of(200, 403, 403, 403, 200));
        List<String> roleNames = List.copyOf(roles.keySet());
        long member = w.enrol(w.asAdmin(), Map.of("email", "wallets@member.test", "storeId", own[1])).path("id").asLong();
        Map<String, Object> rule = Map.of("enabled", true, "percent", "2", "minOrder", "0", "maxSharePercent", "100");
        for (int i = 0; i < roleNames.size(); i++) {
            Api as = roles.get(roleNames.get(i));
            Map<String, Api.Response> answers = new LinkedHashMap<>();
            answers.put("read own member's wallet and its movements", as.get("/api/v1/members/" + member
                    + "/wallets/CASHBACK"));
            assertThat(as.get("/api/v1/members/" + member + "/wallets/CASHBACK/movements").status())
                    .isEqualTo(answers.get("read own member's wallet and its movements").status());
            answers.put("credit own member's wallet", as.post("/api/v1/members/" + member
                    + "/wallets/CASHBACK/adjustments", Map.of("direction", "CREDIT",
                    "amount", Map.of("currency", "EUR", "amount", "1.00"), "note", "matrix")));
            answers.put("set own company's cashback rule", as.put("/api/v1/money-programs/CASHBACK?companyId=" + own[0],
                    rule));
            answers.put("set the circuit's cashback rule", as.put("/api/v1/money-programs/CASHBACK", rule));
            for (var answer : answers.entrySet()) {
                assertThat(answer.getValue().status()).as(roleNames.get(i) + " may " + answer.getKey() + "? "
                        + answer.getValue()).isEqualTo(expected.get(answer.getKey()).get(i));
            }
        }
        w.assertBooksBalance();
    }

    @Test
    void theApiIsDocumentedByOpenApiWithSwaggerUi() {
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/purchases")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/redemptions/{id}/capture")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void healthProbesAnswerEveryoneWithoutSigningIn() {
        for (String probe : java.util.List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            Api.Response r = api.get(probe);
            assertThat(r.status()).as(probe + " " + r).isEqualTo(200);
            assertThat(r.json().path("status").asString()).isEqualTo("UP");
        }
    }
}
