package org.loyaltyhub.tenancy;

import tools.jackson.databind.JsonNode;
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

    @org.springframework.beans.factory.annotation.Autowired
    org.loyaltyhub.privacy.MemberRights rights;

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
    void rechargeRequestsAreAskedByCompaniesAndDecidedByTheCircuitWhoseInvoicesEachSeesOnlyItsOwn() {
        World w = fixtures.world(api);
        long[] ownCompany = w.company("Own");
        long own = ownCompany[0];
        long other = w.company("Other")[0];
        Api ownShop = w.as(w.operator("COMPANY_ADMIN", own, null));
        Api otherShop = w.as(w.operator("COMPANY_ADMIN", other, null));
        assertThat(w.asAdmin().put("/api/v1/circuit/billing", Map.of("pricePerThousand", "10")).status()).isEqualTo(200);
        java.util.function.Function<Api, Long> ask = shop -> shop.post("/api/v1/recharge-requests",
                Map.of("points", 100)).json().path("id").asLong();
        long ownRequest = ask.apply(ownShop);
        long otherRequest = ask.apply(otherShop);
        w.asAdmin().post("/api/v1/recharge-requests/" + ownRequest + "/approval", Map.of());
        w.asAdmin().post("/api/v1/recharge-requests/" + otherRequest + "/approval", Map.of());
        long ownInvoice = ownShop.get("/api/v1/invoices").json().path("items").get(0).path("id").asLong();
        long otherInvoice = otherShop.get("/api/v1/invoices").json().path("items").get(0).path("id").asLong();

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", ownShop);
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, ownCompany[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own, null)));
        roles.put("OTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("ask for a recharge", List.of(403, 201, 403, 403, 403));
        expected.put("list recharge requests", List.of(200, 200, 403, 403, 200));
        expected.put("read own company's request", List.of(200, 200, 403, 403, 404));
        expected.put("read another company's request", List.of(200, 404, 403, 403, 404));
        expected.put("approve own company's request", List.of(200, 403, 403, 403, 404));
        expected.put("refuse own company's request", List.of(200, 403, 403, 403, 404));
        expected.put("withdraw another company's request", List.of(403, 404, 403, 403, 403));
        expected.put("change circuit billing details", List.of(200, 403, 403, 403, 200));
        expected.put("read own company's billing details", List.of(200, 200, 403, 403, 404));
        expected.put("change another company's billing details", List.of(200, 404, 403, 403, 404));
        expected.put("list invoices", List.of(200, 200, 403, 403, 200));
        expected.put("read own company's invoice", List.of(200, 200, 403, 403, 404));
        expected.put("read another company's invoice", List.of(200, 404, 403, 403, 404));
        expected.put("download invoices as CSV", List.of(200, 200, 403, 403, 200));
        List<String> roleNames = List.copyOf(roles.keySet());
        for (int i = 0; i < roleNames.size(); i++) {
            Api as = roles.get(roleNames.get(i));
            Map<String, Api.Response> answers = new LinkedHashMap<>();
            answers.put("ask for a recharge", as.post("/api/v1/recharge-requests", Map.of("points", 10)));
            answers.put("list recharge requests", as.get("/api/v1/recharge-requests"));
            answers.put("read own company's request", as.get("/api/v1/recharge-requests/" + ownRequest));
            answers.put("read another company's request", as.get("/api/v1/recharge-requests/" + otherRequest));
            answers.put("approve own company's request", as.post("/api/v1/recharge-requests/" + ask.apply(ownShop)
                    + "/approval", Map.of()));
            answers.put("refuse own company's request", as.post("/api/v1/recharge-requests/" + ask.apply(ownShop)
                    + "/refusal", Map.of("reason", "matrix")));
            answers.put("withdraw another company's request", as.post("/api/v1/recharge-requests/"
                    + ask.apply(otherShop) + "/cancellation", Map.of()));
            answers.put("change circuit billing details", as.put("/api/v1/circuit/billing", Map.of("vatRate", 22)));
            answers.put("read own company's billing details", as.get("/api/v1/companies/" + own + "/billing"));
            answers.put("change another company's billing details", as.put("/api/v1/companies/" + other + "/billing",
                    Map.of("legalName", "Altra srl")));
            answers.put("list invoices", as.get("/api/v1/invoices"));
            answers.put("read own company's invoice", as.get("/api/v1/invoices/" + ownInvoice));
            answers.put("read another company's invoice", as.get("/api/v1/invoices/" + otherInvoice));
            answers.put("download invoices as CSV", as.get("/api/v1/invoices/csv"));
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

    @Test
    void membershipPlansSalesAndCancellationsFollowEachRolesPlace() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long member = w.enrol(w.asAdmin(), Map.of("email", "vip-own@member.test", "storeId", own[1])).path("id").asLong();
        long otherMember = w.enrol(w.asAdmin(), Map.of("email", "vip-other@member.test", "storeId", other[1]))
                .path("id").asLong();
        long plan = w.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "Premium", "price", "10",
                "period", "MONTHLY")).json().path("id").asLong();
        long otherMembership = api.withKey(w.apiKey(other[0], other[1])).post("/api/v1/members/" + otherMember
                + "/memberships", Map.of("planId", plan, "paymentMethod", "CASH", "receiptNumber", "O-1"))
                .json().path("membership").path("id").asLong();

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("OTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());

        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("change a plan", List.of(200, 403, 403, 403, 404));
        expected.put("read a plan", List.of(200, 200, 200, 200, 404));
        expected.put("sell to own company's member", List.of(201, 201, 201, 201, 404));
        expected.put("sell to another company's member", List.of(201, 404, 404, 404, 404));
        expected.put("read own member's memberships", List.of(200, 200, 200, 200, 404));
        expected.put("cancel another company's member's membership", List.of(200, 404, 403, 403, 404));
        expected.put("list the sales", List.of(200, 200, 403, 403, 200));
        expected.put("list another company's sales", List.of(200, 404, 403, 403, 200));

        List<String> roleNames = List.copyOf(roles.keySet());
        for (int i = 0; i < roleNames.size(); i++) {
            Api as = roles.get(roleNames.get(i));
            String receipt = "R-" + roleNames.get(i);
            Map<String, Api.Response> answers = new LinkedHashMap<>();
            answers.put("change a plan", as.put("/api/v1/membership-plans/" + plan, Map.of("nameEn", "Premium",
                    "price", "12", "period", "MONTHLY")));
            answers.put("read a plan", as.get("/api/v1/membership-plans/" + plan));
            answers.put("sell to own company's member", as.post("/api/v1/members/" + member + "/memberships",
                    Map.of("planId", plan, "paymentMethod", "CARD", "receiptNumber", receipt, "storeId", own[1])));
            answers.put("sell to another company's member", as.post("/api/v1/members/" + otherMember
                    + "/memberships", Map.of("planId", plan, "paymentMethod", "CARD", "receiptNumber", receipt)));
            answers.put("read own member's memberships", as.get("/api/v1/members/" + member + "/memberships"));
            answers.put("cancel another company's member's membership", as.post("/api/v1/memberships/"
                    + otherMembership + "/cancellation", Map.of("reason", "matrix")));
            answers.put("list the sales", as.get("/api/v1/membership-sales"));
            answers.put("list another company's sales", as.get("/api/v1/membership-sales?companyId=" + other[0]));
            for (Map.Entry<String, Api.Response> a : answers.entrySet()) {
                assertThat(a.getValue().status()).as(roleNames.get(i) + " may " + a.getKey() + "? " + a.getValue())
                        .isEqualTo(expected.get(a.getKey()).get(i));
            }
        }
        w.assertBooksBalance();
    }

    @Test
    void tiersAreChangedByCircuitAdministratorsAndReadByEveryRole() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        long member = w.enrol(w.asAdmin(), Map.of("email", "tier-matrix@member.test", "storeId", own[1])).path("id").asLong();
        long tier = w.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Gold", "threshold", 100)).json().path("id").asLong();
        World other = fixtures.world(api);
        long otherTier = other.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Theirs", "threshold", 50)).json()
                .path("id").asLong();
        Map<String, Object> policy = Map.of("basis", "POINTS_EARNED", "window", "LIFETIME", "downgrade", "NEVER",
                "graceDays", 0);

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        List<Action> actions = List.of(
                new Action("list tiers", "GET", "/api/v1/tiers", null),
                new Action("add a tier", "POST", "/api/v1/tiers", Map.of("nameEn", "T" + System.nanoTime(),
                        "threshold", 1000)),
                new Action("change another circuit's tier", "PUT", "/api/v1/tiers/" + otherTier,
                        Map.of("nameEn", "Mine", "threshold", 5)),
                new Action("change the tier policy", "PUT", "/api/v1/tiers/policy", policy),
                new Action("count a what-if", "POST", "/api/v1/tiers/what-if", Map.of("policy", policy,
                        "tiers", List.of(Map.of("id", tier, "nameEn", "Gold", "threshold", 10)))),
                new Action("read a member's tier", "GET", "/api/v1/members/" + member + "/tier", null),
                new Action("set a member's tier", "PUT", "/api/v1/members/" + member + "/tier/manual",
                        Map.of("tierId", tier, "reason", "matrix")));
        Map<String, List<Integer>> expected = Map.of(
                "list tiers", List.of(200, 200, 200, 200),
                "add a tier", List.of(201, 403, 403, 403),
                "change another circuit's tier", List.of(404, 403, 403, 403),
                "change the tier policy", List.of(200, 403, 403, 403),
                "count a what-if", List.of(200, 403, 403, 403),
                "read a member's tier", List.of(200, 200, 200, 200),
                "set a member's tier", List.of(200, 403, 403, 403));
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
    }

    @Test
    void onlyTheCircuitAdministratorManagesBadgesEveryoneInTheCircuitReadsThemAndNoOtherCircuitSeesThem() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        long member = w.enrol(w.asAdmin(), Map.of("email", "badges@member.test", "storeId", own[1])).path("id").asLong();
        long badge = w.asAdmin().post("/api/v1/badges", Map.of("nameEn", "Gold", "pointsFrom", 1000)).json()
                .path("id").asLong();
        long spare = w.asAdmin().post("/api/v1/badges", Map.of("nameEn", "Spare", "pointsFrom", 0, "pointsTo", 9))
                .json().path("id").asLong();

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("OTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());

        List<Action> actions = List.of(
                new Action("list badges", "GET", "/api/v1/badges", null),
                new Action("read a badge", "GET", "/api/v1/badges/" + badge, null),
                new Action("change a badge", "PUT", "/api/v1/badges/" + badge, Map.of("nameEn", "Oro", "pointsFrom", 1000)),
                new Action("read a member's badges", "GET", "/api/v1/members/" + member + "/badges", null),
                new Action("change the badge window", "PUT", "/api/v1/badge-window", Map.of("kind", "CALENDAR_YEAR")),
                new Action("add a badge", "POST", "/api/v1/badges", Map.of("nameEn", "New", "pointsFrom", 100, "pointsTo", 199)),
                new Action("remove a badge", "DELETE", "/api/v1/badges/" + spare, null));
        Map<String, List<Integer>> expected = Map.ofEntries(
                Map.entry("list badges", List.of(200, 200, 200, 200, 200)),
                Map.entry("read a badge", List.of(200, 200, 200, 200, 404)),
                Map.entry("change a badge", List.of(200, 403, 403, 403, 404)),
                Map.entry("read a member's badges", List.of(200, 200, 200, 200, 404)),
                Map.entry("change the badge window", List.of(200, 403, 403, 403, 200)),
                Map.entry("add a badge", List.of(201, 403, 403, 403, 201)),
                Map.entry("remove a badge", List.of(204, 403, 403, 403, 404)));

        List<String> roleNames = List.copyOf(roles.keySet());
        for (Action a : actions) {
            for (int i = 0; i < roleNames.size(); i++) {
                Api as = roles.get(roleNames.get(i));
                Api.Response r = switch (a.method()) {
                    case "GET" -> as.get(a.path());
                    case "PUT" -> as.put(a.path(), a.body());
                    case "DELETE" -> as.delete(a.path());
                    default -> as.post(a.path(), a.body());
                };
                assertThat(r.status()).as(roleNames.get(i) + " may " + a.name() + "? " + r)
                        .isEqualTo(expected.get(a.name()).get(i));
            }
        }
        assertThat(w.asAdmin().get("/api/v1/badges/" + badge).json().path("nameEn").asString()).isEqualTo("Oro");
    }

    @Test
    void eachRoleKeepsClaimsAndRedeemsRewardsAsItsPlaceAllows() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long member = w.enrol(w.asAdmin(), Map.of("email", "rewards-matrix@member.test", "storeId", own[1])).path("id").asLong();
        long otherMember = w.enrol(w.asAdmin(), Map.of("email", "rewards-other@member.test", "storeId", other[1])).path("id").asLong();
        w.asAdmin().post("/api/v1/members/" + member + "/adjustments", Map.of("direction", "CREDIT", "points", 1000, "note", "m"));
        Map<String, Object> reward = Map.of("kind", "FREE_SHIPPING", "titleEn", "Ship", "titleIt", "Spedizione", "points", 10);
        long rewardId = w.asAdmin().post("/api/v1/rewards", reward).json().path("id").asLong();
        String code = w.asAdmin().post("/api/v1/members/" + member + "/reward-claims", Map.of("rewardId", rewardId,
                "storeId", own[1])).json().path("code").asString();

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("create a reward", "POST", "/api/v1/rewards", reward), List.of(201, 403, 403, 403));
        expected.put(new Action("change a reward", "PUT", "/api/v1/rewards/" + rewardId, reward), List.of(200, 403, 403, 403));
        expected.put(new Action("list rewards", "GET", "/api/v1/rewards", null), List.of(200, 200, 200, 200));
        expected.put(new Action("claim for own member", "POST", "/api/v1/members/" + member + "/reward-claims",
                Map.of("rewardId", rewardId, "storeId", own[1])), List.of(201, 201, 201, 201));
        expected.put(new Action("claim for another company's member", "POST", "/api/v1/members/" + otherMember
                + "/reward-claims", Map.of("rewardId", rewardId)), List.of(422, 404, 404, 404));
        expected.put(new Action("read a member's vouchers", "GET", "/api/v1/members/" + member + "/vouchers", null),
                List.of(200, 200, 200, 200));
        expected.put(new Action("look up a voucher", "GET", "/api/v1/vouchers/" + code, null), List.of(200, 200, 200, 200));
        expected.put(new Action("search vouchers", "GET", "/api/v1/vouchers", null), List.of(200, 200, 403, 403));
        expected.put(new Action("see the fulfilment queue", "GET", "/api/v1/vouchers/fulfilment", null),
                List.of(200, 200, 200, 200));
        expected.put(new Action("redeem a voucher for an order", "POST", "/api/v1/vouchers/" + code + "/redeem",
                Map.of("orderId", "matrix", "storeId", own[1])), List.of(200, 200, 200, 200));
        expected.put(new Action("cancel a voucher", "POST", "/api/v1/vouchers/" + code + "/cancel",
                Map.of("reason", "matrix")), List.of(422, 403, 403, 403));
        assertMatrix(roles, expected);
        w.assertBooksBalance();
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
    void onlyTheCircuitAdministratorManagesCouponCampaignsAndEveryTillRedeemsTheirCodes() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long member = w.enrol(w.asAdmin(), Map.of("email", "campaign-matrix@member.test", "storeId", own[1]))
                .path("id").asLong();
        String shared = "MATRIX" + (System.nanoTime() % 100000);
        Map<String, Object> campaign = Map.of("name", "Matrix", "gives", "FREE_SHIPPING",
                "validFrom", "2026-01-01T00:00:00Z", "validUntil", "2036-01-01T00:00:00Z", "codeMode", "SHARED",
                "sharedCode", shared, "perMemberLimit", 10);
        long id = w.asAdmin().post("/api/v1/campaigns", campaign).json().path("id").asLong();
        Map<String, Object> unique = Map.of("name", "Unique", "gives", "FREE_SHIPPING",
                "validFrom", "2026-01-01T00:00:00Z", "validUntil", "2036-01-01T00:00:00Z", "codeMode", "UNIQUE");
        long uniqueId = w.asAdmin().post("/api/v1/campaigns", unique).json().path("id").asLong();
        World stranger = fixtures.world(api);

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", stranger.asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("create a campaign", "POST", "/api/v1/campaigns", unique),
                List.of(201, 403, 403, 403, 201));
        expected.put(new Action("list campaigns", "GET", "/api/v1/campaigns", null), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("read a campaign", "GET", "/api/v1/campaigns/" + id, null),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("change a campaign", "PUT", "/api/v1/campaigns/" + id, campaign),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("generate codes", "POST", "/api/v1/campaigns/" + uniqueId + "/codes",
                Map.of("total", 3)), List.of(200, 403, 403, 403, 404));
        expected.put(new Action("give codes to members", "POST", "/api/v1/campaigns/" + uniqueId + "/assignments",
                Map.of("memberIds", List.of(member))), List.of(200, 403, 403, 403, 404));
        expected.put(new Action("read the figures", "GET", "/api/v1/campaigns/" + id + "/figures", null),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("redeem the shared code", "POST", "/api/v1/vouchers/" + shared + "/redeem",
                Map.of("memberId", member, "orderId", "matrix", "storeId", own[1])), List.of(200, 200, 200, 200, 404));
        assertMatrix(roles, expected);
    }

    @Test
    void storesCashbackRatesAreSetByTheirAdministratorsAndProductRatesByTheCircuitOnly() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<String, Object> rate = Map.of("percent", "4");
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("set its own store's rate", "PUT",
                "/api/v1/money-programs/CASHBACK/store-rates/" + own[1], rate), List.of(200, 200, 403, 403, 404));
        expected.put(new Action("set another company's store's rate", "PUT",
                "/api/v1/money-programs/CASHBACK/store-rates/" + other[1], rate), List.of(200, 404, 403, 403, 404));
        expected.put(new Action("list stores' rates", "GET", "/api/v1/money-programs/CASHBACK/store-rates", null),
                List.of(200, 200, 403, 403, 200));
        expected.put(new Action("remove another company's store's rate", "DELETE",
                "/api/v1/money-programs/CASHBACK/store-rates/" + other[1], null), List.of(204, 404, 403, 403, 404));
        expected.put(new Action("set a product's rate", "PUT", "/api/v1/money-programs/CASHBACK/product-rates/WINE",
                rate), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("list products' rates", "GET", "/api/v1/money-programs/CASHBACK/product-rates", null),
                List.of(200, 200, 403, 403, 200));
        assertMatrix(roles, expected);
    }

    @Test
    void referralSettingsAndReportAreTheCircuitAdministratorsAndEveryoneWhoSeesAMemberReadsAndRecordsTheirs() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("OTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<String, List<Integer>> expected = Map.of(
                "read the referral settings", List.of(200, 200, 403, 403, 200),
                "change the referral settings", List.of(200, 403, 403, 403, 200),
                "read own member's referral", List.of(200, 200, 200, 200, 404),
                "record own member's referral", List.of(201, 201, 201, 201, 404),
                "read the referral report", List.of(200, 403, 403, 403, 200));
        Map<String, Object> settings = org.loyaltyhub.support.ReferralSteps.settings(Map.of());
        assertThat(w.asAdmin().put("/api/v1/referral/settings", settings).status()).isEqualTo(200);
        long referrer = w.enrol(w.asAdmin(), Map.of("email", "referrer@member.test", "storeId", own[1]))
                .path("id").asLong();
        String code = w.asAdmin().get("/api/v1/members/" + referrer + "/referral").json().path("code").asString();
        List<String> roleNames = List.copyOf(roles.keySet());
        for (int i = 0; i < roleNames.size(); i++) {
            Api as = roles.get(roleNames.get(i));
            long friend = w.enrol(w.asAdmin(), Map.of("email", "friend" + i + "@member.test", "storeId", own[1]))
                    .path("id").asLong();
            Map<String, Api.Response> answers = new LinkedHashMap<>();
            answers.put("read the referral settings", as.get("/api/v1/referral/settings"));
            answers.put("change the referral settings", as.put("/api/v1/referral/settings", settings));
            answers.put("read own member's referral", as.get("/api/v1/members/" + friend + "/referral"));
            answers.put("record own member's referral", as.post("/api/v1/referrals",
                    Map.of("memberId", friend, "code", code)));
            answers.put("read the referral report", as.get("/api/v1/referrals/report"));
            for (var answer : answers.entrySet()) {
                assertThat(answer.getValue().status()).as(roleNames.get(i) + " may " + answer.getKey() + "? "
                        + answer.getValue()).isEqualTo(expected.get(answer.getKey()).get(i));
            }
        }
    }

    @Test
    void onlyTheCircuitAdministratorManagesPromotionsCompanyAdministratorsReadThemAndEveryTillSimulates() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long member = w.enrol(w.asAdmin(), Map.of("email", "promotion-matrix@member.test", "storeId", own[1]))
                .path("id").asLong();
        Map<String, Object> promotion = Map.of("name", "Matrix +5", "validFrom", "2026-01-01T00:00:00Z", "priority", 1,
                "trigger", Map.of("type", "PURCHASE", "conditions", List.of()),
                "effect", Map.of("type", "FIXED_POINTS", "points", 5));
        long id = w.asAdmin().post("/api/v1/promotions", promotion).json().path("id").asLong();
        long purchase = w.purchase(api.withKey(w.apiKey(own[0], own[1])), "matrix-1", member, "10.00", "PAID")
                .json().path("id").asLong();
        World stranger = fixtures.world(api);

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", stranger.asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("create a promotion", "POST", "/api/v1/promotions", promotion),
                List.of(201, 403, 403, 403, 201));
        expected.put(new Action("list promotions", "GET", "/api/v1/promotions", null), List.of(200, 200, 403, 403, 200));
        expected.put(new Action("read a promotion", "GET", "/api/v1/promotions/" + id, null),
                List.of(200, 200, 403, 403, 404));
        expected.put(new Action("change a promotion", "PUT", "/api/v1/promotions/" + id, promotion),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("activate a promotion", "POST", "/api/v1/promotions/" + id + "/activate", Map.of()),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("dry-run a promotion", "POST", "/api/v1/promotions/dry-run",
                Map.of("promotion", promotion, "days", 7)), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("simulate a purchase", "POST", "/api/v1/campaigns/simulate",
                Map.of("memberId", member, "storeId", own[1], "total", "10")), List.of(200, 200, 200, 200, 404));
        expected.put(new Action("read a purchase's promotions", "GET", "/api/v1/purchases/" + purchase + "/promotions",
                null), List.of(200, 200, 200, 200, 404));
        assertMatrix(roles, expected);
    }

    @Test
    void onlyTheShopsAdministratorsMakeAMembersVoucherOrWalletTheShopsCode() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long member = w.enrol(w.asAdmin(), Map.of("email", "shop-codes-matrix@member.test", "storeId", own[1]))
                .path("id").asLong();
        long connection = w.prestaShop(own[0], "PSMATRIX0001");
        w.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 100, "note", "n"));
        long reward = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "FREE_SHIPPING", "titleEn", "Ship",
                "titleIt", "Spedizione", "points", 10)).json().path("id").asLong();
        String voucher = w.asAdmin().post("/api/v1/members/" + member + "/reward-claims",
                Map.of("rewardId", reward, "storeId", own[1])).json().path("code").asString();
        World stranger = fixtures.world(api);

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("OTHER_COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", other[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", stranger.asAdmin());
        // allowed callers reach the shop's own rule: this shop has not seen the member yet (422 customer-not-in-shop)
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("make a wallet's code", "POST", "/api/v1/connections/" + connection + "/wallet-codes",
                Map.of("memberId", member, "purpose", "CASHBACK")), List.of(422, 422, 404, 403, 403, 404));
        expected.put(new Action("make a voucher's code", "POST", "/api/v1/connections/" + connection + "/voucher-codes",
                Map.of("memberId", member, "code", voucher)), List.of(422, 422, 404, 403, 403, 404));
        expected.forEach((a, statuses) -> {
            int i = 0;
            for (Map.Entry<String, Api> role : roles.entrySet()) {
                Api.Response r = role.getValue().post(a.path(), a.body());
                assertThat(r.status()).as(role.getKey() + " may " + a.name() + "? " + r).isEqualTo(statuses.get(i++));
                if (r.status() == 422) {
                    assertThat(r.code()).isEqualTo("customer-not-in-shop");
                }
            }
        });
        w.assertBooksBalance();
    }

    @Test
    void clearingIsReadByAdministratorsEachForItsOwnAndOnlyTheCircuitAdministratorClosesPeriodsAndMarksPayments() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("read the clearing report", "GET", "/api/v1/clearing?month=2020-01", null),
                List.of(200, 200, 403, 403, 200));
        expected.put(new Action("download it as CSV", "GET", "/api/v1/clearing/csv", null),
                List.of(200, 200, 403, 403, 200));
        expected.put(new Action("see the chart", "GET", "/api/v1/clearing/chart", null),
                List.of(200, 200, 403, 403, 200));
        expected.put(new Action("download own company's statement", "GET", "/api/v1/clearing/statement?companyId="
                + own[0], null), List.of(200, 200, 403, 403, 404));
        expected.put(new Action("list closed periods", "GET", "/api/v1/clearing/periods", null),
                List.of(200, 200, 403, 403, 200));
        expected.put(new Action("close a period", "POST", "/api/v1/clearing/periods", Map.of("month", "2020-01")),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("mark a settlement paid", "POST", "/api/v1/clearing/settlements/999999999/payment",
                Map.of("paidOn", "2020-02-01", "reference", "matrix")), List.of(404, 403, 403, 403, 404));
        expected.forEach((a, statuses) -> {
            int i = 0;
            for (Map.Entry<String, Api> role : roles.entrySet()) {
                Api.Response r = a.method().equals("GET") ? role.getValue().get(a.path())
                        : role.getValue().post(a.path(), a.body());
                assertThat(r.status()).as(role.getKey() + " may " + a.name() + "? " + r).isEqualTo(statuses.get(i++));
            }
        });
    }

    @Test
    void prepaidSettingsAreTheCircuitAdministratorsAndEveryCounterSellsChecksAndAttachesCards() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long member = w.enrol(w.asAdmin(), Map.of("email", "prepaid-matrix@member.test", "storeId", own[1]))
                .path("id").asLong();
        Map<String, Object> settings = Map.of("enabled", true, "minAmount", "1", "maxAmount", "500",
                "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies", List.of());
        w.asAdmin().put("/api/v1/prepaid/settings", settings);
        World stranger = fixtures.world(api);
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", stranger.asAdmin());
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("read the settings", List.of(200, 200, 200, 200, 200));
        expected.put("change the settings", List.of(200, 403, 403, 403, 200));
        expected.put("sell a gift card at our store", List.of(201, 201, 201, 201, 404));
        expected.put("sell credit to our member", List.of(201, 201, 201, 201, 404));
        expected.put("list sales", List.of(200, 200, 200, 200, 200));
        expected.put("list gift cards", List.of(200, 200, 403, 403, 200));
        expected.put("read our gift card", List.of(200, 200, 403, 403, 404));
        expected.put("check our gift card", List.of(200, 200, 200, 200, 404));
        expected.put("attach our gift card to our member", List.of(200, 200, 200, 200, 404));
        List<String> roleNames = List.copyOf(roles.keySet());
        for (int i = 0; i < roleNames.size(); i++) {
            Api as = roles.get(roleNames.get(i));
            JsonNode card = w.asAdmin().post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD", "amount",
                    Map.of("currency", "EUR", "amount", "5"), "paymentMethod", "CASH", "receiptNumber", "M-card-" + i,
                    "storeId", own[1])).json();
            String number = card.path("sale").path("cardNumber").asString();
            String pin = card.path("pin").asString();
            Map<String, Api.Response> answers = new LinkedHashMap<>();
            answers.put("read the settings", as.get("/api/v1/prepaid/settings"));
            answers.put("change the settings", as.put("/api/v1/prepaid/settings", settings));
            answers.put("sell a gift card at our store", as.post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD",
                    "amount", Map.of("currency", "EUR", "amount", "5"), "paymentMethod", "CASH",
                    "receiptNumber", "M-" + i, "storeId", own[1])));
            answers.put("sell credit to our member", as.post("/api/v1/prepaid/sales", Map.of("kind",
                    "PREPAID_CREDIT", "member", Map.of("id", member), "amount", Map.of("currency", "EUR", "amount", "5"),
                    "paymentMethod", "CARD", "receiptNumber", "C-" + i, "storeId", own[1])));
            answers.put("list sales", as.get("/api/v1/prepaid/sales"));
            answers.put("list gift cards", as.get("/api/v1/gift-cards"));
            answers.put("read our gift card", as.get("/api/v1/gift-cards/" + card.path("sale").path("giftCardId").asLong()));
            answers.put("check our gift card", as.post("/api/v1/gift-cards/balance", Map.of("cardNumber", number,
                    "pin", pin)));
            answers.put("attach our gift card to our member", as.post("/api/v1/gift-cards/attach", Map.of(
                    "cardNumber", number, "pin", pin, "member", Map.of("id", member))));
            for (var answer : answers.entrySet()) {
                assertThat(answer.getValue().status()).as(roleNames.get(i) + " may " + answer.getKey() + "? "
                        + answer.getValue()).isEqualTo(expected.get(answer.getKey()).get(i));
            }
        }
        w.assertBooksBalance();
    }

    @Test
    void aShopsAdministratorsAndItsCompanysApiKeysMakeAGiftCardTheShopsCode() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long connection = w.prestaShop(own[0], "PSMATRIX0002");
        w.asAdmin().put("/api/v1/prepaid/settings", Map.of("enabled", true, "minAmount", "1", "maxAmount", "500",
                "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies", List.of()));
        JsonNode sold = w.asAdmin().post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD", "amount",
                Map.of("currency", "EUR", "amount", "5"), "paymentMethod", "CASH", "receiptNumber", "GM-1",
                "storeId", own[1])).json();
        String pin = sold.path("pin").asString();
        World stranger = fixtures.world(api);
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("OTHER_COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", other[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", stranger.asAdmin());
        // allowed callers reach the card's own rule with a wrong PIN (422 wrong-pin; three of them lock nothing)
        List<Integer> expected = List.of(422, 422, 404, 403, 422, 404);
        int i = 0;
        for (Map.Entry<String, Api> role : roles.entrySet()) {
            Api.Response r = role.getValue().post("/api/v1/connections/" + connection + "/gift-card-codes", Map.of(
                    "cardNumber", sold.path("sale").path("cardNumber").asString(),
                    "pin", pin.equals("000000") ? "111111" : "000000"));
            assertThat(r.status()).as(role.getKey() + " may make a gift card's code? " + r)
                    .isEqualTo(expected.get(i++));
            if (r.status() == 422) {
                assertThat(r.code()).isEqualTo("wrong-pin");
            }
        }
    }

    @Test
    void theSellerOrItsCompanyAdministratorVoidsAPrepaidSaleAndOnlyTheCompanyAdministratorRefundsOne() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        w.asAdmin().put("/api/v1/prepaid/settings", Map.of("enabled", true, "minAmount", "1", "maxAmount", "500",
                "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies", List.of()));
        Api seller = w.as(w.operator("STORE_OPERATOR", null, own[1]));
        World stranger = fixtures.world(api);
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR (the seller)", seller);
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", stranger.asAdmin());
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("void", List.of(403, 201, 201, 403, 404));
        expected.put("refund", List.of(403, 201, 403, 403, 404));
        int receipt = 0;
        for (var action : expected.entrySet()) {
            int i = 0;
            for (var role : roles.entrySet()) {
                long sale = seller.post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD", "amount",
                        Map.of("currency", "EUR", "amount", "5"), "paymentMethod", "CASH", "receiptNumber",
                        "V-" + receipt++)).json().path("sale").path("id").asLong();
                Api.Response r = role.getValue().post("/api/v1/prepaid/sales/" + sale + "/" + action.getKey(),
                        Map.of("reason", "matrix"));
                assertThat(r.status()).as(role.getKey() + " may " + action.getKey() + "? " + r)
                        .isEqualTo(action.getValue().get(i++));
            }
        }
        w.assertBooksBalance();
    }

    @Test
    void theCircuitAdministratorManagesSegmentsCompanyAdministratorsReadThemAndNobodyElseSeesThem() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        Map<String, Object> segment = Map.of("name", "Matrix", "match", "ALL", "groups", List.of(Map.of("match", "ALL",
                "conditions", List.of(Map.of("field", "POINTS_BALANCE", "operator", "AT_LEAST", "values", List.of("0"))))));
        long id = w.asAdmin().post("/api/v1/segments", segment).json().path("id").asLong();
        World stranger = fixtures.world(api);
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", stranger.asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("list segments", "GET", "/api/v1/segments", null), List.of(200, 200, 403, 403, 200));
        expected.put(new Action("read a segment", "GET", "/api/v1/segments/" + id, null),
                List.of(200, 200, 403, 403, 404));
        expected.put(new Action("count its members", "GET", "/api/v1/segments/" + id + "/count", null),
                List.of(200, 200, 403, 403, 404));
        expected.put(new Action("list its members", "GET", "/api/v1/segments/" + id + "/members", null),
                List.of(200, 200, 403, 403, 404));
        expected.put(new Action("export its members", "GET", "/api/v1/segments/" + id + "/members.csv", null),
                List.of(200, 200, 403, 403, 404));
        expected.put(new Action("count a segment not saved", "POST", "/api/v1/segments/count", segment),
                List.of(200, 200, 403, 403, 200));
        expected.put(new Action("change a segment", "PUT", "/api/v1/segments/" + id, segment),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("create a segment", "POST", "/api/v1/segments", Map.of("name", "New", "match", "ALL",
                "groups", segment.get("groups"))), List.of(201, 403, 403, 403, 201));
        expected.put(new Action("delete a segment", "DELETE", "/api/v1/segments/" + id, null),
                List.of(204, 403, 403, 403, 404));
        expected.forEach((a, statuses) -> {
            int i = 0;
            for (Map.Entry<String, Api> role : roles.entrySet()) {
                Api as = a.path().endsWith(".csv") ? role.getValue().header("Accept", "text/csv, application/problem+json")
                        : role.getValue();
                Api.Response r = switch (a.method()) {
                    case "GET" -> as.get(a.path());
                    case "PUT" -> as.put(a.path(), a.body());
                    case "DELETE" -> as.delete(a.path());
                    default -> as.post(a.path(), a.body());
                };
                assertThat(r.status()).as(role.getKey() + " may " + a.name() + "? " + r).isEqualTo(statuses.get(i++));
            }
        });
    }

    @Test
    void notificationsAreTheCircuitAdministratorsAndEachCircuitSeesOnlyItsOwn() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<String, Object> template = Map.of("subject", "+{points}", "body", "Hi {first_name}");
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("list notifications", "GET", "/api/v1/notifications", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("switch a notification", "PUT", "/api/v1/notifications/POINTS_EARNED",
                Map.of("enabled", true)), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("read templates", "GET", "/api/v1/notifications/POINTS_EARNED/templates", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("write a template", "PUT", "/api/v1/notifications/POINTS_EARNED/templates/it",
                template), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("preview a template", "POST",
                "/api/v1/notifications/POINTS_EARNED/templates/en/preview", template), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("reset a template", "DELETE", "/api/v1/notifications/POINTS_EARNED/templates/it",
                null), List.of(200, 403, 403, 403, 200));
        Map<String, Object> sms = Map.of("body", "+{points} {circuit_name}");
        expected.put(new Action("read an SMS template", "GET",
                "/api/v1/notifications/POINTS_EARNED/templates/it/sms", null), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("write an SMS template", "PUT",
                "/api/v1/notifications/POINTS_EARNED/templates/it/sms", sms), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("preview an SMS template", "POST",
                "/api/v1/notifications/POINTS_EARNED/templates/en/sms/preview", sms), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("reset an SMS template", "DELETE",
                "/api/v1/notifications/POINTS_EARNED/templates/it/sms", null), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("list the notification SMS", "GET", "/api/v1/notifications/sms-messages", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("settle a notification SMS", "POST",
                "/api/v1/notifications/sms-messages/999999999/settlement", Map.of("how", "SENT")),
                List.of(404, 403, 403, 403, 404));
        assertMatrix(roles, expected);
        assertThat(w.asAdmin().get("/api/v1/notifications/POINTS_EARNED/templates").json().get(0).path("custom")
                .asBoolean()).as("another circuit's template is its own").isFalse();
    }

    @Test
    void emailCampaignsAreTheCircuitAdministratorsAndAnotherCircuitsCampaignIsNotFound() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<String, Object> campaign = Map.of("name", "Sale", "filter", "Rossi", "subjectIt", "Saldi {first_name}",
                "bodyIt", "Ciao", "subjectEn", "Sale {first_name}", "bodyEn", "Hi");
        long id = w.asAdmin().post("/api/v1/email-campaigns", campaign).json().path("id").asLong();
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("list campaigns", "GET", "/api/v1/email-campaigns", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("read a campaign", "GET", "/api/v1/email-campaigns/" + id, null),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("change a campaign", "PUT", "/api/v1/email-campaigns/" + id, campaign),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("count an audience", "POST", "/api/v1/email-campaigns/audience", campaign),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("preview a message", "POST", "/api/v1/email-campaigns/preview/it",
                Map.of("subject", "Ciao", "body", "{first_name}")), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("read a report", "GET", "/api/v1/email-campaigns/" + id + "/report", null),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("read tracking", "GET", "/api/v1/email-campaigns/tracking", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("cancel a campaign", "POST", "/api/v1/email-campaigns/" + id + "/cancel", null),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("create a campaign", "POST", "/api/v1/email-campaigns", campaign),
                List.of(201, 403, 403, 403, 201));
        assertMatrix(roles, expected);
    }

    @Test
    void smsCreditsAreRechargedByTheCircuitAdministratorAndSpentByTheCompanysAdministratorOnly() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("read a company's SMS credits", "GET", "/api/v1/companies/" + own[0] + "/sms-credits",
                null), List.of(200, 200, 403, 403, 404));
        expected.put(new Action("recharge them", "POST", "/api/v1/companies/" + own[0] + "/sms-credits",
                Map.of("credits", 1)), List.of(200, 403, 403, 403, 404));
        expected.put(new Action("send an SMS (nobody to send to)", "POST", "/api/v1/sms/sends",
                Map.of("memberIds", List.of(1), "text", "Hi")), List.of(403, 400, 403, 403, 403));
        assertMatrix(roles, expected);
    }

    @Test
    void reportsAreForAdministratorsAndACompanyAdministratorOfACircuitKeepingCompaniesApartSeesOnlyItsOwn() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("OTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("points report", "/api/v1/reports/points");
        paths.put("own company's points report", "/api/v1/reports/points?companyId=" + own[0]);
        paths.put("another company's points report", "/api/v1/reports/points?companyId=" + other[0]);
        paths.put("points rows as CSV", "/api/v1/reports/points/rows.csv");
        paths.put("points summary as CSV", "/api/v1/reports/points/summary.csv");
        paths.put("liability", "/api/v1/reports/liability");
        paths.put("breakage", "/api/v1/reports/breakage");
        paths.put("members report", "/api/v1/reports/members");
        paths.put("sales report", "/api/v1/reports/sales");
        paths.put("liability as CSV", "/api/v1/reports/liability.csv");
        paths.put("breakage as CSV", "/api/v1/reports/breakage.csv");
        paths.put("members report as CSV", "/api/v1/reports/members.csv");
        paths.put("sales report as CSV", "/api/v1/reports/sales.csv");
        paths.put("another company's sales as CSV", "/api/v1/reports/sales.csv?companyId=" + other[0]);
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("points report", List.of(200, 200, 403, 403, 200));
        expected.put("own company's points report", List.of(200, 200, 403, 403, 404));
        expected.put("another company's points report", List.of(200, 403, 403, 403, 404));
        expected.put("points rows as CSV", List.of(200, 200, 403, 403, 200));
        expected.put("points summary as CSV", List.of(200, 200, 403, 403, 200));
        expected.put("liability", List.of(200, 200, 403, 403, 200));
        expected.put("breakage", List.of(200, 200, 403, 403, 200));
        expected.put("members report", List.of(200, 200, 403, 403, 200));
        expected.put("sales report", List.of(200, 200, 403, 403, 200));
        expected.put("liability as CSV", List.of(200, 200, 403, 403, 200));
        expected.put("breakage as CSV", List.of(200, 200, 403, 403, 200));
        expected.put("members report as CSV", List.of(200, 200, 403, 403, 200));
        expected.put("sales report as CSV", List.of(200, 200, 403, 403, 200));
        expected.put("another company's sales as CSV", List.of(200, 403, 403, 403, 404));
        List<String> roleNames = List.copyOf(roles.keySet());
        for (int i = 0; i < roleNames.size(); i++) {
            for (var path : paths.entrySet()) {
                assertThat(roles.get(roleNames.get(i)).get(path.getValue()).status())
                        .as(roleNames.get(i) + " " + path.getKey()).isEqualTo(expected.get(path.getKey()).get(i));
            }
        }
    }

    @Test
    void bookablesAreOfferedByAdministratorsAndReservationsSeenAtTheStoresEachRoleCovers() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long member = w.enrol(w.asAdmin(), Map.of("email", "bookings@member.test", "storeId", own[1])).path("id").asLong();
        Map<String, Object> table = Map.of("kind", "TABLE", "name", "Tavolo", "durationMinutes", 60, "capacity", 50,
                "hours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:00")));
        long ownTable = w.asAdmin().post("/api/v1/stores/" + own[1] + "/bookables", table).json().path("id").asLong();
        long otherTable = w.asAdmin().post("/api/v1/stores/" + other[1] + "/bookables", table).json().path("id").asLong();
        java.time.LocalDate monday = java.time.LocalDate.now(clock).with(java.time.temporal.TemporalAdjusters.next(
                java.time.DayOfWeek.MONDAY));
        String start = monday.atTime(10, 0).atZone(java.time.ZoneId.systemDefault()).toInstant().toString();
        long otherReservation = w.asAdmin().post("/api/v1/reservations", Map.of("memberId", member,
                "bookableId", otherTable, "startsAt", start)).json().path("id").asLong();

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("OTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("offer a table at own store", "POST", "/api/v1/stores/" + own[1] + "/bookables", table),
                List.of(201, 201, 403, 403, 404));
        expected.put(new Action("offer a table at another company's store", "POST",
                "/api/v1/stores/" + other[1] + "/bookables", table), List.of(201, 404, 403, 403, 404));
        expected.put(new Action("read own bookable", "GET", "/api/v1/bookables/" + ownTable, null),
                List.of(200, 200, 200, 200, 404));
        expected.put(new Action("change another company's bookable", "PUT", "/api/v1/bookables/" + otherTable, table),
                List.of(200, 404, 403, 403, 404));
        expected.put(new Action("book own store's table", "POST", "/api/v1/reservations", Map.of("memberId", member,
                "bookableId", ownTable, "startsAt", start)), List.of(201, 201, 201, 201, 404));
        expected.put(new Action("book another company's table", "POST", "/api/v1/reservations",
                Map.of("memberId", member, "bookableId", otherTable, "startsAt", start)),
                List.of(201, 404, 404, 404, 404));
        expected.put(new Action("see the day at own store", "GET", "/api/v1/stores/" + own[1] + "/reservations?date="
                + monday, null), List.of(200, 200, 200, 200, 404));
        expected.put(new Action("read another company's reservation", "GET", "/api/v1/reservations/" + otherReservation,
                null), List.of(200, 404, 404, 404, 404));
        expected.put(new Action("cancel another company's reservation", "POST", "/api/v1/reservations/"
                + otherReservation + "/cancel", Map.of()), List.of(200, 404, 404, 404, 404));
        expected.put(new Action("list landing pages", "GET", "/api/v1/landing-pages", null),
                List.of(200, 200, 403, 403, 200));
        assertMatrix(roles, expected);
    }

    /** Each action by each role, in the roles' order, answers the status expected for that role. */
    @Test
    void erasuresAndRetentionAreTheCircuitAdministratorsAndExportsAndShopsDataRequestsAlsoTheCompanyAdministrators() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], null)));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        long member = w.enrol(w.asAdmin(), Map.of("email", "erase@member.test", "storeId", own[1])).path("id").asLong();
        long dataRequest = rights.requestFromShop(w.circuitId, own[0], member, "matrix.myshopify.com",
                org.loyaltyhub.support.Fixtures.unique("request")).id();
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("deliveryBodyDays", 30, "auditYears", 5));
        settings.put("inactiveMemberYears", null);
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("export a member's data", "GET", "/api/v1/members/" + member + "/export", null),
                List.of(200, 200, 403, 200, 404));
        expected.put(new Action("download a shop's data request", "GET", "/api/v1/privacy/data-requests/"
                + dataRequest + "/export", null), List.of(200, 200, 403, 403, 404));
        expected.put(new Action("erase a member", "POST", "/api/v1/members/" + member + "/erasure",
                Map.of("reason", "matrix")), List.of(200, 403, 403, 403, 404));
        expected.put(new Action("list erasures", "GET", "/api/v1/privacy/erasures", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("read retention", "GET", "/api/v1/privacy/retention", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("change retention", "PUT", "/api/v1/privacy/retention", settings),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("preview retention", "GET", "/api/v1/privacy/retention/preview?years=3", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("list retention runs", "GET", "/api/v1/privacy/retention/runs", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("list shops' data requests", "GET", "/api/v1/privacy/data-requests", null),
                List.of(200, 200, 403, 403, 200));
        assertMatrix(roles, expected);
        w.assertBooksBalance();
    }

    @Test
    void smsWhoseSendWasInterruptedAreListedAndSettledByTheCompanysAdministratorOnly() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("list the SMS whose outcome is unknown", "GET", "/api/v1/sms/unknown", null),
                List.of(403, 200, 403, 403, 403));
        expected.put(new Action("settle one (none of that id)", "POST", "/api/v1/sms/messages/999999999/settlement",
                Map.of("how", "NOT_SENT")), List.of(403, 404, 403, 403, 403));
        assertMatrix(roles, expected);
    }

    @Test
    void onlyTheShopsAdministratorsStartAndFollowABackfillFromTheirShop() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long connection = w.prestaShop(own[0], "PSBACKFILL0001");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("OTHER_COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", other[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        // allowed callers reach the shop's check: https://shop.test cannot be reached (502 shop-refused), nothing queued
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("start a backfill", "POST", "/api/v1/connections/" + connection + "/backfills",
                Map.of("from", "2026-01-01", "to", "2026-01-31")), List.of(502, 502, 404, 403, 403, 404));
        expected.put(new Action("list backfills", "GET", "/api/v1/connections/" + connection + "/backfills", null),
                List.of(200, 200, 404, 403, 403, 404));
        expected.put(new Action("read a backfill", "GET", "/api/v1/connections/" + connection + "/backfills/999999999",
                null), List.of(404, 404, 404, 403, 403, 404));
        assertMatrix(roles, expected);
    }

    private static void assertMatrix(Map<String, Api> roles, Map<Action, List<Integer>> expected) {
        expected.forEach((a, statuses) -> {
            int i = 0;
            for (Map.Entry<String, Api> role : roles.entrySet()) {
                Api.Response r = switch (a.method()) {
                    case "GET" -> role.getValue().get(a.path());
                    case "PUT" -> role.getValue().put(a.path(), a.body());
                    case "DELETE" -> role.getValue().delete(a.path());
                    default -> role.getValue().post(a.path(), a.body());
                };
                assertThat(r.status()).as(role.getKey() + " may " + a.name() + "? " + r).isEqualTo(statuses.get(i++));
            }
        });
    }

    @Test
    void indicatorsAndPerformanceReportsAreForAdministratorsAndKeysEachSeeingOnlyItsOwnCompanysCustomers() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        Api ownKey = api.withKey(w.apiKey(own[0], own[1]));
        long ours = w.enrol(w.asAdmin(), "ours").path("id").asLong();
        long theirs = w.enrol(w.asAdmin(), "theirs").path("id").asLong();
        for (Object[] sale : new Object[][] {{own[1], "o-1", ours}, {other[1], "t-1", theirs}}) {
            assertThat(w.asAdmin().post("/api/v1/purchases", Map.of("orderId", sale[1], "storeId", sale[0],
                    "member", Map.of("id", sale[2]), "currency", "EUR", "total", "10.00")).status()).isEqualTo(201);
        }
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", ownKey);
        roles.put("OTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("read a customer's indicators", "GET", "/api/v1/members/" + ours + "/indicators",
                null), List.of(200, 200, 403, 200, 404));
        expected.put(new Action("read another company's customer's indicators", "GET",
                "/api/v1/members/" + theirs + "/indicators", null), List.of(200, 404, 403, 404, 404));
        expected.put(new Action("read the rewards' performance", "GET", "/api/v1/reports/performance?subject=REWARDS",
                null), List.of(200, 200, 403, 403, 200));
        expected.put(new Action("read the campaigns' performance as CSV", "GET",
                "/api/v1/reports/performance.csv?subject=CAMPAIGNS", null), List.of(200, 200, 403, 403, 200));
        expected.put(new Action("read another company's coupons' performance", "GET",
                "/api/v1/reports/performance?subject=COUPONS&companyId=" + other[0], null),
                List.of(200, 403, 403, 403, 404));
        assertMatrix(roles, expected);
    }

    /** Each action by each role, in the roles' order, answers the status expected for that role. */
    @Test
    void eventsAreSentByAdministratorsAndTillsForMembersTheySeeTypesAndFunnelsAreTheCircuitAdministrators() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long member = w.enrol(w.asAdmin(), Map.of("email", "events-matrix@member.test", "storeId", own[1]))
                .path("id").asLong();
        long otherMember = w.enrol(w.asAdmin(), Map.of("email", "events-other@member.test", "storeId", other[1]))
                .path("id").asLong();
        Map<String, Object> type = Map.of("name", "matrix_visit", "schema", Map.of("properties",
                Map.of("minutes", Map.of("type", "integer"))));
        Map<String, Object> funnel = Map.of("name", "Matrix funnel", "trigger", Map.of("type", "ENROLMENT"),
                "effects", List.of(Map.of("type", "TAG", "tag", "matrix")));
        long funnelId = w.asAdmin().post("/api/v1/funnels", funnel).json().path("id").asLong();
        World stranger = fixtures.world(api);

        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", stranger.asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("declare an event type", "POST", "/api/v1/event-types", type),
                List.of(201, 403, 403, 403, 201));
        expected.put(new Action("list event types", "GET", "/api/v1/event-types", null), List.of(200, 200, 403, 200, 200));
        expected.put(new Action("send an event for an own member", "POST", "/api/v1/events",
                Map.of("eventId", "matrix-own", "type", "review", "memberId", member)), List.of(201, 200, 403, 200, 404));
        expected.put(new Action("send an event for another company's member", "POST", "/api/v1/events",
                Map.of("eventId", "matrix-other", "type", "review", "memberId", otherMember)), List.of(201, 404, 403, 404, 404));
        expected.put(new Action("list events", "GET", "/api/v1/events", null), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("create a funnel", "POST", "/api/v1/funnels", funnel), List.of(201, 403, 403, 403, 201));
        expected.put(new Action("list funnels", "GET", "/api/v1/funnels", null), List.of(200, 200, 403, 403, 200));
        expected.put(new Action("read a funnel's runs", "GET", "/api/v1/funnels/" + funnelId + "/runs", null),
                List.of(200, 200, 403, 403, 404));
        expected.put(new Action("activate a funnel", "POST", "/api/v1/funnels/" + funnelId + "/activate", Map.of()),
                List.of(200, 403, 403, 403, 404));
        assertMatrix(roles, expected);
    }

    /** Each action by each role, in the roles' order, answers the status expected for that role. */
    @Test
    void theAuditLogIsReadByAdministratorsOnlyAndNobodyChangesIt() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("read the audit log", "GET", "/api/v1/audit", null), List.of(200, 200, 403, 403, 200));
        expected.put(new Action("download the audit log", "GET", "/api/v1/audit/csv", null),
                List.of(200, 200, 403, 403, 200));
        expected.put(new Action("remove an audit record", "DELETE", "/api/v1/audit", null),
                List.of(405, 405, 405, 405, 405));
        assertMatrix(roles, expected);
    }

    /**
     * The MCP server answers every role that may use the API, each within its place (the ledger check is the circuit
     * administrator's; another circuit's administrator does not see this circuit's member), and nobody anonymous;
     * the Prometheus scrape answers only its token.
     */
    @Test
    void theMcpServerServesEachRoleWithinItsPlaceAndThePrometheusScrapeOnlyItsToken() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        long member = w.enrol(w.asAdmin(), Map.of("email", "mcp-matrix@member.test", "storeId", own[1])).path("id").asLong();
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", basic(w.admin));
        roles.put("COMPANY_ADMIN", basic(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", basic(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", "Bearer " + w.apiKey(own[0], own[1]));
        roles.put("ANOTHER_CIRCUIT_ADMIN", basic(fixtures.world(api).admin));
        Map<String, List<Boolean>> allowed = new LinkedHashMap<>(); // per tool: allowed for each role, in order
        allowed.put("ledger_check", List.of(true, false, false, false, true));
        allowed.put("member_points", List.of(true, true, true, true, false));
        allowed.put("run_report", List.of(true, true, false, false, true));
        int i = 0;
        for (var role : roles.entrySet()) {
            var transport = io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport
                    .builder("http://localhost:" + port).endpoint("/mcp")
                    .httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", role.getValue()))
                    .build();
            try (var client = io.modelcontextprotocol.client.McpClient.sync(transport).build()) {
                client.initialize();
                for (var tool : allowed.entrySet()) {
                    Map<String, Object> arguments = switch (tool.getKey()) {
                        case "member_points" -> Map.of("memberId", member);
                        case "run_report" -> Map.of("report", "SALES");
                        default -> Map.of();
                    };
                    var result = client.callTool(new io.modelcontextprotocol.spec.McpSchema.CallToolRequest(tool.getKey(), arguments));
                    assertThat(!result.isError()).as(role.getKey() + " " + tool.getKey() + " " + result.content())
                            .isEqualTo(tool.getValue().get(i));
                }
            }
            i++;
        }
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"anonymous\",\"version\":\"1\"}}}";
        assertThat(api.post("/mcp", initialize).status()).isEqualTo(401);
        assertThat(api.withKey("lhk_not-a-key").post("/mcp", initialize).status()).isEqualTo(401);

        assertThat(api.download("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(w.asAdmin().download("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.withKey(w.apiKey(own[0], null)).download("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.withKey("test-metrics-token").download("/actuator/prometheus").status()).isEqualTo(200);
    }

    private static String basic(Api.Login login) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((login.email() + ":" + login.password())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aMembersInvoicesAreReadByTheCircuitsAdministratorOnly() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long member = w.enrol(w.asAdmin(), "invoiced").path("id").asLong();
        long plan = w.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "Premium", "nameIt", "Premium",
                "price", "29.00", "period", "MONTHLY")).json().path("id").asLong();
        assertThat(w.asAdmin().post("/api/v1/members/" + member + "/memberships", Map.of("planId", plan,
                "paymentMethod", "CASH", "receiptNumber", "RM-1", "storeId", own[1])).status()).isEqualTo(201);
        long invoice = w.asAdmin().get("/api/v1/members/" + member + "/invoices").json().get(0).path("id").asLong();
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("list a member's invoices", "GET", "/api/v1/members/" + member + "/invoices", null),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("read a member's invoice", "GET", "/api/v1/invoices/" + invoice, null),
                List.of(200, 404, 403, 403, 404));
        expected.put(new Action("download a member's invoice", "GET", "/api/v1/invoices/" + invoice + "/pdf", null),
                List.of(200, 404, 403, 403, 404));
        assertMatrix(roles, expected);
    }

    @Test
    void aMembersWalletLinksAreReadByWhoeverSeesTheMember() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long member = w.enrol(api.withKey(w.apiKey(own[0], own[1])), "wallet-own").path("id").asLong();
        long otherMember = w.enrol(api.withKey(w.apiKey(other[0], other[1])), "wallet-other").path("id").asLong();
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("read an own member's wallet links", "GET",
                "/api/v1/members/" + member + "/wallet-links", null), List.of(200, 200, 200, 200, 404));
        expected.put(new Action("read another company's member's wallet links", "GET",
                "/api/v1/members/" + otherMember + "/wallet-links", null), List.of(200, 404, 404, 404, 404));
        assertMatrix(roles, expected);
    }

    @Test
    void onlyTheCircuitAdministratorReadsAndChangesTheWalletSettingsOfItsOwnCircuit() throws Exception {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("read the wallet settings", "GET", "/api/v1/wallet-settings", null),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("change the card's colours", "PUT", "/api/v1/wallet-settings/colours",
                Map.of("background", "#000000", "foreground", "#ffffff")), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("remove the Google account", "DELETE", "/api/v1/wallet-settings/google", null),
                List.of(204, 403, 403, 403, 204));
        expected.put(new Action("remove the APNs key", "DELETE", "/api/v1/wallet-settings/apple/push-key", null),
                List.of(204, 403, 403, 403, 204));
        expected.put(new Action("remove the Apple certificate", "DELETE", "/api/v1/wallet-settings/apple", null),
                List.of(204, 403, 403, 403, 204));
        assertMatrix(roles, expected);

        var p256 = java.security.KeyPairGenerator.getInstance("EC");
        p256.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        byte[] p8 = ("-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                p256.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n").getBytes();
        Map<String, Object> upload = Map.of("key", p8, "keyId", "KEY1234567", "teamId", "TEAM123456");
        int[] statuses = roles.values().stream()
                .mapToInt(r -> r.multipart("PUT", "/api/v1/wallet-settings/apple/push-key", upload).status()).toArray();
        assertThat(statuses).as("upload the APNs key").containsExactly(200, 403, 403, 403, 200);
        assertThat(w.asAdmin().get("/api/v1/wallet-settings").json().path("pushKeyId").asString()).isEqualTo("KEY1234567");
    }

    @Test
    void importsAndExportsOfMembersAndPurchasesAreTheCircuitAdministratorsAlone() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        long job = w.asAdmin().post("/api/v1/imports/members?source=Old", "email\nfirst@matrix-import.test\n").json()
                .path("job").path("id").asLong();
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        String file = "email\nsecond@matrix-import.test\n";
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("check an import", "POST", "/api/v1/imports/members/dry-run?source=Old", file),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("start an import", "POST", "/api/v1/imports/members?source=Old", file),
                List.of(202, 403, 403, 403, 202));
        expected.put(new Action("list imports", "GET", "/api/v1/imports", null), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("follow an import", "GET", "/api/v1/imports/" + job, null),
                List.of(200, 403, 403, 403, 404));
        expected.put(new Action("fund an import from another circuit's company", "POST",
                "/api/v1/imports/members/dry-run?source=Old&companyId=" + own[0], file),
                List.of(200, 403, 403, 403, 404));
        String purchases = "order_id,date,amount,email\nm-1,2025-01-02,10,first@matrix-import.test\n";
        expected.put(new Action("check a purchases import", "POST", "/api/v1/imports/purchases/dry-run?source=Old",
                purchases), List.of(200, 403, 403, 403, 200));
        expected.put(new Action("start a purchases import", "POST", "/api/v1/imports/purchases?source=Old&earnPoints=true",
                purchases), List.of(202, 403, 403, 403, 202));
        expected.put(new Action("put another circuit's company's store on past purchases", "POST",
                "/api/v1/imports/purchases/dry-run?source=Old&companyId=" + own[0], purchases),
                List.of(200, 403, 403, 403, 404));
        assertMatrix(roles, expected);
        for (String csv : List.of("/api/v1/imports/" + job + "/refused.csv", "/api/v1/exports/members.csv",
                "/api/v1/exports/members.csv?q=first", "/api/v1/exports/purchases.csv",
                "/api/v1/exports/purchases.csv?from=2025-01-01&storeId=" + own[1])) {
            int[] statuses = roles.values().stream().mapToInt(r -> r.download(csv).status()).toArray();
            assertThat(statuses).as(csv).containsExactly(200, 403, 403, 403,
                    csv.startsWith("/api/v1/exports") ? 200 : 404);
        }
    }

    @Test
    void receiptCodesStoreProfilesAndSocialSettingsFollowTheirRolesAndStores() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        Map<String, Api> roles = new LinkedHashMap<>();
        roles.put("CIRCUIT_ADMIN", w.asAdmin());
        roles.put("COMPANY_ADMIN", w.as(w.operator("COMPANY_ADMIN", own[0], null)));
        roles.put("STORE_OPERATOR", w.as(w.operator("STORE_OPERATOR", null, own[1])));
        roles.put("API_KEY", api.withKey(w.apiKey(own[0], own[1])));
        roles.put("ANOTHER_CIRCUIT_ADMIN", fixtures.world(api).asAdmin());
        Map<String, Object> receipt = Map.of("receiptNumber", 1, "currency", "EUR", "amount", "9.90",
                "issuedAt", clock.instant().minusSeconds(3600).toString());
        Map<String, Object> receiptSettings = Map.of("enabled", true, "maxAgeDays", 7, "dailyLimit", "100");
        Map<String, Object> profile = Map.of("checkinRadiusMetres", 120, "phone", "+39 02 1");
        Map<String, Object> social = Map.of("pointsPerVisit", 1, "dailyCap", 3);
        Map<Action, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(new Action("get a receipt code at an own store", "POST",
                "/api/v1/stores/" + own[1] + "/receipt-codes", receipt), List.of(200, 200, 200, 200, 404));
        expected.put(new Action("get a receipt code at another company's store", "POST",
                "/api/v1/stores/" + other[1] + "/receipt-codes", receipt), List.of(200, 404, 404, 404, 404));
        expected.put(new Action("list receipts to review", "GET", "/api/v1/receipt-claims/pending", null),
                List.of(200, 200, 200, 403, 200));
        expected.put(new Action("read the receipt settings", "GET", "/api/v1/receipts/settings", null),
                List.of(200, 200, 200, 200, 200));
        expected.put(new Action("change the receipt settings", "PUT", "/api/v1/receipts/settings", receiptSettings),
                List.of(200, 403, 403, 403, 200));
        expected.put(new Action("read an own store's profile", "GET", "/api/v1/stores/" + own[1] + "/profile", null),
                List.of(200, 200, 200, 200, 404));
        expected.put(new Action("change an own store's profile", "PUT", "/api/v1/stores/" + own[1] + "/profile",
                profile), List.of(200, 200, 403, 403, 404));
        expected.put(new Action("change another company's store profile", "PUT",
                "/api/v1/stores/" + other[1] + "/profile", profile), List.of(200, 404, 403, 403, 404));
        Map<String, Object> reviewLinks = Map.of("googleReviewUrl", "https://g.page/r/own/review");
        expected.put(new Action("read an own company's review links", "GET",
                "/api/v1/companies/" + own[0] + "/review-links", null), List.of(200, 200, 200, 200, 404));
        expected.put(new Action("change an own company's review links", "PUT",
                "/api/v1/companies/" + own[0] + "/review-links", reviewLinks), List.of(200, 200, 403, 403, 404));
        expected.put(new Action("change another company's review links", "PUT",
                "/api/v1/companies/" + other[0] + "/review-links", reviewLinks), List.of(200, 404, 403, 403, 404));
        expected.put(new Action("search the circuit's stores (public)", "GET",
                "/api/v1/stores/nearby?circuit=" + w.circuitId, null), List.of(200, 200, 200, 200, 200));
        expected.put(new Action("read the social settings", "GET", "/api/v1/social/settings", null),
                List.of(200, 200, 200, 200, 200));
        expected.put(new Action("change the social settings", "PUT", "/api/v1/social/settings", social),
                List.of(200, 403, 403, 403, 200));
        assertMatrix(roles, expected);
    }
}
