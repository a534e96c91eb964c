package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 §1: a member's cashback (or accumulated discounts, any money purpose) spent in a connected shop as a
 * single-use code: quote → hold → the shop's code; the order using it takes the money, refunds give back their share,
 * a cancelled order gives it all back, an unused code expires and releases it.
 */
class WalletCodesOnEveryPlatformTest extends ShopCodeScenario {

    /** The program is on and earns nothing, so what the orders do to the wallet is all there is to see. */
    private void wallet(String purpose, String amount) {
        Api.Response p = world.asAdmin().put("/api/v1/money-programs/" + purpose, Map.of("enabled", true,
                "percent", "0", "minOrder", "10.00", "maxSharePercent", "50"));
        assertThat(p.status()).as(p.toString()).isEqualTo(200);
        Api.Response credit = world.asAdmin().post("/api/v1/members/" + member + "/wallets/" + purpose + "/adjustments",
                Map.of("direction", "CREDIT", "amount", Map.of("currency", "EUR", "amount", amount), "note", "gift"));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
    }

    private JsonNode balance(String purpose) {
        return world.asAdmin().get("/api/v1/members/" + member + "/wallets/" + purpose).json();
    }

    private String available(String purpose) {
        return new java.math.BigDecimal(balance(purpose).path("available").path("amount").asString()).setScale(2)
                .toPlainString();
    }

    private String held(String purpose) {
        return new java.math.BigDecimal(balance(purpose).path("held").path("amount").asString()).setScale(2)
                .toPlainString();
    }

