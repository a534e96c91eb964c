package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loyaltyhub.support.Api;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 §2: every voucher kind a shop can give becomes the shop's own single-use code on WooCommerce, Shopify and
 * PrestaShop, with the reward's minimum cart; what a platform cannot give is refused by name before anything is made.
 */
class VoucherCodesOnEveryPlatformTest extends ShopCodeScenario {

    private String voucher(Map<String, Object> reward) {
        Api.Response credit = world.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 500, "note", "gift"));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>(Map.of("titleEn", "Gift", "titleIt", "Regalo", "points", 100));
        body.putAll(reward);
        Api.Response made = world.asAdmin().post("/api/v1/rewards", body);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        Api.Response claim = world.asAdmin().post("/api/v1/members/" + member + "/reward-claims",
                Map.of("rewardId", made.json().path("id").asLong(), "storeId", storeId));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(201);
        return claim.json().path("code").asString();
    }

    private Api.Response push(String code) {
        return world.asAdmin().post("/api/v1/connections/" + connectionId + "/voucher-codes",
                Map.of("memberId", member, "code", code));
    }

    private JsonNode voucherNow(String code) {
        return world.asAdmin().get("/api/v1/vouchers/" + code).json();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aVoucherBecomesTheShopsCodeOnceAndTheOrderUsingItRedeemsTheVoucherOnce(String platform) {
        open(platform);
        String code = voucher(Map.of("kind", "FIXED_AMOUNT", "amount", "5.00"));

        Api.Response made = push(code);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().path("status").asString()).isEqualTo("CREATED");
        Api.Response again = push(code);
        assertThat(again.json().path("code").asString()).isEqualTo(code);
        assertThat(createRequests()).as("a second push makes nothing more").isEqualTo(1);
        assertThat(lastCreate()).contains(code).contains("5.00");

        assertThat(processed(order(990, code, "paid", null, "e-01")).path("status").asString()).isEqualTo("PROCESSED");
        processed(order(990, code, "paid", null, "e-02"));
        JsonNode v = voucherNow(code);
        assertThat(v.path("voucher").path("status").asString()).as(v.toString()).isEqualTo("REDEEMED");
        assertThat(v.path("voucher").path("orderId").asString()).isEqualTo("990");
        assertThat(v.path("events").valueStream().filter(e -> e.path("change").asString().equals("REDEEMED")).count())
                .as("redeemed once, whatever the deliveries").isEqualTo(1);
        world.assertBooksBalance();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aShopThatRefusesTheCodeLeavesNothingKeptAndTheVoucherUsable(String platform) {
        open(platform);
        refuses();
        String code = voucher(Map.of("kind", "FIXED_AMOUNT", "amount", "5.00"));

        Api.Response refused = push(code);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
        assertThat(refused.code()).isEqualTo("shop-refused");
        assertThat(jdbc.sql("select count(*) from shop_voucher_code where connection_id = :c").param("c", connectionId)
                .query(Long.class).single()).isZero();
        assertThat(voucherNow(code).path("voucher").path("status").asString()).isEqualTo("ISSUED");
        shop.resetAll();
        accepts();
        assertThat(push(code).status()).as("tried again once the shop accepts").isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aPercentageVoucherIsAPercentageCodeWithTheRewardsMinimumCart(String platform) {
        open(platform);
        String code = voucher(Map.of("kind", "PERCENT", "percent", "10", "minimumCart", "30.00"));

        assertThat(push(code).status()).isEqualTo(201);

        String body = lastCreate();
        switch (platform) {
            case "WOOCOMMERCE" -> assertThat(body).contains("\"discount_type\":\"percent\"").contains("\"amount\":\"10\"")
                    .contains("\"minimum_amount\":\"30.00\"").doesNotContain("maximum_amount");
            case "SHOPIFY" -> assertThat(body).contains("discountCodeBasicCreate").contains("\"percentage\":0.1")
                    .contains("\"greaterThanOrEqualToSubtotal\":\"30.00\"").contains("\"all\":true");
            default -> assertThat(body).contains("<reduction_percent>10</reduction_percent>")
                    .contains("<reduction_product>0</reduction_product>").contains("<minimum_amount>30.00</minimum_amount>")
                    .doesNotContain("reduction_amount");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aCappedPercentageIsCappedByTheLargestCartOnWooCommerceAndRefusedByNameWhereAShopCannotCapIt(String platform) {
        open(platform);
        String code = voucher(Map.of("kind", "PERCENT", "percent", "20", "cap", "15.00"));

        Api.Response r = push(code);

        if (platform.equals("WOOCOMMERCE")) {
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(lastCreate()).as("20 % reaches 15.00 at a cart of 75.00").contains("\"maximum_amount\":\"75.00\"");
        } else {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("percent-cap-not-in-shop");
            assertThat(createRequests()).isZero();
            assertThat(voucherNow(code).path("voucher").path("status").asString()).isEqualTo("ISSUED");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aFreeProductIsThePlatformsFreeItemForThatProduct(String platform) {
        open(platform);
        String code = voucher(Map.of("kind", "FREE_PRODUCT", "productId", "77"));

        assertThat(push(code).status()).isEqualTo(201);

        String body = lastCreate();
        switch (platform) {
            case "WOOCOMMERCE" -> assertThat(body).contains("\"discount_type\":\"percent\"").contains("\"amount\":\"100\"")
                    .contains("\"limit_usage_to_x_items\":1").contains("\"product_ids\":[77]");
            case "SHOPIFY" -> assertThat(body).contains("\"percentage\":1")
                    .contains("\"productsToAdd\":[\"gid://shopify/Product/77\"]");
            default -> assertThat(body).contains("<gift_product>77</gift_product>")
                    .contains("<gift_product_attribute>0</gift_product_attribute>");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void freeShippingIsThePlatformsFreeShippingCode(String platform) {
        open(platform);
        String code = voucher(Map.of("kind", "FREE_SHIPPING"));

        assertThat(push(code).status()).isEqualTo(201);

        String body = lastCreate();
        switch (platform) {
            case "WOOCOMMERCE" -> assertThat(body).contains("\"free_shipping\":true").contains("\"amount\":\"0\"");
            case "SHOPIFY" -> assertThat(body).contains("discountCodeFreeShippingCreate(freeShippingCodeDiscount:")
                    .contains("\"destination\":{\"all\":true}").contains("gid://shopify/Customer/4711");
            default -> assertThat(body).contains("<free_shipping>1</free_shipping>");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "PRESTASHOP"})
    void aProductNamedBySkuOrAPhysicalRewardIsRefusedByNameAndNothingIsMade(String platform) {
        open(platform);
        String sku = voucher(Map.of("kind", "FREE_PRODUCT", "productId", "SKU-MUG"));
        String physical = voucher(Map.of("kind", "PHYSICAL"));

        assertThat(push(sku).code()).isEqualTo("product-not-in-shop");
        assertThat(push(physical).code()).as("rewards refuse it first").isEqualTo("voucher-needs-fulfilment");
        assertThat(createRequests()).isZero();
    }
}
