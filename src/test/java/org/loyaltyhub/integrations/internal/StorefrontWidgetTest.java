package org.loyaltyhub.integrations.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The storefront widget over HTTP: the shop's signed token, CORS for the shop's origin, codes, the app proxy. */
class StorefrontWidgetTest extends ShopScenario {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private WireMockServer shop;
    private String email;
    private long member;

    @BeforeEach
    void start() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
    }

    @AfterEach
    void stop() {
        shop.stop();
    }

    private void presta() {
        connect("PRESTASHOP", Map.of(), Map.of("shopUrl", shop.baseUrl(), "apiKey", "PSWIDGET1234"));
        email = Fixtures.unique("widget") + "@shop.test";
        member = member(email);
        Api.Response r = world.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 800, "note", "gift"));
        assertThat(r.status()).isEqualTo(201);
    }

    private String token(String platform, long connection, String userId, long exp, String key) {
        String payload = "{\"v\":1,\"platform\":\"" + platform + "\",\"connection\":" + connection + ",\"shop\":\""
                + shop.baseUrl() + "\",\"user_id\":\"" + userId + "\",\"email\":\"" + email + "\",\"exp\":" + exp + "}";
        String first = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return first + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Signatures.hmac(key, first.getBytes(StandardCharsets.US_ASCII)));
    }

    private String token() {
        return token("prestashop", connectionId, "7", Instant.now().getEpochSecond() + 600, secret);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theScriptIsServedToAnyoneWithoutSigningIn() {
        HttpResponse<String> js = send("GET", "/widget/loyaltyhub.js", Map.of(), null);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(js.body()).contains("X-LoyaltyHub-Customer-Token").contains("X-WP-Nonce").contains("same-origin");
    }

    @Test
    void aCustomerWithAValidTokenSeesTheirNameCardAndPointsFromTheShopsOrigin() {
        presta();
        HttpResponse<String> r = send("GET", "/api/v1/widget/me", Map.of("X-LoyaltyHub-Customer-Token", token(),
                "Origin", shop.baseUrl()), null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(shop.baseUrl());
        var me = Api.JSON.readTree(r.body());
        assertThat(me.path("name").asString()).isEqualTo("Anna Rossi");
        assertThat(me.path("available").asLong()).isEqualTo(800);
        assertThat(me.path("cardNumber").asString()).isNotBlank();
        assertThat(me.path("qrSvg").asString()).startsWith("data:image/svg+xml;base64,");

        HttpResponse<String> svg = send("GET", "/api/v1/widget/card.svg?token="
                + URLEncoder.encode(token(), StandardCharsets.UTF_8), Map.of(), null);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).startsWith("<svg");
    }

    @Test
    void theWidgetShowsTheCustomersTierAndWhatIsMissingForTheNextOne() {
        presta();
        assertThat(world.asAdmin().put("/api/v1/tiers/policy", Map.of("basis", "POINTS_EARNED", "window", "LIFETIME",
                "downgrade", "NEVER", "graceDays", 0)).status()).isEqualTo(200);
        assertThat(world.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Silver", "nameIt", "Argento",
                "threshold", 500)).status()).isEqualTo(201);
        assertThat(world.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Gold", "threshold", 1000)).status())
                .isEqualTo(201);
        assertThat(world.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 100, "note", "welcome to tiers")).status()).isEqualTo(201);
        var tier = Api.JSON.readTree(send("GET", "/api/v1/widget/me", Map.of("X-LoyaltyHub-Customer-Token", token(),
                "Origin", shop.baseUrl()), null).body()).path("tier");
        assertThat(tier.path("tier").path("name").path("it").asString()).isEqualTo("Argento");
        assertThat(tier.path("next").path("name").path("en").asString()).isEqualTo("Gold");
        assertThat(tier.path("missing").asInt()).isEqualTo(100);
        assertThat(send("GET", "/widget/loyaltyhub.js", Map.of(), null).body()).contains("loyaltyhub-tier-next");
    }

    @Test
    void aCustomerWhoSignedUpInTheShopWithAFriendsCodeIsRecordedOnceAndSeesTheirOwnCode() {
        presta();
        org.loyaltyhub.support.ReferralSteps.set(world, Map.of());
        long friend = world.enrol(world.asAdmin(), Map.of("firstName", "Bea", "email",
                Fixtures.unique("friend") + "@shop.test")).path("id").asLong();
        String friendsCode = org.loyaltyhub.support.ReferralSteps.code(world, friend);
        Map<String, String> headers = Map.of("X-LoyaltyHub-Customer-Token", token(), "Origin", shop.baseUrl(),
                "Content-Type", "application/json");

        HttpResponse<String> recorded = send("POST", "/api/v1/widget/referral", headers,
                "{\"code\":\"" + friendsCode + "\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(Api.JSON.readTree(recorded.body()).path("referrerId").asLong()).isEqualTo(friend);
        assertThat(send("POST", "/api/v1/widget/referral", headers, "{\"code\":\"" + friendsCode + "\"}")
                .statusCode()).as("the widget retrying").isEqualTo(201);
        HttpResponse<String> own = send("POST", "/api/v1/widget/referral", headers,
                "{\"code\":\"" + org.loyaltyhub.support.ReferralSteps.code(world, member) + "\"}");
        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(Api.JSON.readTree(own.body()).path("reason").asString()).isEqualTo("SELF_REFERRAL");

        var invitation = Api.JSON.readTree(send("GET", "/api/v1/widget/referral", headers, null).body());
        assertThat(invitation.path("on").asBoolean()).isTrue();
        assertThat(invitation.path("code").asString()).matches("[A-Z2-9]{8}");
        assertThat(world.asAdmin().get("/api/v1/referrals/report").json().path("refusalsByReason")
                .path("SELF_REFERRAL").asLong()).isEqualTo(1);
        assertThat(send("GET", "/widget/loyaltyhub.js", Map.of(), null).body()).contains("/api/v1/widget/referral");
    }

    @Test
    void aBadExpiredOrForeignTokenGets401() {
        presta();
        long now = Instant.now().getEpochSecond();
        for (String bad : new String[] {"", "x.y", token("prestashop", connectionId, "7", now - 5, secret),
                token("prestashop", connectionId, "7", now + 3600, secret),
                token("prestashop", connectionId, "7", now + 600, "wrong-secret"),
                token("prestashop", connectionId + 100_000, "7", now + 600, secret)}) {
            HttpResponse<String> r = send("GET", "/api/v1/widget/me", Map.of("X-LoyaltyHub-Customer-Token", bad), null);
            assertThat(r.statusCode()).as(bad + " " + r.body()).isEqualTo(401);
        }
    }

    @Test
    void thePreflightIsAnsweredForTheShopsOriginOnly() {
        presta();
        Map<String, String> preflight = Map.of("Origin", shop.baseUrl(), "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "x-loyaltyhub-customer-token,content-type");
        HttpResponse<String> ok = send("OPTIONS", "/api/v1/widget/codes", preflight, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains(shop.baseUrl());
        assertThat(ok.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("x-loyaltyhub-customer-token");

        HttpResponse<String> other = send("OPTIONS", "/api/v1/widget/codes", Map.of("Origin", "https://evil.test",
                "Access-Control-Request-Method", "POST"), null);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> foreign = send("GET", "/api/v1/widget/me", Map.of("X-LoyaltyHub-Customer-Token", token(),
                "Origin", "https://evil.test"), null);
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void useMyPointsCreatesOneCodeInTheShopAndShowsItAgainAfterwards() {
        presta();
        shop.stubFor(get(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        shop.stubFor(post(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"cart_rule\":{\"id\":31}}")));
        Map<String, String> h = Map.of("X-LoyaltyHub-Customer-Token", token(), "Content-Type", "application/json",
                "Origin", shop.baseUrl());

        HttpResponse<String> first = send("POST", "/api/v1/widget/codes", h, "{}");
        HttpResponse<String> second = send("POST", "/api/v1/widget/codes", h, "{}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var code = Api.JSON.readTree(first.body());
        assertThat(code.path("code").asString()).startsWith("LH-");
        assertThat(code.path("points").asLong()).as("all the points by default").isEqualTo(800);
        assertThat(Api.JSON.readTree(second.body()).path("code").asString()).isEqualTo(code.path("code").asString());
        shop.verify(1, postRequestedFor(urlPathEqualTo("/api/cart_rules")));
        var me = Api.JSON.readTree(send("GET", "/api/v1/widget/me", h, null).body());
        assertThat(me.path("openCode").path("code").asString()).isEqualTo(code.path("code").asString());
        assertThat(me.path("held").asLong()).isEqualTo(800);
    }

    @Test
    void twoUseMyPointsClicksAtOnceMakeOneCodeAndHoldThePointsOnce() throws Exception {
        presta();
        shop.stubFor(get(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        shop.stubFor(post(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(201).withFixedDelay(700)
                .withHeader("Content-Type", "application/json").withBody("{\"cart_rule\":{\"id\":32}}")));
        Map<String, String> h = Map.of("X-LoyaltyHub-Customer-Token", token(), "Content-Type", "application/json",
                "Origin", shop.baseUrl());

        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var clicks = java.util.stream.IntStream.range(0, 2).mapToObj(i -> pool.submit(() -> {
                go.await();
                return send("POST", "/api/v1/widget/codes", h, "{\"points\":100}");
            })).toList();
            go.countDown();
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (var click : clicks) {
                HttpResponse<String> r = click.get();
                assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
                codes.add(Api.JSON.readTree(r.body()).path("code").asString());
            }
            assertThat(codes).hasSize(1);
        }
        shop.verify(1, postRequestedFor(urlPathEqualTo("/api/cart_rules")));
        var me = Api.JSON.readTree(send("GET", "/api/v1/widget/me", h, null).body());
        assertThat(me.path("held").asLong()).isEqualTo(100);
        assertThat(me.path("available").asLong()).isEqualTo(700);
    }

    @Test
    void shopifysSignedAppProxyShowsTheLoggedInCustomerAndRefusesABadSignature() {
        String domain = Fixtures.unique("proxy") + ".myshopify.com";
        connect("SHOPIFY", Map.of(), Map.of("shopUrl", "https://" + domain, "shopDomain", domain, "apiKey", "shpat_x"));
        email = Fixtures.unique("proxy") + "@shop.test";
        member = member(email);
        TreeMap<String, String> q = new TreeMap<>(Map.of("shop", domain, "logged_in_customer_id", "5150",
                "path_prefix", "/apps/loyalty", "timestamp", String.valueOf(Instant.now().getEpochSecond())));
        StringBuilder message = new StringBuilder();
        StringBuilder query = new StringBuilder();
        q.forEach((k, v) -> {
            message.append(k).append('=').append(v);
            query.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
        });
        // the customer is known by e-mail: link through a customers/create delivery signed by the app secret
        String customer = "{\"id\":5150,\"email\":\"" + email + "\",\"first_name\":\"Anna\",\"last_name\":\"Rossi\"}";
        processed(Shops.post(port, "/api/v1/hooks/shopify/" + connectionId, "application/json", customer,
                Map.of("X-Shopify-Topic", "customers/create", "X-Shopify-Hmac-Sha256", Shops.sign(secret, customer),
                        "X-Shopify-Shop-Domain", domain, "X-Shopify-Event-Id", Fixtures.unique("e"))));
        String signature = Signatures.hexHmac(secret, message.toString());

        HttpResponse<String> ok = send("GET", "/api/v1/hooks/shopify/proxy/me?" + query + "signature=" + signature,
                Map.of(), null);
        HttpResponse<String> upper = send("GET", "/api/v1/hooks/shopify/proxy/me?" + query + "signature="
                + signature.toUpperCase(), Map.of(), null);
        HttpResponse<String> bad = send("GET", "/api/v1/hooks/shopify/proxy/me?" + query.toString()
                .replace("5150", "5151") + "signature=" + signature, Map.of(), null);

        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Api.JSON.readTree(ok.body()).path("name").asString()).isEqualTo("Anna Rossi");
        assertThat(upper.statusCode()).isEqualTo(200);
        assertThat(bad.statusCode()).isEqualTo(401);
    }
    @Test
    void aCustomerSpendsTheirCashbackAndUsesAVoucherInTheShopFromTheWidgetOnceEach() {
        presta();
        shop.stubFor(get(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"cart_rules\":[]}")));
        shop.stubFor(post(urlPathEqualTo("/api/cart_rules")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"cart_rule\":{\"id\":31}}")));
        world.asAdmin().put("/api/v1/money-programs/CASHBACK", Map.of("enabled", true, "percent", "0",
                "minOrder", "0", "maxSharePercent", "100"));
        world.asAdmin().post("/api/v1/members/" + member + "/wallets/CASHBACK/adjustments", Map.of("direction",
                "CREDIT", "amount", Map.of("currency", "EUR", "amount", "6.00"), "note", "gift"));
        long reward = world.asAdmin().post("/api/v1/rewards", Map.of("kind", "FREE_SHIPPING", "titleEn", "Free delivery",
                "titleIt", "Spedizione gratuita", "points", 100)).json().path("id").asLong();
        String voucher = world.asAdmin().post("/api/v1/members/" + member + "/reward-claims",
                Map.of("rewardId", reward, "storeId", storeId)).json().path("code").asString();
        Map<String, String> headers = Map.of("X-LoyaltyHub-Customer-Token", token(), "Origin", shop.baseUrl(),
                "Content-Type", "application/json");

        var me = Api.JSON.readTree(send("GET", "/api/v1/widget/me", headers, null).body());
        assertThat(me.path("wallets").get(0).path("purpose").asString()).isEqualTo("CASHBACK");
        assertThat(me.path("wallets").get(0).path("available").path("amount").asString()).isEqualTo("6.00");
        assertThat(me.path("walletMoves")).hasSize(1);
        assertThat(me.path("walletMoves").get(0).path("kind").asString()).isEqualTo("CASHBACK_MANUAL_CREDIT");
        assertThat(me.path("walletMoves").get(0).path("change").path("amount").asString()).isEqualTo("6.00");
        assertThat(me.path("walletMoves").get(0).has("note")).as("the back office's note stays there").isFalse();
        assertThat(me.path("vouchers").get(0).path("code").asString()).isEqualTo(voucher);
        assertThat(me.path("vouchers").get(0).path("inShop").asBoolean()).isFalse();

        HttpResponse<String> cashback = send("POST", "/api/v1/widget/wallet-codes", headers, "{\"purpose\":\"CASHBACK\"}");
        HttpResponse<String> again = send("POST", "/api/v1/widget/wallet-codes", headers, "{\"purpose\":\"CASHBACK\"}");
        assertThat(cashback.statusCode()).as(cashback.body()).isEqualTo(201);
        var code = Api.JSON.readTree(cashback.body());
        assertThat(code.path("amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(Api.JSON.readTree(again.body()).path("code").asString()).as("the open code again")
                .isEqualTo(code.path("code").asString());

        HttpResponse<String> used = send("POST", "/api/v1/widget/voucher-codes", headers, "{\"code\":\"" + voucher + "\"}");
        assertThat(used.statusCode()).as(used.body()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/widget/voucher-codes", headers, "{}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/widget/wallet-codes", headers, "{\"purpose\":\"POINTS\"}").statusCode())
                .isEqualTo(400);
        shop.verify(2, postRequestedFor(urlPathEqualTo("/api/cart_rules")));
        shop.verify(postRequestedFor(urlPathEqualTo("/api/cart_rules"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("<free_shipping>1</free_shipping>")));
        me = Api.JSON.readTree(send("GET", "/api/v1/widget/me", headers, null).body());
        assertThat(me.path("walletCodes").get(0).path("code").asString()).isEqualTo(code.path("code").asString());
        assertThat(me.path("wallets").get(0).path("available").path("amount").asString()).as("held for the code")
                .isEqualTo("0.00");
        assertThat(me.path("walletMoves")).as("a reservation moves no money out yet").hasSize(1);
        assertThat(me.path("vouchers").get(0).path("inShop").asBoolean()).isTrue();
        world.assertBooksBalance();
    }
}
