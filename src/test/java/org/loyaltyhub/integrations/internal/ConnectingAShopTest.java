package org.loyaltyhub.integrations.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectingAShopTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private ShopAddresses addresses;

    private WireMockServer shop;
    private World world;
    private long companyId;

    @BeforeEach
    void start() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
        world = fixtures.world(api);
        companyId = world.company("Shop")[0];
    }

    @AfterEach
    void stop() {
        shop.stop();
    }

    private JsonNode connect(Map<String, Object> body) {
        Api.Response r = world.asAdmin().post("/api/v1/companies/" + companyId + "/connections", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private JsonNode test(long id) {
        Api.Response r = world.asAdmin().post("/api/v1/companies/" + companyId + "/connections/" + id + "/test", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void credentialsAreStoredButNeverReturnedAndAGeneratedWebhookSecretIsShownOnce() {
        JsonNode created = connect(Map.of("platform", "WOOCOMMERCE", "shopUrl", shop.baseUrl(),
                "apiKey", "ck_0123456789abcdef", "apiSecret", "cs_very_secret_value"));
        String generated = created.path("generatedWebhookSecret").asString();
        assertThat(generated).hasSizeGreaterThan(30);
        assertThat(created.path("apiKey").path("set").asBoolean()).isTrue();
        assertThat(created.path("apiKey").path("last4").asString()).isEqualTo("cdef");
        assertThat(created.toString()).doesNotContain("cs_very_secret_value").doesNotContain("ck_0123456789abcdef");
        String again = world.asAdmin().get("/api/v1/companies/" + companyId + "/connections/" + created.path("id").asLong())
                .body();
        assertThat(again).doesNotContain(generated).doesNotContain("cs_very_secret_value");
        assertThat(created.path("webhookUrl").asString()).isEqualTo("/api/v1/hooks/woocommerce/" + created.path("id").asLong());
    }

    @Test
    void onlyTheCompanysAdministratorsSeeItsConnections() {
        long id = connect(Map.of("platform", "PRESTASHOP", "shopUrl", "https://presta.test")).path("id").asLong();
        long other = world.company("Other")[0];
        Api.Login otherAdmin = world.operator("COMPANY_ADMIN", other, null);
        Api.Login ownAdmin = world.operator("COMPANY_ADMIN", companyId, null);
        assertThat(world.as(ownAdmin).get("/api/v1/companies/" + companyId + "/connections").json().size()).isEqualTo(1);
        assertThat(world.as(otherAdmin).get("/api/v1/companies/" + companyId + "/connections").status()).isEqualTo(404);
        assertThat(world.as(otherAdmin).get("/api/v1/connections/" + id + "/deliveries").status()).isEqualTo(404);
        World stranger = fixtures.world(api);
        assertThat(stranger.asAdmin().get("/api/v1/connections/" + id + "/deliveries").status()).isEqualTo(404);
        String key = world.apiKey(companyId, null);
        assertThat(api.withKey(key).get("/api/v1/companies/" + companyId + "/connections").status()).isEqualTo(403);
        assertThat(world.asAdmin().post("/api/v1/companies/" + companyId + "/connections",
                Map.of("platform", "SHOPIFY", "shopUrl", "https://x.myshopify.com")).status())
                .as("Shopify needs its app secret").isEqualTo(400);
        assertThat(world.asAdmin().post("/api/v1/companies/" + companyId + "/connections",
                Map.of("platform", "WOOCOMMERCE", "shopUrl", "ftp://shop")).status()).isEqualTo(400);
    }

    @Test
    void testingAWooCommerceConnectionSaysWhatIsWrong() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("ck_good:cs_good".getBytes());
        shop.stubFor(get(urlEqualTo("/wp-json/wc/v3/orders?per_page=1")).withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
        shop.stubFor(get(urlEqualTo("/wp-json/wc/v3/orders?per_page=1")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withBody("{\"code\":\"woocommerce_rest_cannot_view\"}")));
        long good = connect(Map.of("platform", "WOOCOMMERCE", "shopUrl", shop.baseUrl(), "apiKey", "ck_good",
                "apiSecret", "cs_good")).path("id").asLong();
        assertThat(test(good).path("ok").asBoolean()).isTrue();
        shop.verify(getRequestedFor(urlEqualTo("/wp-json/wc/v3/orders?per_page=1")).withHeader("Authorization", equalTo(basic)));

        long wrong = connect(Map.of("platform", "WOOCOMMERCE", "shopUrl", shop.baseUrl(), "apiKey", "ck_bad",
                "apiSecret", "cs_bad")).path("id").asLong();
        JsonNode refused = test(wrong);
        assertThat(refused.path("ok").asBoolean()).isFalse();
        assertThat(refused.path("problem").asString()).contains("bad credentials");

        long notWoo = connect(Map.of("platform", "WOOCOMMERCE", "shopUrl", shop.baseUrl() + "/blog", "apiKey", "ck_good",
                "apiSecret", "cs_good")).path("id").asLong();
        assertThat(test(notWoo).path("problem").asString()).contains("404");

        long unreachable = connect(Map.of("platform", "WOOCOMMERCE", "shopUrl", "http://127.0.0.1:9", "apiKey", "ck_good",
                "apiSecret", "cs_good")).path("id").asLong();
        assertThat(test(unreachable).path("problem").asString()).contains("unreachable");
    }

    @Test
    void anEmptyWebhookSecretIsRefusedWithTheFieldNamedAndNothingIsStored() {
        for (String platform : new String[]{"WOOCOMMERCE", "PRESTASHOP", "WORDPRESS", "SHOPIFY"}) {
            for (String empty : new String[]{"", "   "}) {
                Api.Response r = world.asAdmin().post("/api/v1/companies/" + companyId + "/connections", Map.of(
                        "platform", platform, "shopUrl", "https://shop.test", "shopDomain", "empty-secret.myshopify.com",
                        "webhookSecret", empty));
                assertThat(r.status()).as(platform + " " + r).isEqualTo(400);
                assertThat(r.json().path("type").asString()).endsWith("/problems/invalid-input");
                assertThat(r.json().path("errors").toString()).contains("webhookSecret");
            }
        }
        assertThat(world.asAdmin().get("/api/v1/companies/" + companyId + "/connections").json().size()).isZero();
        long id = connect(Map.of("platform", "WOOCOMMERCE", "shopUrl", "https://shop.test")).path("id").asLong();
        Api.Response rotate = world.asAdmin().patch("/api/v1/companies/" + companyId + "/connections/" + id,
                Map.of("webhookSecret", " "));
        assertThat(rotate.status()).as(rotate.toString()).isEqualTo(400);
    }

    @Test
    void testingAConnectionThatLeadsToAPrivateAddressCallsNothingUnlessTheOperatorAllowsIt() {
        shop.stubFor(get(urlEqualTo("/wp-json/wc/v3/orders?per_page=1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
        long id = connect(Map.of("platform", "WOOCOMMERCE", "shopUrl", shop.baseUrl(), "apiKey", "ck_good",
                "apiSecret", "cs_good")).path("id").asLong();
        long metadata = connect(Map.of("platform", "WORDPRESS", "shopUrl", "http://169.254.169.254/latest/meta-data"))
                .path("id").asLong();
        boolean allowed = addresses.allowPrivate;
        addresses.allowPrivate = false;
        try {
            JsonNode refused = test(id);
            assertThat(refused.path("ok").asBoolean()).isFalse();
            assertThat(refused.path("problem").asString()).contains("private", "127.0.0.1");
            assertThat(test(metadata).path("problem").asString()).contains("169.254.169.254", "private");
            shop.verify(0, getRequestedFor(urlEqualTo("/wp-json/wc/v3/orders?per_page=1")));
        } finally {
            addresses.allowPrivate = allowed;
        }
        assertThat(test(id).path("ok").asBoolean()).as("the operator allows private addresses (the test profile)").isTrue();
    }

    @Test
    void testingAShopifyConnectionAsksForTheShopsNameWithTheAccessToken() {
        shop.stubFor(post(urlEqualTo("/admin/api/2025-10/graphql.json"))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_token"))
                .withRequestBody(equalToJson("{\"query\":\"{ shop { name } }\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"shop\":{\"name\":\"Bottega\"}}}")));
        long id = connect(Map.of("platform", "SHOPIFY", "shopUrl", shop.baseUrl(), "shopDomain",
                org.loyaltyhub.support.Fixtures.unique("bottega").toLowerCase() + ".myshopify.com",
                "apiKey", "shpat_token", "webhookSecret", "app-secret")).path("id").asLong();
        JsonNode result = test(id);
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("shopName").asString()).isEqualTo("Bottega");
        shop.verify(postRequestedFor(urlEqualTo("/admin/api/2025-10/graphql.json")));
    }

    @Test
    void testingAPrestaShopConnectionUsesTheKeyAsTheBasicUser() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("PSKEY123:".getBytes());
        shop.stubFor(get(urlEqualTo("/api/?output_format=JSON")).withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"api\":{}}")));
        long id = connect(Map.of("platform", "PRESTASHOP", "shopUrl", shop.baseUrl(), "apiKey", "PSKEY123"))
                .path("id").asLong();
        assertThat(test(id).path("ok").asBoolean()).isTrue();
    }
}
