package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cashback per store and per product (issue 11 §1) through the API: a store's own rate replaces its company's or the
 * circuit's, a product's own rate applies to its lines wherever it is sold, a tier's multiplier applies on top, and
 * the purchase says which rule applied.
 */
class CashbackRatesPerStoreAndProductTest extends IntegrationTest {

    private World world;
    private long[] shop;
    private Api till;
    private long member;

    private void open() {
        world = fixtures.world(api);
        world.settings(Map.of());
        shop = world.company("Rates");
        till = api.withKey(world.apiKey(shop[0], shop[1]));
        ok(world.asAdmin().put("/api/v1/money-programs/CASHBACK",
                Map.of("enabled", true, "percent", "5", "minOrder", "0", "maxSharePercent", "50")));
        member = world.enrol(till, "rates").path("id").asLong();
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonNode cashbackOf(Api.Response purchase) {
        assertThat(purchase.status()).as(purchase.toString()).isEqualTo(201);
        return purchase.json().path("wallets").valueStream()
                .filter(w -> w.path("purpose").asString().equals("CASHBACK")).findFirst().orElseThrow();
    }

    private static Map<String, Object> line(String product, int quantity, String price) {
        return Map.of("productId", product, "quantity", quantity, "unitPrice", price);
    }

    @Test
    void aStoresOwnRateReplacesTheCircuitsAndThePurchaseSaysWhichRuleApplied() {
        open();
        JsonNode before = cashbackOf(world.purchase(till, "S-1", member, "30.00", "PAID"));
        assertThat(before.path("base").path("amount").asString()).isEqualTo("1.50");
        assertThat(before.path("rule").asString()).isEqualTo("5 % (circuit)");

        JsonNode rate = ok(world.asAdmin().put("/api/v1/money-programs/CASHBACK/store-rates/" + shop[1],
                Map.of("percent", "8")));
        assertThat(rate.path("percent").asString()).isEqualTo("8");
        JsonNode after = cashbackOf(world.purchase(till, "S-2", member, "30.00", "PAID"));
        assertThat(after.path("base").path("amount").asString()).isEqualTo("2.40");
        assertThat(after.path("available").path("amount").asString()).isEqualTo("2.40");
        assertThat(after.path("rule").asString()).isEqualTo("8 % (store's rate)");
        assertThat(ok(world.asAdmin().get("/api/v1/purchases/" + world.purchase(till, "S-2", member, "30.00", "PAID")
                .json().path("id").asLong())).path("wallets").get(0).path("rule").asString())
                .as("the purchase's detail keeps the rule").isEqualTo("8 % (store's rate)");
        assertThat(world.asAdmin().get("/api/v1/members/" + member + "/wallets/CASHBACK/movements").json()
                .path("items").get(0).path("reason").asString()).isEqualTo("Cashback on 30.00 EUR: 8 % (store's rate)");

        assertThat(world.asAdmin().delete("/api/v1/money-programs/CASHBACK/store-rates/" + shop[1]).status())
                .isEqualTo(204);
        assertThat(cashbackOf(world.purchase(till, "S-3", member, "30.00", "PAID")).path("rule").asString())
                .isEqualTo("5 % (circuit)");
        world.assertBooksBalance();
    }

    @Test
    void aProductsOwnRateAppliesToItsLinesWhateverTheStoresRate() {
        open();
        ok(world.asAdmin().put("/api/v1/money-programs/CASHBACK/store-rates/" + shop[1], Map.of("percent", "8")));
        ok(world.asAdmin().put("/api/v1/money-programs/CASHBACK/product-rates/WINE", Map.of("percent", "10")));
        ok(world.asAdmin().put("/api/v1/money-programs/CASHBACK/product-rates/TOBACCO", Map.of("percent", 0)));
        assertThat(ok(world.asAdmin().get("/api/v1/money-programs/CASHBACK/product-rates")).valueStream()
                .map(r -> r.path("productId").asString() + " " + r.path("percent").asString()).toList())
                .containsExactly("TOBACCO 0", "WINE 10");
        JsonNode earned = cashbackOf(world.purchase(till, Map.of("orderId", "P-1", "member", Map.of("id", member),
                "currency", "EUR", "total", "31.00", "status", "PAID",
                "lines", List.of(line("WINE", 2, "10.00"), line("BREAD", 1, "5.00"), line("TOBACCO", 1, "6.00")))));
        assertThat(earned.path("base").path("amount").asString()).isEqualTo("2.40"); // 2.00 + 0.40 + 0
        assertThat(earned.path("rule").asString())
                .isEqualTo("8 % (store's rate); product WINE 10 %, product TOBACCO 0 %");
        world.assertBooksBalance();
    }

    @Test
    void aTiersMultiplierAppliesToCashbackOnTopOfTheStoresRate() {
        open();
        ok(world.asAdmin().put("/api/v1/tiers/policy", Map.of("basis", "POINTS_EARNED", "window", "LIFETIME",
                "downgrade", "NEVER", "graceDays", 0)));
        Api.Response gold = world.asAdmin().post("/api/v1/tiers", TiersTest.tier("Gold", "Oro", 0, "1.5", 0));
        assertThat(gold.status()).as(gold.toString()).isEqualTo(201);
        ok(world.asAdmin().put("/api/v1/money-programs/CASHBACK/store-rates/" + shop[1], Map.of("percent", "4")));
        JsonNode earned = cashbackOf(world.purchase(till, "G-1", member, "50.00", "PAID"));
        assertThat(earned.path("base").path("amount").asString()).isEqualTo("3.00"); // 50.00 × 4 % × 1.5
        assertThat(earned.path("rule").asString()).isEqualTo("4 % (store's rate); Gold ×1.5");
    }

    @Test
    void aCompanyAdministratorSetsItsOwnStoresRatesOnlyAndBadRatesAreRefused() {
        open();
        long[] other = world.company("Other");
        Api companyAdmin = world.as(world.operator("COMPANY_ADMIN", shop[0], null));
        ok(companyAdmin.put("/api/v1/money-programs/CASHBACK/store-rates/" + shop[1], Map.of("percent", "6.5")));
        assertThat(companyAdmin.put("/api/v1/money-programs/CASHBACK/store-rates/" + other[1],
                Map.of("percent", "6")).status()).as("another company's store").isEqualTo(404);
        assertThat(companyAdmin.put("/api/v1/money-programs/CASHBACK/product-rates/WINE",
                Map.of("percent", "6")).status()).as("product rates are the circuit's").isEqualTo(403);
        assertThat(ok(companyAdmin.get("/api/v1/money-programs/CASHBACK/store-rates")).valueStream()
                .map(r -> r.path("storeId").asLong()).toList()).containsExactly(shop[1]);
        for (Object bad : List.of("-1", "100.5", "1.23456", "abc")) {
            Api.Response r = world.asAdmin().put("/api/v1/money-programs/CASHBACK/store-rates/" + other[1],
                    Map.of("percent", bad));
            assertThat(r.status()).as(bad + ": " + r).isEqualTo(400);
            assertThat(r.json().path("type").asString()).isNotBlank();
        }
        assertThat(world.asAdmin().put("/api/v1/money-programs/POINTS/store-rates/" + other[1],
                Map.of("percent", "5")).status()).isEqualTo(400);
        assertThat(ok(world.asAdmin().get("/api/v1/money-programs/CASHBACK/store-rates")).valueStream()
                .map(r -> r.path("percent").asString()).toList()).as("nothing saved").containsExactly("6.5");
    }
}
