package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.integrations.shopify.ShopifyInstall;
import org.loyaltyhub.integrations.woocommerce.WooKeyApproval;
import org.loyaltyhub.integrations.shopify.ShopifyWebhookRegistration;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestShopify;
import org.loyaltyhub.support.World;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connecting by authorisation instead of pasted keys: Shopify's app install (OAuth) and WooCommerce's key exchange,
 * each followed by the registration of the webhooks through the shop's API, against stub shops.
 */
class AuthorisingAShopTest extends IntegrationTest {

    private static final String GRAPHQL = "/admin/api/2025-10/graphql.json";

    @Autowired
    ShopifyInstall authorization;

    @Autowired
    WooKeyApproval wooKeys;

    private WireMockServer woo;
    private World world;
    private long[] company;
    private Caller admin;

    @BeforeEach
    void start() {
        woo = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        woo.start();
        world = fixtures.world(api);
        company = world.company("Bottega");
        admin = new Caller(Role.COMPANY_ADMIN, world.circuitId, company[0], null, 4242L, null, "admin");
    }

    @AfterEach
    void stop() {
        woo.stop();
    }

    private static Map<String, String> params(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The callback's query as Shopify signs it with the app's client secret. */
    private static String now() {
        return String.valueOf(java.time.Instant.now().getEpochSecond());
    }

    @Test
    void aGenuinelySignedShopifyLinkFromAnotherTimeIsRefusedAndInstallsNothing() {
        String domain = Fixtures.unique("replayed") + ".myshopify.com";
        String old = String.valueOf(java.time.Instant.now().minusSeconds(600).getEpochSecond());
        assertThatThrownBy(() -> authorization.verifyLaunch(signed(Map.of("shop", domain, "timestamp", old))))
                .isInstanceOfSatisfying(ShopAuthorization.Refused.class, e -> assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.UNAUTHENTICATED));
        assertThat(authorization.verifyLaunch(signed(Map.of("shop", domain, "timestamp", now())))).isEqualTo(domain);

        String callback = "http://localhost:" + port + "/company/connections/shopify/callback";
        String state = params(authorization.begin(admin, company[1], domain, callback)).get("state");
        String code = Fixtures.unique("code");
        stubTokenExchange(code, "shpat_" + Fixtures.unique("t"), "read_orders,read_customers,write_discounts");
        assertThatThrownBy(() -> authorization.complete(admin, signed(Map.of("code", code, "shop", domain,
                "state", state, "timestamp", old)), "https://x"))
                .isInstanceOfSatisfying(ShopAuthorization.Refused.class, e -> assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.UNAUTHENTICATED));
        assertThatThrownBy(() -> authorization.complete(admin, signed(Map.of("code", code, "shop", domain,
                "state", state)), "https://x"))
                .as("no timestamp at all").isInstanceOf(ShopAuthorization.Refused.class);
        TestShopify.server().verify(0, postRequestedFor(urlEqualTo("/admin/oauth/access_token")).withRequestBody(containing(code)));
        assertThat(connections().size()).isZero();
    }

    private static Map<String, String> signed(Map<String, String> query) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("hmac", Signatures.hexHmac(TestShopify.CLIENT_SECRET, ShopifyInstall.message(q)));
        return q;
    }

    private JsonNode connections() {
        return world.asAdmin().get("/api/v1/companies/" + company[0] + "/connections").json();
    }

    private void stubTokenExchange(String code, String token, String scope) {
        TestShopify.server().stubFor(post(urlEqualTo("/admin/oauth/access_token"))
                .withRequestBody(equalToJson("{\"client_id\":\"" + TestShopify.CLIENT_ID + "\",\"client_secret\":\""
                        + TestShopify.CLIENT_SECRET + "\",\"code\":\"" + code + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + token + "\",\"scope\":\"" + scope + "\"}")));
    }

    private void stubShopifyWebhooks(String token, String existingJson) {
        TestShopify.server().stubFor(post(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(token))
                .withRequestBody(containing("webhookSubscriptions(first"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"webhookSubscriptions\":{\"nodes\":" + existingJson + "}}}")));
        TestShopify.server().stubFor(post(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(token))
                .withRequestBody(containing("webhookSubscriptionCreate"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"webhookSubscriptionCreate\":{\"webhookSubscription\":"
                                + "{\"id\":\"gid://shopify/WebhookSubscription/1\"},\"userErrors\":[]}}}")));
    }

    @Test
    void installingTheShopifyAppStoresTheTokenRegistersTheWebhooksAndTheShopsWebhooksAreAccepted() {
        String domain = Fixtures.unique("bottega") + ".myshopify.com";
        String callback = "http://localhost:" + port + "/company/connections/shopify/callback";
        String authorize = authorization.begin(admin, company[1], domain, callback);
        assertThat(authorize).startsWith(TestShopify.origin() + "/admin/oauth/authorize?");
        Map<String, String> asked = params(authorize);
        assertThat(asked).containsEntry("client_id", TestShopify.CLIENT_ID)
                .containsEntry("scope", "read_orders,read_customers,write_discounts").containsEntry("redirect_uri", callback);
        String code = Fixtures.unique("code");
        String token = "shpat_" + Fixtures.unique("token");
        stubTokenExchange(code, token, "read_orders,read_customers,write_discounts");
        stubShopifyWebhooks(token, "[]");

        Map<String, String> query = signed(Map.of("code", code, "shop", domain, "state", asked.get("state"),
                "timestamp", now(), "host", "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvYm90dGVnYQ"));
        ShopAuthorization.Connected done = authorization.complete(admin, query, "https://loyalty.example");

        long id = done.connection().id();
        assertThat(done.connection().platform()).isEqualTo(Platform.SHOPIFY);
        assertThat(done.connection().shopDomain()).isEqualTo(domain);
        assertThat(done.connection().apiKey().set()).isTrue();
        assertThat(done.webhooks().ok()).as(done.webhooks().toString()).isTrue();
        assertThat(done.webhooks().topics()).extracting(WebhookReport.Topic::action).containsOnly("created").hasSize(7);
        TestShopify.server().verify(1, postRequestedFor(urlEqualTo("/admin/oauth/access_token")).withRequestBody(containing(code)));
        TestShopify.server().verify(7, postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(token))
                .withRequestBody(matchingJsonPath("$.variables.webhookSubscription.uri",
                        equalTo("https://loyalty.example/api/v1/hooks/shopify/" + id))));
        TestShopify.server().verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.topic", equalTo("REFUNDS_CREATE"))));

        // the shop's webhooks are signed with the app's client secret, which the connection now verifies with
        String body = "{\"id\":9001,\"email\":\"" + Fixtures.unique("c") + "@shop.test\"}";
        Shops.Answer hook = Shops.post(port, "/api/v1/hooks/shopify/" + id, "application/json", body,
                Map.of("X-Shopify-Topic", "customers/create", "X-Shopify-Hmac-Sha256", Shops.sign(TestShopify.CLIENT_SECRET, body),
                        "X-Shopify-Shop-Domain", domain, "X-Shopify-Event-Id", Fixtures.unique("event")));
        assertThat(hook.status()).as(hook.body()).isEqualTo(200);

        // the state was used: the same callback again changes nothing
        assertThatThrownBy(() -> authorization.complete(admin, query, "https://loyalty.example"))
                .isInstanceOfSatisfying(ShopAuthorization.Refused.class, e -> assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.INVALID));

        // installing again (a new token) updates the same connection, and finds its webhooks in place
        String again = authorization.begin(admin, company[1], domain, callback);
        String code2 = Fixtures.unique("code");
        String token2 = "shpat_" + Fixtures.unique("token");
        stubTokenExchange(code2, token2, "write_orders,read_customers,write_discounts");
        String hooks = "[" + String.join(",", ShopifyWebhookRegistration.TOPICS.stream().map(t -> "{\"id\":\"gid://x/" + t
                + "\",\"topic\":\"" + t + "\",\"uri\":\"https://loyalty.example/api/v1/hooks/shopify/" + id + "\"}").toList()) + "]";
        stubShopifyWebhooks(token2, hooks);
        ShopAuthorization.Connected reinstalled = authorization.complete(admin, signed(Map.of("code", code2,
                "shop", domain, "state", params(again).get("state"), "timestamp", now())), "https://loyalty.example");
        assertThat(reinstalled.connection().id()).isEqualTo(id);
        assertThat(reinstalled.webhooks().topics()).extracting(WebhookReport.Topic::action).containsOnly("kept");
        assertThat(connections().size()).isEqualTo(1);
    }

    @Test
    void aShopifyCallbackThatIsForgedForeignOrShortOfScopesStoresNothing() {
        String domain = Fixtures.unique("forged") + ".myshopify.com";
        String callback = "http://localhost:" + port + "/company/connections/shopify/callback";
        String state = params(authorization.begin(admin, company[1], domain, callback)).get("state");
        String code = Fixtures.unique("code");
        stubTokenExchange(code, "shpat_" + Fixtures.unique("t"), "read_orders");

        Map<String, String> forged = new LinkedHashMap<>(signed(Map.of("code", code, "shop", domain, "state", state,
                "timestamp", now())));
        forged.put("code", "another-code");
        assertThatThrownBy(() -> authorization.complete(admin, forged, "https://x"))
                .isInstanceOfSatisfying(ShopAuthorization.Refused.class, e -> assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.UNAUTHENTICATED));

        // a forged request does not use up the state; another operator cannot finish someone else's install
        Caller other = new Caller(Role.COMPANY_ADMIN, world.circuitId, company[0], null, 4243L, null, "other");
        Map<String, String> genuine = signed(Map.of("code", code, "shop", domain, "state", state, "timestamp", now()));
        assertThatThrownBy(() -> authorization.complete(other, genuine, "https://x"))
                .isInstanceOfSatisfying(ShopAuthorization.Refused.class, e -> assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.FORBIDDEN));

        // a shop that grants less than asked
        String state2 = params(authorization.begin(admin, company[1], domain, callback)).get("state");
        assertThatThrownBy(() -> authorization.complete(admin, signed(Map.of("code", code, "shop", domain,
                "state", state2, "timestamp", now())), "https://x"))
                .isInstanceOfSatisfying(ShopAuthorization.Refused.class, e -> {
                    assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.FORBIDDEN);
                    assertThat(e.getMessage()).contains("read_customers", "write_discounts");
                });

        // a state started for one shop cannot install another
        String state3 = params(authorization.begin(admin, company[1], domain, callback)).get("state");
        assertThatThrownBy(() -> authorization.complete(admin, signed(Map.of("code", code, "shop",
                Fixtures.unique("other") + ".myshopify.com", "state", state3, "timestamp", now())), "https://x"))
                .isInstanceOfSatisfying(ShopAuthorization.Refused.class, e -> assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.INVALID));

        // Shopify refuses the code
        String state4 = params(authorization.begin(admin, company[1], domain, callback)).get("state");
        TestShopify.server().stubFor(post(urlEqualTo("/admin/oauth/access_token")).withRequestBody(containing("used-code"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_request\",\"error_description\":\"The authorization code was not found or was already used\"}")));
        assertThatThrownBy(() -> authorization.complete(admin, signed(Map.of("code", "used-code", "shop", domain,
                "state", state4, "timestamp", now())), "https://x"))
                .isInstanceOfSatisfying(ShopAuthorization.Refused.class, e -> {
                    assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.UPSTREAM);
                    assertThat(e.getMessage()).contains("already used");
                });

        assertThat(connections().size()).isZero();
    }

    @Test
    void wooCommerceKeysArriveAtTheCallbackOnlyWithTheStateLoyaltyHubGave() {
        Api.Response created = world.asAdmin().post("/api/v1/companies/" + company[0] + "/connections",
                Map.of("platform", "WOOCOMMERCE", "shopUrl", woo.baseUrl()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        String authorize = wooKeys.begin(admin, id, "http://localhost:" + port + "/back",
                "http://localhost:" + port + "/api/v1/hooks/woocommerce/" + id + "/keys");
        assertThat(authorize).startsWith(woo.baseUrl() + "/wc-auth/v1/authorize?");
        Map<String, String> asked = params(authorize);
        assertThat(asked).containsEntry("app_name", "LoyaltyHub").containsEntry("scope", "read_write")
                .containsEntry("return_url", "http://localhost:" + port + "/back")
                .containsEntry("callback_url", "http://localhost:" + port + "/api/v1/hooks/woocommerce/" + id + "/keys");
        String state = asked.get("user_id");
        String path = "/api/v1/hooks/woocommerce/" + id + "/keys";

        Shops.Answer unknown = Shops.post(port, path, "application/json", keys("not-our-state", "read_write"), Map.of());
        assertThat(unknown.status()).isEqualTo(401);
        Shops.Answer readOnly = Shops.post(port, path, "application/json", keys(state, "read"), Map.of());
        assertThat(readOnly.status()).as(readOnly.body()).isEqualTo(400);
        assertThat(readOnly.body()).contains("read_write");
        Shops.Answer elsewhere = Shops.post(port, "/api/v1/hooks/woocommerce/" + (id + 100000) + "/keys",
                "application/json", keys(state, "read_write"), Map.of());
        assertThat(elsewhere.status()).isEqualTo(401);
        assertThat(connections().get(0).path("apiKey").path("set").asBoolean()).isFalse();

        Shops.Answer good = Shops.post(port, path, "application/json", keys(state, "read_write"), Map.of());
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        JsonNode stored = connections().get(0);
        assertThat(stored.path("apiKey").path("last4").asString()).isEqualTo("wxyz");
        assertThat(stored.path("apiSecret").path("set").asBoolean()).isTrue();
        assertThat(Shops.post(port, path, "application/json", keys(state, "read_write"), Map.of()).status())
                .as("a state is used once").isEqualTo(401);

        // the keys work: the connection test reads an order with them
        String basic = "Basic " + Base64.getEncoder().encodeToString("ck_0123456789abcdefghijklmnopqrstuvwxyz:cs_secret_from_wc_auth"
                .getBytes(StandardCharsets.UTF_8));
        woo.stubFor(get(urlEqualTo("/wp-json/wc/v3/orders?per_page=1")).withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
        assertThat(world.asAdmin().post("/api/v1/companies/" + company[0] + "/connections/" + id + "/test", Map.of())
                .json().path("ok").asBoolean()).isTrue();
    }

    private static String keys(String state, String permissions) {
        return "{\"key_id\":12,\"user_id\":\"" + state + "\",\"consumer_key\":\"ck_0123456789abcdefghijklmnopqrstuvwxyz\","
                + "\"consumer_secret\":\"cs_secret_from_wc_auth\",\"key_permissions\":\"" + permissions + "\"}";
    }

    @Test
    void registeringWooCommerceWebhooksCreatesTheMissingTopicsAndRepairsOursWithTheConnectionsSecret() {
        Api.Response created = world.asAdmin().post("/api/v1/companies/" + company[0] + "/connections",
                Map.of("platform", "WOOCOMMERCE", "shopUrl", woo.baseUrl(), "apiKey", "ck_reg_123456", "apiSecret", "cs_reg"));
        long id = created.json().path("id").asLong();
        String secret = created.json().path("generatedWebhookSecret").asString();
        String ours = "http://localhost:" + port + "/api/v1/hooks/woocommerce/" + id;
        String basic = "Basic " + Base64.getEncoder().encodeToString("ck_reg_123456:cs_reg".getBytes(StandardCharsets.UTF_8));
        woo.stubFor(get(urlEqualTo("/wp-json/wc/v3/webhooks?per_page=100")).withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "[{\"id\":5,\"name\":\"old\",\"status\":\"disabled\",\"topic\":\"order.updated\",\"delivery_url\":\"" + ours + "\"},"
                                + "{\"id\":6,\"name\":\"someone else\",\"status\":\"active\",\"topic\":\"order.created\","
                                + "\"delivery_url\":\"https://elsewhere.example/hook\"}]")));
        woo.stubFor(post(urlEqualTo("/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":77}")));
        woo.stubFor(put(urlEqualTo("/wp-json/wc/v3/webhooks/5")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":5}")));

        Api.Response r = world.asAdmin().post("/api/v1/companies/" + company[0] + "/connections/" + id + "/webhooks", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("ok").asBoolean()).isTrue();
        assertThat(r.json().path("deliveryUrl").asString()).isEqualTo(ours);
        Map<String, String> actions = new LinkedHashMap<>();
        r.json().path("topics").forEach(t -> actions.put(t.path("topic").asString(), t.path("action").asString()));
        assertThat(actions).containsExactly(Map.entry("order.created", "created"), Map.entry("order.updated", "updated"),
                Map.entry("order.deleted", "created"), Map.entry("customer.created", "created"));
        woo.verify(3, postRequestedFor(urlEqualTo("/wp-json/wc/v3/webhooks")).withHeader("Authorization", equalTo(basic)));
        woo.verify(postRequestedFor(urlEqualTo("/wp-json/wc/v3/webhooks")).withRequestBody(equalToJson(
                "{\"name\":\"LoyaltyHub order.deleted\",\"topic\":\"order.deleted\",\"delivery_url\":\"" + ours
                        + "\",\"secret\":\"" + secret + "\",\"status\":\"active\"}")));
        woo.verify(putRequestedFor(urlEqualTo("/wp-json/wc/v3/webhooks/5")).withRequestBody(equalToJson(
                "{\"status\":\"active\",\"secret\":\"" + secret + "\"}")));

        // a shop that refuses the keys: a report that says so, no error
        long refused = world.asAdmin().post("/api/v1/companies/" + company[0] + "/connections", Map.of("platform",
                "WOOCOMMERCE", "shopUrl", woo.baseUrl() + "/other", "apiKey", "ck_wrong_123", "apiSecret", "cs_wrong"))
                .json().path("id").asLong();
        woo.stubFor(get(urlEqualTo("/other/wp-json/wc/v3/webhooks?per_page=100")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"woocommerce_rest_authentication_error\","
                        + "\"message\":\"Invalid signature - provided signature does not match.\"}")));
        JsonNode report = world.asAdmin().post("/api/v1/companies/" + company[0] + "/connections/" + refused + "/webhooks",
                Map.of()).json();
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("problem").asString()).contains("bad credentials", "Invalid signature");
    }

    @Test
    void registeringShopifyWebhooksKeepsWhatIsThereAndReportsWhatShopifyRefuses() {
        String token = "shpat_" + Fixtures.unique("reg");
        String domain = Fixtures.unique("reg") + ".myshopify.com";
        long id = world.asAdmin().post("/api/v1/companies/" + company[0] + "/connections", Map.of("platform", "SHOPIFY",
                "shopUrl", TestShopify.origin(), "shopDomain", domain, "apiKey", token, "webhookSecret", "custom-app-secret"))
                .json().path("id").asLong();
        String ours = "http://localhost:" + port + "/api/v1/hooks/shopify/" + id;
        stubShopifyWebhooks(token, "[{\"id\":\"gid://shopify/WebhookSubscription/9\",\"topic\":\"ORDERS_CREATE\",\"uri\":\"" + ours + "\"}]");
        TestShopify.server().stubFor(post(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(token))
                .withRequestBody(matchingJsonPath("$.variables.topic", equalTo("APP_UNINSTALLED"))).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"webhookSubscriptionCreate\":{\"webhookSubscription\":null,"
                                + "\"userErrors\":[{\"field\":[\"webhookSubscription\",\"uri\"],\"message\":\"Address is invalid\"}]}}}")));

        JsonNode report = world.asAdmin().post("/api/v1/companies/" + company[0] + "/connections/" + id + "/webhooks",
                Map.of()).json();
        Map<String, String> actions = new LinkedHashMap<>();
        report.path("topics").forEach(t -> actions.put(t.path("topic").asString(), t.path("action").asString()));
        assertThat(actions).containsEntry("ORDERS_CREATE", "kept").containsEntry("ORDERS_PAID", "created")
                .containsEntry("APP_UNINSTALLED", "failed").hasSize(7);
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.toString()).contains("Address is invalid");
        TestShopify.server().verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.topic", equalTo("ORDERS_CREATE"))));

        // uninstalling the app drops the token: LoyaltyHub stops calling the shop with it
        String body = "{\"id\":1,\"name\":\"Bottega\",\"domain\":\"shop.bottega.example\",\"myshopify_domain\":\""
                + domain + "\",\"plan_name\":\"basic\"}";
        Shops.Answer hook = Shops.post(port, "/api/v1/hooks/shopify/" + id, "application/json", body,
                Map.of("X-Shopify-Topic", "app/uninstalled", "X-Shopify-Hmac-Sha256", Shops.sign("custom-app-secret", body),
                        "X-Shopify-Shop-Domain", domain, "X-Shopify-Event-Id", Fixtures.unique("event")));
        assertThat(hook.status()).isEqualTo(200);
        Shops.await(() -> world.asAdmin().get("/api/v1/companies/" + company[0] + "/connections/" + id).json()
                .path("apiKey").path("set").asBoolean(), set -> !set, "the token to be dropped");
    }
}
