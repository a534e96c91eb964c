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
            assertThat(browser.errors()).isEmpty();
        } finally {
            shop.stop();
        }
    }
}
