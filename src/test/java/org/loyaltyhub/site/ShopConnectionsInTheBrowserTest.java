package org.loyaltyhub.site;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.integrations.internal.Signatures;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestShopify;
import org.loyaltyhub.support.World;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A company administrator connects a WooCommerce shop in the browser, tests it, sees a delivery and replays it. */
class ShopConnectionsInTheBrowserTest extends IntegrationTest {

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @BeforeEach
    void noErrorsYet() {
        browser.errors().clear();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private int webhook(long connectionId, String secret, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/hooks/woocommerce/" + connectionId)))
                .header("Content-Type", "application/json").header("X-WC-Webhook-Topic", "order.created")
                .header("X-WC-Webhook-Signature", Signatures.base64Hmac(secret, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aCompanyAdministratorConnectsAWooCommerceShopTestsItSeesADeliveryAndReplaysIt() throws Exception {
        WireMockServer shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
        try {
            shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("[]")));
            stubWooWebhooks(shop);
            World w = fixtures.world(api);
            long[] company = w.company("Bottega");
            Api.Login admin = w.operator("COMPANY_ADMIN", company[0], null);

            Page page = browser.desktop("en-GB");
            Browser.signIn(page, url(""), admin);
            page.navigate(url("/company/connections"));
            assertThat(page.locator("h1")).hasText("Shop connections");
            assertThat(page.locator("main")).containsText("No shop is connected yet.");

            page.getByLabel("Shop address").fill("not an address");
            page.getByRole(AriaRole.BUTTON, named("Connect")).click();
            assertThat(page.locator("#shopUrl-error")).containsText("http(s) address");

            page.getByLabel("Platform").selectOption("WOOCOMMERCE");
            page.getByLabel("Shop address").fill(shop.baseUrl());
            page.getByLabel("API key or access token").fill("ck_browser_123456");
            page.getByLabel("API secret (WooCommerce)").fill("cs_browser_123456");
            page.getByRole(AriaRole.BUTTON, named("Connect")).click();
            assertThat(page.locator("main")).containsText("is connected");
            assertThat(page.locator("#webhook-registration")).containsText("The shop sends its events to");
            assertThat(page.locator("#webhook-registration tbody tr")).hasCount(4);
            String secret = page.locator("#generated-secret").textContent().strip();
            assertThat(secret).hasSizeGreaterThan(20);
            assertThat(page.locator("input[type=password]").first()).hasValue("");

            page.getByRole(AriaRole.BUTTON, named("Test connection")).click();
            assertThat(page.getByRole(AriaRole.STATUS).last()).containsText("Connection works");

            long connectionId = w.asAdmin().get("/api/v1/companies/" + company[0] + "/connections").json()
                    .get(0).path("id").asLong();
            String order = Api.JSON.writeValueAsString(Map.of("id", 42, "status", "processing", "currency", "EUR",
                    "total", "10.00", "customer_id", 0, "billing", Map.of("email", Fixtures.unique("guest") + "@shop.test"),
                    "line_items", List.of(), "refunds", List.of()));
            assertThat(webhook(connectionId, secret, order)).isEqualTo(200);

            page.navigate(url("/company/connections"));
            assertThat(page.locator("section tbody tr").first()).containsText("order.created");
            page.locator("section tbody tr").first().getByRole(AriaRole.BUTTON,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Replay")).click();
            assertThat(page.locator("main")).containsText("The delivery was queued again.");
            Browser.screenshot(page, "shop-connections-desktop-en");

            page.getByRole(AriaRole.BUTTON, named("Switch off")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("switched off");
            assertThat(page.locator("section.card dl")).containsText("Switched off");
            assertThat(webhook(connectionId, secret, order)).as("a switched-off connection refuses deliveries").isEqualTo(410);
            page.getByRole(AriaRole.BUTTON, named("Switch on again")).click();
            assertThat(page.locator("section.card dl")).containsText("Active");
            assertThat(page.locator("#webhook-registration")).containsText("The shop sends its events to");
            assertThat(webhook(connectionId, secret, order)).isEqualTo(200);
            assertThat(browser.errors()).isEmpty();
        } finally {
            shop.stop();
        }
    }

    private static void stubWooWebhooks(WireMockServer shop) {
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
    }

    private static void stubApprovalPage(WireMockServer shop, String path, String title) {
        shop.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><head><title>" + title + "</title><link rel=\"icon\" href=\"data:,\"></head>"
                        + "<body><h1>" + title + "</h1></body></html>")));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String encoded(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "="
                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
    }

    @Test
    void aCompanyAdministratorConnectsWooCommerceByApprovingInWordPressAndInstallsTheShopifyApp() throws Exception {
        WireMockServer woo = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        woo.start();
        try {
            stubApprovalPage(woo, "/wc-auth/v1/authorize", "Approve LoyaltyHub");
            stubWooWebhooks(woo);
            World w = fixtures.world(api);
            long[] company = w.company("Emporio");
            Api.Login admin = w.operator("COMPANY_ADMIN", company[0], null);
            Page page = browser.desktop("en-GB");
            Browser.signIn(page, url(""), admin);
            page.navigate(url("/company/connections"));

            // WooCommerce without keys: the administrator is taken to WordPress to approve LoyaltyHub
            page.getByLabel("Platform").selectOption("WOOCOMMERCE");
            page.getByLabel("Shop address").fill(woo.baseUrl());
            page.getByRole(AriaRole.BUTTON, named("Connect")).click();
            page.waitForURL(u -> u.startsWith(woo.baseUrl() + "/wc-auth/v1/authorize"));
            Map<String, String> asked = query(page.url());
            assertThat(asked).containsEntry("scope", "read_write").containsEntry("app_name", "LoyaltyHub");

            // WooCommerce posts the keys to the callback, then sends the administrator back
            HttpRequest keys = HttpRequest.newBuilder(URI.create(asked.get("callback_url")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"key_id\":3,\"user_id\":\"" + asked.get("user_id") + "\",\"consumer_key\":\"ck_approved_12345678\","
                                    + "\"consumer_secret\":\"cs_approved\",\"key_permissions\":\"read_write\"}")).build();
            assertThat(HttpClient.newHttpClient().send(keys, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            page.navigate(asked.get("return_url") + "?success=1&user_id=" + asked.get("user_id"));
            assertThat(page.locator("main")).containsText("authorised LoyaltyHub");
            assertThat(page.locator("#webhook-registration tbody tr")).hasCount(4);
            assertThat(page.locator("#webhook-registration")).containsText("created");
            woo.verify(4, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/webhooks"))
                    .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Basic "
                            + java.util.Base64.getEncoder().encodeToString("ck_approved_12345678:cs_approved".getBytes()))));

            // Shopify: the app's installation, approved in the shop's admin
            String domain = Fixtures.unique("emporio") + ".myshopify.com";
            WireMockServer shopify = TestShopify.server();
            stubApprovalPage(shopify, "/admin/oauth/authorize", "Install LoyaltyHub");
            page.getByLabel("Shopify shop (name.myshopify.com)").fill("not a shop!");
            page.getByRole(AriaRole.BUTTON, named("Install in Shopify")).click();
            assertThat(page.locator("#shop-error")).containsText("myshopify.com domain");
            page.getByLabel("Shopify shop (name.myshopify.com)").fill(domain);
            page.getByRole(AriaRole.BUTTON, named("Install in Shopify")).click();
            page.waitForURL(u -> u.startsWith(TestShopify.origin() + "/admin/oauth/authorize"));
            Map<String, String> install = query(page.url());
            assertThat(install).containsEntry("client_id", TestShopify.CLIENT_ID);
            String token = "shpat_" + Fixtures.unique("browser");
            shopify.stubFor(post(urlPathEqualTo("/admin/oauth/access_token"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("browser-code"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"" + token + "\",\"scope\":\"read_orders,read_customers,write_discounts\"}")));
            shopify.stubFor(post(urlPathEqualTo("/admin/api/2025-10/graphql.json"))
                    .withHeader("X-Shopify-Access-Token", com.github.tomakehurst.wiremock.client.WireMock.equalTo(token))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"data\":{\"webhookSubscriptions\":{\"nodes\":[]},\"webhookSubscriptionCreate\":"
                                    + "{\"webhookSubscription\":{\"id\":\"gid://shopify/WebhookSubscription/5\"},\"userErrors\":[]}}}")));
            Map<String, String> back = new java.util.TreeMap<>(Map.of("code", "browser-code", "shop", domain,
                    "state", install.get("state"), "timestamp", String.valueOf(System.currentTimeMillis() / 1000)));
            String message = back.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("&"));
            back.put("hmac", Signatures.hexHmac(TestShopify.CLIENT_SECRET, message));
            page.navigate(install.get("redirect_uri") + "?" + encoded(back));
            assertThat(page.locator("main")).containsText("The shop " + domain + " authorised LoyaltyHub.");
            assertThat(page.locator("#webhook-registration tbody tr")).hasCount(7);
            assertThat(page.locator("section.card h2").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(domain))).hasCount(1);
            Browser.screenshot(page, "shop-authorised-desktop-en");
            assertThat(browser.errors()).isEmpty();
        } finally {
            woo.stop();
        }
    }

    @Test
    void anInstallStartedInTheShopifyAdminAsksForSignInThenForTheStoreWithTheShopFilledIn() {
        World w = fixtures.world(api);
        long[] company = w.company("Drogheria");
        Api.Login admin = w.operator("COMPANY_ADMIN", company[0], null);
        String domain = Fixtures.unique("drogheria") + ".myshopify.com";
        Map<String, String> launch = new java.util.TreeMap<>(Map.of("shop", domain,
                "timestamp", String.valueOf(System.currentTimeMillis() / 1000)));
        launch.put("hmac", Signatures.hexHmac(TestShopify.CLIENT_SECRET, "shop=" + domain + "&timestamp=" + launch.get("timestamp")));

        Page page = browser.desktop("it-IT");
        page.navigate(url("/shopify/install?" + encoded(launch)));
        page.locator("#email").fill(admin.email());
        page.locator("#password").fill(admin.password());
        page.locator("form button[type=submit]").click();
        page.waitForURL(u -> u.contains("/company/connections?shopify="));
        assertThat(page.locator("#shop")).hasValue(domain);
        assertThat(page.locator("#shopify-install")).containsText("Installa l'app Shopify");

        // a store of another circuit, slipped into the form, is refused next to the field and nothing starts
        long foreignStore = fixtures.world(api).company("Altrove")[1];
        page.locator("#install-store option").first().evaluate("(o, id) => o.value = id", String.valueOf(foreignStore));
        page.locator("#install-store").selectOption(String.valueOf(foreignStore));
        page.locator("#shopify-install button[type=submit]").click();
        assertThat(page.locator("#storeId-install-error")).containsText("Scegli un punto vendita");
        assertThat(page.locator("#shop")).hasValue(domain);
        assertThat(browser.errors()).isEmpty();
    }
}
