package org.loyaltyhub.site;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.integrations.internal.Signatures;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront widget on a Shopify theme page, served through the app proxy (issue 11 §2): the page points the
 * widget at {@code /apps/loyaltyhub}; what Shopify does there (forward to LoyaltyHub with the shop and the signed-in
 * customer, signed with the app's secret) is played by the browser's router. A guest on a phone pays with a gift card.
 */
class GiftCardOnAShopifyStorefrontTest extends BrowserTest {

    private static final String GRAPHQL = "/admin/api/2025-10/graphql.json";
    private WireMockServer shop;

    @BeforeEach
    void startShop() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
    }

    @AfterEach
    void stopShop() {
        shop.stop();
    }

    @Test
    void aGuestPaysWithAGiftCardThroughTheAppProxyOnAPhone() {
        World w = fixtures.world(api);
        long[] company = w.company("Proxy shop");
        String secret = "whsec-" + Fixtures.unique("p");
        String domain = Fixtures.unique("proxy").toLowerCase() + ".myshopify.com";
        Api.Response connected = w.asAdmin().post("/api/v1/companies/" + company[0] + "/connections", Map.of(
                "platform", "SHOPIFY", "shopUrl", shop.baseUrl(), "shopDomain", domain, "webhookSecret", secret,
                "apiKey", "shpat_proxy"));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        w.asAdmin().put("/api/v1/prepaid/settings", Map.of("enabled", true, "minAmount", "1", "maxAmount", "500",
                "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies", List.of()));
        var sold = w.asAdmin().post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD", "amount",
                Map.of("currency", "EUR", "amount", "25"), "paymentMethod", "CASH", "receiptNumber", "SP-1",
                "storeId", company[1])).json();
        String number = sold.path("sale").path("cardNumber").asString();
        String pin = sold.path("pin").asString();

        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":{\"discountCodeBasicCreate\":"
                        + "{\"codeDiscountNode\":{\"id\":\"gid://shopify/DiscountCodeNode/77\"},\"userErrors\":[]}}}")));
        shop.stubFor(get(urlPathEqualTo("/pages/gift-card")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
                        <!DOCTYPE html><html lang="it"><head><meta name="viewport" content="width=device-width">
                        <title>Carta regalo</title></head><body><h1>Carta regalo</h1>
                        <div class="loyaltyhub-widget" data-loyaltyhub-proxy="/apps/loyaltyhub"></div>
                        <script src="%s/widget/loyaltyhub.js"></script></body></html>""".formatted(url("")))));

        Page page = browser.phone("it-IT");
        page.route(shop.baseUrl() + "/apps/loyaltyhub/**", route -> shopify(route, domain, secret));
        page.navigate(shop.baseUrl() + "/pages/gift-card");
        page.getByLabel("Numero della carta").fill(number);
        page.getByLabel("PIN").fill(pin.equals("000000") ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, named("Ottieni il codice")).click();
        assertThat(page.locator(".loyaltyhub-gift-card-result .loyaltyhub-error")).isVisible();

        page.getByLabel("PIN").fill(pin);
        page.getByLabel("Importo (vuoto: tutto il residuo)").fill("10,00");
        page.getByRole(AriaRole.BUTTON, named("Ottieni il codice")).click();
        assertThat(page.locator(".loyaltyhub-gift-card-result .loyaltyhub-code")).hasText(
                java.util.regex.Pattern.compile("LH-[A-Z2-7]{10}"));
        Browser.screenshot(page, "widget-gift-card-shopify-proxy-phone-it");
        shop.verify(1, postRequestedFor(urlPathEqualTo(GRAPHQL)));
        assertThat(w.asAdmin().get("/api/v1/gift-cards/" + sold.path("sale").path("giftCardId").asLong()).json()
                .path("card").path("held").path("amount").asString()).isEqualTo("10.00");
    }

    /** What Shopify's app proxy does: forwards to LoyaltyHub with the shop and no customer (a guest), signed. */
    private void shopify(Route route, String domain, String secret) {
        String path = URI.create(route.request().url()).getPath().substring("/apps/loyaltyhub".length());
        TreeMap<String, String> q = new TreeMap<>(Map.of("shop", domain, "logged_in_customer_id", "",
                "path_prefix", "/apps/loyaltyhub", "timestamp", String.valueOf(clock.instant().getEpochSecond())));
        StringBuilder message = new StringBuilder();
        StringBuilder query = new StringBuilder();
        q.forEach((k, v) -> {
            message.append(k).append('=').append(v);
            query.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
        });
        String forwarded = url("/api/v1/hooks/shopify/proxy" + path + "?" + query + "signature="
                + Signatures.hexHmac(secret, message.toString()));
        route.fulfill(new Route.FulfillOptions().setResponse(route.fetch(new Route.FetchOptions().setUrl(forwarded))));
    }
}
