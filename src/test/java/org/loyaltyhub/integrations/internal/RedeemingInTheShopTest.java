package org.loyaltyhub.integrations.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Redeeming points in the shop: a held redemption becomes a single-use code for one customer in the shop. */
class RedeemingInTheShopTest extends ShopScenario {

    @Autowired
    CodeExpiry expiry;
    @Autowired
    CustomerMatcher matcher;
    @Autowired
    Connections connections;
    @Autowired
    JdbcClient jdbc;

    private WireMockServer shop;

    @BeforeEach
    void start() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
    }

    @AfterEach
    void stop() {
        shop.stop();
    }

    private long woo(String email) {
        connect("WOOCOMMERCE", Map.of(), Map.of("shopUrl", shop.baseUrl(), "apiKey", "ck_codes", "apiSecret", "cs_codes"));
        long m = member(email);
        credit(m, 1000);
        return m;
    }

    private void credit(long member, long points) {
        Api.Response r = world.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", points, "note", "gift"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private Api.Response redeem(long member, Map<String, Object> what) {
        Map<String, Object> body = new LinkedHashMap<>(what);
        body.put("memberId", member);
        return world.asAdmin().post("/api/v1/connections/" + connectionId + "/codes", body);
    }

    private void wooAccepts() {
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":321,\"code\":\"x\"}")));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    private long held(long member) {
        return world.points(member).path("held").asLong();
    }

    private Shops.Answer wooOrder(long orderId, String status, String modified, String email, String code) {
        String body = Api.JSON.writeValueAsString(Map.ofEntries(Map.entry("id", orderId), Map.entry("status", status),
                Map.entry("currency", "EUR"), Map.entry("total", "45.00"), Map.entry("customer_id", 5),
                Map.entry("billing", Map.of("email", email)), Map.entry("date_created_gmt", "2026-01-10T10:00:00"),
                Map.entry("date_modified_gmt", modified), Map.entry("line_items", List.of()),
                Map.entry("refunds", List.of()),
                Map.entry("coupon_lines", List.of(Map.of("code", code, "discount", "5.00")))));
        return Shops.post(port, "/api/v1/hooks/woocommerce/" + connectionId, "application/json", body,
                Map.of("X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Signature", Shops.sign(secret, body)));
    }

    @Test
    void aWooCommerceCodeIsASingleUseFixedCartCouponForTheMembersEmailWithTheHoldInItsMetadata() {
        String email = Fixtures.unique("code") + "@shop.test";
        long m = woo(email);
        wooAccepts();

        Api.Response r = redeem(m, Map.of("amount", "5.00"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String code = r.json().path("code").asString();
        assertThat(code).matches("LH-[A-Z2-7]{10}");
        assertThat(r.json().path("points").asLong()).isEqualTo(500);
        assertThat(r.json().path("status").asString()).isEqualTo("CREATED");
        assertThat(available(m)).isEqualTo(500);
        assertThat(held(m)).isEqualTo(500);
        long holdId = jdbc.sql("select hold_id from shop_code where code = :c").param("c", code).query(Long.class).single();
        assertThat(code).isEqualTo(CodeService.code(connections.find(connectionId).orElseThrow(), holdId));
        shop.verify(postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons"))
                .withHeader("Authorization", equalTo(basic("ck_codes", "cs_codes")))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .withRequestBody(matchingJsonPath("$.discount_type", equalTo("fixed_cart")))
                .withRequestBody(equalToJson("{\"amount\":\"5.00\",\"individual_use\":true,\"usage_limit\":1,"
                        + "\"usage_limit_per_user\":1,\"email_restrictions\":[\"" + email + "\"],"
                        + "\"meta_data\":[{\"key\":\"loyaltyhub_hold\",\"value\":\"" + holdId + "\"}]}", true, true))
                .withRequestBody(matchingJsonPath("$.date_expires_gmt",
                        com.github.tomakehurst.wiremock.client.WireMock.matching("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"))));
        world.assertBooksBalance();
    }

    @Test
    void twoIdenticalRequestsWithOneIdempotencyKeyMakeOneCode() {
        long m = woo(Fixtures.unique("twice") + "@shop.test");
        wooAccepts();
        Api admin = world.asAdmin().header("Idempotency-Key", Fixtures.unique("key"));
        Map<String, Object> body = Map.of("memberId", m, "points", 300);

        Api.Response first = admin.post("/api/v1/connections/" + connectionId + "/codes", body);
        Api.Response second = admin.post("/api/v1/connections/" + connectionId + "/codes", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("code").asString()).isEqualTo(first.json().path("code").asString());
        shop.verify(1, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons")));
        assertThat(available(m)).isEqualTo(700);
    }

    @Test
    void aCodeTheShopAlreadyHasIsLookedUpRatherThanMadeTwice() {
        long m = woo(Fixtures.unique("exists") + "@shop.test");
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"code\":\"woocommerce_rest_coupon_code_already_exists\",\"message\":\"The coupon code already exists\"}")));
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));

        Api.Response missing = redeem(m, Map.of("points", 100));
        assertThat(missing.status()).as("exists, yet cannot be found: refused").isEqualTo(502);

        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":99,\"code\":\"{{request.query.code}}\"}]").withTransformers("response-template")));
        Api.Response r = redeem(m, Map.of("points", 100));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(jdbc.sql("select shop_id from shop_code where code = :c").param("c", r.json().path("code").asString())
                .query(String.class).single()).isEqualTo("99");
    }

    @Test
    void aShopThatRefusesOrFailsGetsThePointsReleasedAndTheCallerAShopRefusedProblem() {
        long m = woo(Fixtures.unique("refused") + "@shop.test");
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"woocommerce_rest_cannot_create\",\"message\":\"Sorry, you are not allowed to create resources.\"}")));

        Api.Response r = redeem(m, Map.of("points", 200));

        assertThat(r.status()).as(r.toString()).isEqualTo(502);
        assertThat(r.code()).isEqualTo("shop-refused");
        assertThat(r.json().path("detail").asString()).contains("HTTP 401").contains("not allowed to create");
        assertThat(available(m)).isEqualTo(1000);
        assertThat(held(m)).isZero();

        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(aResponse().withStatus(500)));
        assertThat(redeem(m, Map.of("points", 200)).status()).isEqualTo(502);
        assertThat(available(m)).isEqualTo(1000);
        assertThat(jdbc.sql("select count(*) from shop_code where connection_id = :c and status <> 'FAILED'")
                .param("c", connectionId).query(Long.class).single()).isZero();
        world.assertBooksBalance();
    }

    @Test
    void moreThanTheBalanceIsRefusedBeforeTheShopIsAsked() {
        long m = woo(Fixtures.unique("greedy") + "@shop.test");
        wooAccepts();
        Api.Response r = redeem(m, Map.of("points", 5000));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("too-many-points");
        shop.verify(0, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons")));
    }

    @Test
    void anOrderUsingTheCodeCapturesThePointsOnceAndMarksTheCodeUsed() {
        String email = Fixtures.unique("used") + "@shop.test";
        long m = woo(email);
        wooAccepts();
        String code = redeem(m, Map.of("amount", "5.00")).json().path("code").asString();

        JsonNode d = processed(wooOrder(880, "processing", "2026-01-10T10:05:00", email, code.toLowerCase()));
        assertThat(d.path("status").asString()).as(d.toString()).isEqualTo("PROCESSED");
        processed(wooOrder(880, "completed", "2026-01-10T11:00:00", email, code.toLowerCase()));

        assertThat(held(m)).isZero();
        assertThat(available(m)).as("1000 - 500 redeemed + 45 earned").isEqualTo(545);
        assertThat(jdbc.sql("select status || ':' || order_id from shop_code where code = :c").param("c", code)
                .query(String.class).single()).isEqualTo("USED:880");
        world.assertBooksBalance();
    }

    private Shops.Answer refundedWooOrder(long orderId, String status, String modified, String email, String code,
                                          List<Map<String, Object>> refunds) {
        String body = Api.JSON.writeValueAsString(Map.ofEntries(Map.entry("id", orderId), Map.entry("status", status),
                Map.entry("currency", "EUR"), Map.entry("total", "45.00"), Map.entry("customer_id", 5),
                Map.entry("billing", Map.of("email", email)), Map.entry("date_created_gmt", "2026-01-10T10:00:00"),
                Map.entry("date_modified_gmt", modified), Map.entry("line_items", List.of()), Map.entry("refunds", refunds),
                Map.entry("coupon_lines", List.of(Map.of("code", code, "discount", "5.00")))));
        return Shops.post(port, "/api/v1/hooks/woocommerce/" + connectionId, "application/json", body,
                Map.of("X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Signature", Shops.sign(secret, body)));
    }

    @Test
    void partialRefundsGiveBackTheirShareOfTheRedeemedPointsOnceAndTheRestComesBackWithTheFullRefund() {
        String email = Fixtures.unique("partial") + "@shop.test";
        long m = woo(email);
        wooAccepts();
        String code = redeem(m, Map.of("amount", "5.00")).json().path("code").asString();
        processed(refundedWooOrder(882, "processing", "2026-01-10T10:05:00", email, code, List.of()));
        assertThat(available(m)).as("1000 - 500 redeemed + 45 earned").isEqualTo(545);

        List<Map<String, Object>> one = List.of(Map.of("id", 71, "total", "-9.00"));
        processed(refundedWooOrder(882, "processing", "2026-01-11T10:00:00", email, code, one));
        assertThat(available(m)).as("500 + 36 earned on what was kept + 100 (9 of 45) of the redeemed").isEqualTo(636);
        processed(refundedWooOrder(882, "processing", "2026-01-11T10:00:01", email, code, one));
        assertThat(available(m)).as("the same refund again gives nothing more").isEqualTo(636);

        List<Map<String, Object>> two = List.of(Map.of("id", 71, "total", "-9.00"), Map.of("id", 72, "total", "-4.50"));
        processed(refundedWooOrder(882, "processing", "2026-01-12T10:00:00", email, code, two));
        assertThat(available(m)).as("500 + 31 earned + 150 (13.50 of 45) of the redeemed").isEqualTo(681);

        processed(refundedWooOrder(882, "refunded", "2026-01-13T10:00:00", email, code,
                List.of(Map.of("id", 71, "total", "-9.00"), Map.of("id", 72, "total", "-4.50"), Map.of("id", 73, "total", "-31.50"))));
        assertThat(available(m)).as("all 500 redeemed points back, nothing earned, never more").isEqualTo(1000);
        assertThat(held(m)).isZero();
        world.assertBooksBalance();
    }

    @Test
    void anOrderCancelledBeforePaymentGivesThePointsBackAndTheCodeIsThenDeletedInTheShop() {
        String email = Fixtures.unique("cancel") + "@shop.test";
        long m = woo(email);
        wooAccepts();
        String code = redeem(m, Map.of("amount", "5.00")).json().path("code").asString();
        processed(wooOrder(881, "pending", "2026-01-10T10:05:00", email, code));
        assertThat(held(m)).isEqualTo(500);

        processed(wooOrder(881, "cancelled", "2026-01-10T10:30:00", email, code));
        assertThat(held(m)).isZero();
        assertThat(available(m)).isEqualTo(1000);

        shop.stubFor(delete(urlPathEqualTo("/wp-json/wc/v3/coupons/321")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id\":321}")));
        expiry.runAt(Instant.now());
        shop.verify(deleteRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons/321")).withQueryParam("force", equalTo("true")));
        assertThat(jdbc.sql("select status from shop_code where code = :c").param("c", code).query(String.class).single())
                .isEqualTo("EXPIRED");
        world.assertBooksBalance();
    }

    @Test
    void anExpiredWooCommerceCodeIsDeletedInTheShopAndItsPointsReleased() {
        long m = woo(Fixtures.unique("expired") + "@shop.test");
        wooAccepts();
        String code = redeem(m, Map.of("points", 400)).json().path("code").asString();
        shop.stubFor(delete(urlPathEqualTo("/wp-json/wc/v3/coupons/321")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id\":321}")));

        expiry.runAt(Instant.now());
        assertThat(held(m)).as("not due yet").isEqualTo(400);

        expiry.runAt(Instant.now().plus(Duration.ofDays(8)));
        shop.verify(deleteRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons/321"))
                .withHeader("Authorization", equalTo(basic("ck_codes", "cs_codes"))));
        assertThat(held(m)).isZero();
        assertThat(available(m)).isEqualTo(1000);
        assertThat(jdbc.sql("select status from shop_code where code = :c").param("c", code).query(String.class).single())
                .isEqualTo("EXPIRED");
        world.assertBooksBalance();
    }

    @Test
    void aShopifyCodeIsABasicCodeDiscountForTheLinkedCustomerAndIsDeletedWhenItExpires() {
        connect("SHOPIFY", Map.of(), Map.of("shopUrl", shop.baseUrl(), "shopDomain", Fixtures.unique("codes") + ".myshopify.com",
                "apiKey", "shpat_codes"));
        long m = member(Fixtures.unique("shopify") + "@shop.test");
        credit(m, 1000);
        matcher.link(connections.find(connectionId).orElseThrow(), "4711", m);
        String graphql = "/admin/api/2025-10/graphql.json";
        shop.stubFor(post(urlPathEqualTo(graphql)).withRequestBody(containing("discountCodeBasicCreate"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"data\":{\"discountCodeBasicCreate\":{\"codeDiscountNode\":{\"id\":\"gid://shopify/DiscountCodeNode/55\"},\"userErrors\":[]}}}")));
        shop.stubFor(post(urlPathEqualTo(graphql)).withRequestBody(containing("discountCodeDelete"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"data\":{\"discountCodeDelete\":{\"deletedCodeDiscountId\":\"gid://shopify/DiscountCodeNode/55\",\"userErrors\":[]}}}")));

        Api.Response r = redeem(m, Map.of("amount", "2.50"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String code = r.json().path("code").asString();
        shop.verify(postRequestedFor(urlPathEqualTo(graphql)).withHeader("X-Shopify-Access-Token", equalTo("shpat_codes"))
                .withRequestBody(matchingJsonPath("$.query", containing("discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount)")))
                .withRequestBody(equalToJson("{\"variables\":{\"basicCodeDiscount\":{\"code\":\"" + code + "\","
                        + "\"usageLimit\":1,\"appliesOncePerCustomer\":true,"
                        + "\"customerGets\":{\"value\":{\"discountAmount\":{\"amount\":\"2.50\",\"appliesOnEachItem\":false}},"
                        + "\"items\":{\"all\":true}},"
                        + "\"context\":{\"customers\":{\"add\":[\"gid://shopify/Customer/4711\"]}},"
                        + "\"combinesWith\":{\"orderDiscounts\":false,\"productDiscounts\":false,\"shippingDiscounts\":true}}}}",
                        true, true))
                .withRequestBody(matchingJsonPath("$.variables.basicCodeDiscount.startsAt"))
                .withRequestBody(matchingJsonPath("$.variables.basicCodeDiscount.endsAt")));
        assertThat(held(m)).isEqualTo(250);

        expiry.runAt(Instant.now().plus(Duration.ofDays(8)));
        shop.verify(postRequestedFor(urlPathEqualTo(graphql)).withRequestBody(containing("discountCodeDelete"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/DiscountCodeNode/55"))));
        assertThat(held(m)).isZero();
        assertThat(available(m)).isEqualTo(1000);
    }

    @Test
    void aShopifyMemberNeverSeenInTheShopCannotGetACode() {
        connect("SHOPIFY", Map.of(), Map.of("shopUrl", shop.baseUrl(), "shopDomain", Fixtures.unique("nolink") + ".myshopify.com",
                "apiKey", "shpat_codes"));
        long m = member(Fixtures.unique("unlinked") + "@shop.test");
        credit(m, 1000);
        Api.Response r = redeem(m, Map.of("points", 100));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("customer-not-in-shop");
        assertThat(held(m)).isZero();
    }

    @Test
    void aPrestaShopCodeIsACartRuleForTheCustomerSentAsXmlAndIsDeletedWhenItExpires() {
        connect("PRESTASHOP", Map.of(), Map.of("shopUrl", shop.baseUrl(), "apiKey", "PSKEY123456"));
        long m = member(Fixtures.unique("presta") + "@shop.test");
        credit(m, 1000);
        matcher.link(connections.find(connectionId).orElseThrow(), "7", m);
        shop.stubFor(get(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"cart_rules\":[]}")));
        shop.stubFor(post(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"cart_rule\":{\"id\":12}}")));
        shop.stubFor(delete(urlPathEqualTo("/api/cart_rules/12")).willReturn(aResponse().withStatus(200)));

        Api.Response r = redeem(m, Map.of("points", 300));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String code = r.json().path("code").asString();
        shop.verify(postRequestedFor(urlPathEqualTo("/api/cart_rules"))
                .withHeader("Authorization", equalTo(basic("PSKEY123456", "")))
                .withHeader("Content-Type", containing("xml"))
                .withRequestBody(containing("<code><![CDATA[" + code + "]]></code>"))
                .withRequestBody(containing("<id_customer><![CDATA[7]]></id_customer>"))
                .withRequestBody(containing("<quantity>1</quantity>"))
                .withRequestBody(containing("<quantity_per_user>1</quantity_per_user>"))
                .withRequestBody(containing("<reduction_amount>3.00</reduction_amount>"))
                .withRequestBody(containing("<reduction_tax>1</reduction_tax>"))
                .withRequestBody(containing("<reduction_currency>1</reduction_currency>"))
                .withRequestBody(containing("<name><language id=\"1\">"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matching(
                        "(?s).*<date_from>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d</date_from>\\s*<date_to>.*")));

        expiry.runAt(Instant.now().plus(Duration.ofDays(8)));
        shop.verify(deleteRequestedFor(urlPathEqualTo("/api/cart_rules/12")));
        assertThat(available(m)).isEqualTo(1000);
        assertThat(held(m)).isZero();
    }

    @Test
    void aPrestaShopCartRuleIsInTheShopsCurrencyOfThatCodeAndNamedInEveryActiveLanguage() {
        connect("PRESTASHOP", Map.of(), Map.of("shopUrl", shop.baseUrl(), "apiKey", "PSKEY654321"));
        long m = member(Fixtures.unique("presta") + "@shop.test");
        credit(m, 1000);
        matcher.link(connections.find(connectionId).orElseThrow(), "8", m);
        shop.stubFor(get(urlPathEqualTo("/api/currencies")).withQueryParam("filter[iso_code]", equalTo("[EUR]"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"currencies\":[{\"id\":3,\"iso_code\":\"EUR\"}]}")));
        shop.stubFor(get(urlPathEqualTo("/api/languages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"languages\":[{\"id\":1,\"active\":\"1\"},{\"id\":4,\"active\":\"1\"}]}")));
        shop.stubFor(get(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        shop.stubFor(post(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"cart_rule\":{\"id\":13}}")));

        assertThat(redeem(m, Map.of("points", 200)).status()).isEqualTo(201);
        shop.verify(postRequestedFor(urlPathEqualTo("/api/cart_rules"))
                .withRequestBody(containing("<reduction_currency>3</reduction_currency>"))
                .withRequestBody(containing("<minimum_amount_currency>3</minimum_amount_currency>"))
                .withRequestBody(containing("<language id=\"1\"><![CDATA[LoyaltyHub 200 points]]></language>"
                        + "<language id=\"4\"><![CDATA[LoyaltyHub 200 points]]></language>")));

        // a shop without the circuit's currency: refused before a cart rule is made, the points go back
        shop.stubFor(get(urlPathEqualTo("/api/currencies")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"currencies\":[]}")));
        Api.Response refused = redeem(m, Map.of("points", 100));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().path("detail").asString()).contains("no currency EUR");
        shop.verify(1, postRequestedFor(urlPathEqualTo("/api/cart_rules")));
        assertThat(held(m)).isEqualTo(200);
        world.assertBooksBalance();
    }

    @Test
    void aCodeCarriesTheProgramsLimitsItsMaximumShareOfTheCartSaleItemsAndRedeemableProducts() {
        connect("WOOCOMMERCE", Map.of("maxDiscountPercent", 20, "minCartTotal", "10.00", "excludeDiscounted", true,
                "redeemableProducts", "ONLY_LISTED"), Map.of("shopUrl", shop.baseUrl(), "apiKey", "ck_codes",
                "apiSecret", "cs_codes"));
        String email = Fixtures.unique("limits") + "@shop.test";
        long m = member(email);
        credit(m, 1000);
        wooAccepts();
        assertThat(redeem(m, Map.of("amount", "5.00")).status()).as("nothing listed yet").isEqualTo(422);
        assertThat(held(m)).isZero();
        for (String product : List.of("77", "SKU-NOT-IN-SHOP")) {
            Api.Response rule = world.asAdmin().put("/api/v1/program/product-rules/" + product,
                    Map.of("productId", product, "earnMode", "DEFAULT", "redeemListed", true));
            assertThat(rule.status()).as(rule.toString()).isEqualTo(200);
        }

        Api.Response r = redeem(m, Map.of("amount", "5.00"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        shop.verify(postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons")).withRequestBody(equalToJson(
                "{\"amount\":\"5.00\",\"minimum_amount\":\"25.00\",\"exclude_sale_items\":true,\"product_ids\":[77]}",
                true, true)));
    }

    /** The state a server leaves when it stops between holding the points and hearing from the shop. */
    private void leftPending(String code) {
        jdbc.sql("update shop_code set status = 'PENDING', shop_id = null, created_at = now() - interval '10 minutes' "
                + "where code = :c").param("c", code).update();
    }

    @Test
    void aCodeLeftUnconfirmedByAStoppedServerIsSettledByAskingTheShop() {
        long m = woo(Fixtures.unique("unconfirmed") + "@shop.test");
        wooAccepts();
        String missing = redeem(m, Map.of("points", 300)).json().path("code").asString();
        String present = redeem(m, Map.of("points", 200)).json().path("code").asString();
        leftPending(missing);
        leftPending(present);
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/coupons")).withQueryParam("code", equalTo(missing))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/coupons")).withQueryParam("code", equalTo(present))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[{\"id\":654,\"code\":\"" + present.toLowerCase() + "\"}]")));
        assertThat(held(m)).isEqualTo(500);

        expiry.runAt(Instant.now());

        assertThat(jdbc.sql("select status || ':' || coalesce(shop_id, '-') from shop_code where code = :c")
                .param("c", missing).query(String.class).single()).isEqualTo("FAILED:-");
        assertThat(jdbc.sql("select status || ':' || coalesce(shop_id, '-') from shop_code where code = :c")
                .param("c", present).query(String.class).single()).isEqualTo("CREATED:654");
        assertThat(held(m)).as("only the code the shop has keeps its points").isEqualTo(200);
        assertThat(available(m)).isEqualTo(800);

        expiry.runAt(Instant.now());
        assertThat(held(m)).as("settled once").isEqualTo(200);
        world.assertBooksBalance();
    }
}