    private Api.Response spend(Api as, String purpose, String amount) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("memberId", member, "purpose", purpose));
        if (amount != null) {
            body.put("amount", amount);
        }
        return as.post("/api/v1/connections/" + connectionId + "/wallet-codes", body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void cashbackBecomesACodeForItsAmountAndTheOrderUsingItTakesTheMoneyOnce(String platform) {
        open(platform);
        wallet("CASHBACK", "12.00");
        Api keyed = world.asAdmin().header("Idempotency-Key", Fixtures.unique("wallet"));

        Api.Response made = spend(keyed, "CASHBACK", "8.00");
        Api.Response again = spend(keyed, "CASHBACK", "8.00");

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().path("purpose").asString()).isEqualTo("CASHBACK");
        assertThat(made.json().path("points").asLong()).isZero();
        String code = made.json().path("code").asString();
        assertThat(again.json().path("code").asString()).as("same Idempotency-Key, same code").isEqualTo(code);
        assertThat(createRequests()).isEqualTo(1);
        assertThat(lastCreate()).contains(code).contains("8.00").as("8.00 is at most 50 % of a 16.00 cart")
                .contains("16.00");
        assertThat(available("CASHBACK")).isEqualTo("4.00");
        assertThat(held("CASHBACK")).isEqualTo("8.00");

        processed(order(991, code, "paid", null, "e-01"));
        processed(order(991, code, "paid", null, "e-02"));

        assertThat(held("CASHBACK")).isEqualTo("0.00");
        assertThat(available("CASHBACK")).as("taken once").isEqualTo("4.00");
        assertThat(jdbc.sql("select status || ':' || order_id from shop_code where code = :c").param("c", code)
                .query(String.class).single()).isEqualTo("USED:991");
        world.assertBooksBalance();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aRefundGivesBackItsShareAndACancelledOrderGivesBackTheRest(String platform) {
        open(platform);
        wallet("DISCOUNT", "10.00");
        String code = spend(world.asAdmin(), "DISCOUNT", "10.00").json().path("code").asString();
        processed(order(992, code, "paid", null, "e-01"));
        assertThat(available("DISCOUNT")).as("the discount wallet's 10.00 went on the order").isEqualTo("0.00");

        processed(order(992, code, "refunded", "10.00", "e-02"));
        assertThat(available("DISCOUNT")).as("10.00 of 40.00 refunded: a quarter comes back").isEqualTo("2.50");
        processed(order(992, code, "refunded", "10.00", "e-03"));
        assertThat(available("DISCOUNT")).as("the same refund again gives nothing more").isEqualTo("2.50");

        processed(order(992, code, "refunded", null, "e-04"));
        assertThat(available("DISCOUNT")).as("refunded in full: all of it, never more").isEqualTo("10.00");
        world.assertBooksBalance();
    }

    /** Prepaid credit on, accepted everywhere; the connection's company sells the member {@code amount} of it. */
    private void prepaid(String amount) {
        Api.Response on = world.asAdmin().put("/api/v1/prepaid/settings", Map.of("enabled", true, "minAmount", "1",
                "maxAmount", "500", "fixedAmounts", java.util.List.of(), "acceptedAt", "ALL",
                "acceptingCompanies", java.util.List.of()));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        Api.Response sold = world.asAdmin().post("/api/v1/prepaid/sales", Map.of("kind", "PREPAID_CREDIT", "member",
                Map.of("id", member), "amount", Map.of("currency", "EUR", "amount", amount), "paymentMethod", "CARD",
                "receiptNumber", Fixtures.unique("R"), "storeId", storeId));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aMembersPrepaidCreditGoesThroughTheSameWalletCodesTakenOnceAndRefundedByShare(String platform) {
        open(platform);
        prepaid("12.00");

        Api.Response made = spend(world.asAdmin(), "PREPAID", "8.00");

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().path("purpose").asString()).isEqualTo("PREPAID");
        String code = made.json().path("code").asString();
        assertThat(lastCreate()).contains(code).contains("8.00");
        assertThat(available("PREPAID")).isEqualTo("4.00");
        assertThat(held("PREPAID")).isEqualTo("8.00");

        processed(order(994, code, "paid", null, "e-01"));
        processed(order(994, code, "paid", null, "e-02"));
        assertThat(held("PREPAID")).isEqualTo("0.00");
        assertThat(available("PREPAID")).as("taken once").isEqualTo("4.00");

        processed(order(994, code, "refunded", "10.00", "e-03"));
        assertThat(available("PREPAID")).as("a quarter of the order refunded: 2.00 of the 8.00 back")
                .isEqualTo("6.00");
        world.assertBooksBalance();
    }

    @Test
    void aCancelledOrderGivesTheMoneyBackAndTheCodeIsThenDeletedInTheShop() {
        open("WOOCOMMERCE");
        wallet("CASHBACK", "6.00");
        String code = spend(world.asAdmin(), "CASHBACK", null).json().path("code").asString();
        assertThat(held("CASHBACK")).as("the whole balance when no amount is given").isEqualTo("6.00");

        processed(order(993, code, "cancelled", null, "e-01"));
        assertThat(held("CASHBACK")).isEqualTo("0.00");
        assertThat(available("CASHBACK")).isEqualTo("6.00");

        expiry.runAt(Instant.now());
        shop.verify(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/wp-json/wc/v3/coupons/654")));
        assertThat(available("CASHBACK")).as("given back once").isEqualTo("6.00");
        world.assertBooksBalance();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void anUnusedCodeExpiresInTheShopAndReleasesTheMoney(String platform) {
        open(platform);
        wallet("CASHBACK", "5.00");
        spend(world.asAdmin(), "CASHBACK", "5.00");
        assertThat(held("CASHBACK")).isEqualTo("5.00");

        expiry.runAt(Instant.now().plus(Duration.ofDays(8)));

        assertThat(held("CASHBACK")).isEqualTo("0.00");
        assertThat(available("CASHBACK")).isEqualTo("5.00");
        world.assertBooksBalance();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aShopThatRefusesReleasesTheMoneyAndKeepsNoOpenCode(String platform) {
        open(platform);
        refuses();
        wallet("CASHBACK", "5.00");

        Api.Response r = spend(world.asAdmin(), "CASHBACK", "5.00");

        assertThat(r.status()).as(r.toString()).isEqualTo(502);
        assertThat(r.code()).isEqualTo("shop-refused");
        assertThat(available("CASHBACK")).isEqualTo("5.00");
        assertThat(held("CASHBACK")).isEqualTo("0.00");
        assertThat(jdbc.sql("select count(*) from shop_code where connection_id = :c and status <> 'FAILED'")
                .param("c", connectionId).query(Long.class).single()).isZero();
        world.assertBooksBalance();
    }

    @Test
    void moreThanTheWalletHoldsOrAPurposeThatIsNotMoneyIsRefusedBeforeTheShopIsAsked() {
        open("WOOCOMMERCE");
        wallet("CASHBACK", "5.00");

        Api.Response greedy = spend(world.asAdmin(), "CASHBACK", "9.00");
        Api.Response points = spend(world.asAdmin(), "POINTS", "1.00");

        assertThat(greedy.status()).isEqualTo(422);
        assertThat(greedy.code()).isEqualTo("insufficient-wallet");
        assertThat(points.status()).isEqualTo(400);
        assertThat(createRequests()).isZero();
    }
}
