package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 §2: an anonymous gift card spent in a connected shop through the shop-code flow, by a guest as well as a
 * member: its number and PIN (the same rate-limited check as at a counter) give a single-use code of the shop, for
 * anyone who has it, worth min(what is left, what was asked), held on the card; the order using it takes the money
 * once, its refunds give their share back to the card, a cancelled order all of it, an unused code expires and
 * releases it. By the API for a headless checkout, and by the storefront widget with the shop's signed token.
 */
class GiftCardCodesOnEveryPlatformTest extends ShopCodeScenario {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String number;
    private String pin;
    private long cardId;

    /** Prepaid credit on; the connection's company sells a gift card of {@code amount}. */
    private void giftCard(String amount) {
        Api.Response on = world.asAdmin().put("/api/v1/prepaid/settings", Map.of("enabled", true, "minAmount", "1",
                "maxAmount", "500", "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies", List.of()));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        Api.Response sold = world.asAdmin().post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD", "amount",
                Map.of("currency", "EUR", "amount", amount), "paymentMethod", "CASH",
                "receiptNumber", Fixtures.unique("G"), "storeId", storeId));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        number = sold.json().path("sale").path("cardNumber").asString();
        pin = sold.json().path("pin").asString();
        cardId = sold.json().path("sale").path("giftCardId").asLong();
    }

    private Api.Response spend(String cardPin, String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("cardNumber", number, "pin", cardPin));
        if (amount != null) {
            body.put("amount", amount);
        }
        return world.asAdmin().post("/api/v1/connections/" + connectionId + "/gift-card-codes", body);
    }

    private String left() {
        return amount(card().path("card").path("available"));
    }

    private String held() {
        return amount(card().path("card").path("held"));
    }

    private JsonNode card() {
        return world.asAdmin().get("/api/v1/gift-cards/" + cardId).json();
    }

    private static String amount(JsonNode money) {
        return new java.math.BigDecimal(money.path("amount").asString()).setScale(2).toPlainString();
    }

    /** The order comes from a shopper who is nobody's member (WooCommerce matches customers by e-mail). */
    private void guestOrders() {
        email = Fixtures.unique("guest") + "@shop.test";
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aGiftCardBecomesACodeForAnyoneForWhatIsLeftAndTheOrderUsingItTakesTheMoneyOnce(String platform) {
        open(platform);
        giftCard("20.00");

        Api.Response made = spend(pin, "30.00");

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().path("purpose").asString()).isEqualTo("GIFT_CARD");
        assertThat(made.json().path("memberId").isNull()).as("a code of no member").isTrue();
        assertThat(made.json().path("amount").decimalValue()).as("min(what is left, what was asked)")
                .isEqualByComparingTo("20.00");
        String code = made.json().path("code").asString();
        String request = lastCreate();
        assertThat(request).contains(code).contains("20.00");
        switch (platform) {
            case "WOOCOMMERCE" -> assertThat(request).as("for any e-mail").doesNotContain("email_restrictions");
            case "SHOPIFY" -> assertThat(request).as("for every buyer").contains("\"all\":\"ALL\"")
                    .doesNotContain("gid://shopify/Customer/");
            default -> assertThat(request).as("for any customer").contains("<id_customer>0</id_customer>");
        }
        assertThat(left()).isEqualTo("0.00");
        assertThat(held()).isEqualTo("20.00");
        assertThat(jdbc.sql("select member_id is null from shop_code where code = :c").param("c", code)
                .query(Boolean.class).single()).isTrue();

        guestOrders();
        processed(order(981, code, "paid", null, "e-01"));
        processed(order(981, code, "paid", null, "e-02"));

        assertThat(held()).isEqualTo("0.00");
        assertThat(left()).as("taken once").isEqualTo("0.00");
        assertThat(jdbc.sql("select status || ':' || order_id from shop_code where code = :c").param("c", code)
                .query(String.class).single()).isEqualTo("USED:981");

        processed(order(981, code, "refunded", "10.00", "e-03"));
        assertThat(left()).as("a quarter of the 40.00 order refunded: 5.00 of the 20.00 back").isEqualTo("5.00");
        processed(order(981, code, "refunded", "10.00", "e-04"));
        assertThat(left()).as("the same refund again gives nothing more").isEqualTo("5.00");
        processed(order(981, code, "refunded", null, "e-05"));
        assertThat(left()).as("refunded in full: all of it, never more").isEqualTo("20.00");
        world.assertBooksBalance();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WOOCOMMERCE", "SHOPIFY", "PRESTASHOP"})
    void aCancelledOrderGivesItAllBackAndAnUnusedCodeExpiresAndReleasesIt(String platform) {
        open(platform);
        giftCard("30.00");
        String code = spend(pin, "12.50").json().path("code").asString();
        assertThat(left()).isEqualTo("17.50");

        guestOrders();
        processed(order(982, code, "paid", null, "e-01"));
        processed(order(982, code, "cancelled", null, "e-02"));
        assertThat(left()).isEqualTo("30.00");

        spend(pin, "4.00");
        assertThat(held()).isEqualTo("4.00");
        expiry.runAt(Instant.now().plus(Duration.ofDays(8)));
        assertThat(held()).isEqualTo("0.00");
        assertThat(left()).isEqualTo("30.00");
        world.assertBooksBalance();
    }

    @Test
    void fiveWrongPinsLockTheCardFifteenMinutesWith429AndRetryAfterAndNothingIsHeldOrAskedOfTheShop() {
        open("WOOCOMMERCE");
        giftCard("10.00");
        String wrong = pin.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            Api.Response r = spend(wrong, null);
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("wrong-pin");
        }
        Api.Response fifth = spend(wrong, null);
        Api.Response right = spend(pin, null);

        assertThat(fifth.status()).as(fifth.toString()).isEqualTo(429);
        assertThat(right.status()).as("locked, the right PIN too").isEqualTo(429);
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(createRequests()).isZero();
        assertThat(held()).isEqualTo("0.00");
        assertThat(left()).isEqualTo("10.00");
        assertThat(jdbc.sql("select count(*) from shop_code where connection_id = :c").param("c", connectionId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCardAttachedToAMemberOrAnAmountInAnotherShapeIsRefusedBeforeTheShopIsAsked() {
        open("WOOCOMMERCE");
        giftCard("10.00");
        assertThat(spend(pin, "-1").status()).isEqualTo(400);
        assertThat(spend(pin, "0.001").status()).isEqualTo(400);
        assertThat(world.asAdmin().post("/api/v1/gift-cards/attach", Map.of("cardNumber", number, "pin", pin,
                "member", Map.of("id", member))).status()).isEqualTo(200);

        Api.Response attached = spend(pin, null);

        assertThat(attached.status()).as(attached.toString()).isEqualTo(409);
        assertThat(createRequests()).isZero();
    }

    @Test
    void theStorefrontWidgetTurnsAGuestsGiftCardIntoACodeWithTheShopsSignedToken() {
        open("PRESTASHOP");
        giftCard("15.00");
        String guestToken = token(Instant.now().getEpochSecond() + 600);
        Map<String, String> headers = Map.of("X-LoyaltyHub-Customer-Token", guestToken, "Origin", shop.baseUrl(),
                "Content-Type", "application/json");

        assertThat(send("GET", "/api/v1/widget/me", headers, null).statusCode()).as("a guest is no member")
                .isEqualTo(404);
        HttpResponse<String> made = send("POST", "/api/v1/widget/gift-card-codes", headers,
                "{\"cardNumber\":\"" + number + "\",\"pin\":\"" + pin + "\",\"amount\":\"6.00\"}");
        HttpResponse<String> foreign = send("POST", "/api/v1/widget/gift-card-codes", Map.of(
                "X-LoyaltyHub-Customer-Token", guestToken, "Origin", "https://elsewhere.test",
                "Content-Type", "application/json"), "{\"cardNumber\":\"" + number + "\",\"pin\":\"" + pin + "\"}");
        HttpResponse<String> unsigned = send("POST", "/api/v1/widget/gift-card-codes", Map.of(
                "Content-Type", "application/json"), "{\"cardNumber\":\"" + number + "\",\"pin\":\"" + pin + "\"}");

        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(Api.JSON.readTree(made.body()).path("amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(held()).isEqualTo("6.00");
        assertThat(createRequests()).isEqualTo(1);
        world.assertBooksBalance();
    }

    @Test
    void onAShopifyStorefrontAGuestsGiftCardBecomesACodeThroughTheSignedAppProxyWithTheSamePinLock() {
        open("SHOPIFY");
        giftCard("15.00");
        String wrong = pin.equals("000000") ? "111111" : "000000";
        Map<String, String> json = Map.of("Content-Type", "application/json");

        HttpResponse<String> made = send("POST", proxied("gift-card-codes", ""), json,
                "{\"cardNumber\":\"" + number + "\",\"pin\":\"" + pin + "\",\"amount\":\"6.00\"}");
        HttpResponse<String> forged = send("POST", proxied("gift-card-codes", "").replace("signature=",
                "signature=0"), json, "{\"cardNumber\":\"" + number + "\",\"pin\":\"" + pin + "\"}");

        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(Api.JSON.readTree(made.body()).path("amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(held()).isEqualTo("6.00");
        assertThat(createRequests()).isEqualTo(1);

        for (int i = 1; i <= 4; i++) {
            assertThat(spend(wrong, null).code()).isEqualTo("wrong-pin");
        }
        HttpResponse<String> fifth = send("POST", proxied("gift-card-codes", ""), json,
                "{\"cardNumber\":\"" + number + "\",\"pin\":\"" + wrong + "\"}");
        assertThat(fifth.statusCode()).as("the fifth wrong PIN, through the proxy, locks the card").isEqualTo(429);
        assertThat(spend(pin, null).status()).as("locked for the headless checkout too").isEqualTo(429);
        assertThat(createRequests()).isEqualTo(1);
        world.assertBooksBalance();
    }

    /** A path of the app proxy as Shopify forwards it: the shop, the customer (empty: a guest), signed. */
    private String proxied(String call, String customerId) {
        java.util.TreeMap<String, String> q = new java.util.TreeMap<>(Map.of("shop", domain, "logged_in_customer_id",
                customerId, "path_prefix", "/apps/loyaltyhub", "timestamp",
                String.valueOf(clock.instant().getEpochSecond())));
        StringBuilder message = new StringBuilder();
        StringBuilder query = new StringBuilder();
        q.forEach((k, v) -> {
            message.append(k).append('=').append(v);
            query.append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
        });
        return "/api/v1/hooks/shopify/proxy/" + call + "?" + query + "signature="
                + Signatures.hexHmac(secret, message.toString());
    }

    /** The shop's signed token for a guest: no user id, no e-mail. */
    private String token(long exp) {
        String payload = "{\"v\":1,\"platform\":\"prestashop\",\"connection\":" + connectionId + ",\"shop\":\""
                + shop.baseUrl() + "\",\"exp\":" + exp + "}";
        String first = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return first + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Signatures.hmac(secret, first.getBytes(StandardCharsets.US_ASCII)));
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
