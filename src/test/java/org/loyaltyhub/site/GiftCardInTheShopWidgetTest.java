package org.loyaltyhub.site;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront widget in a real Chromium, on a PrestaShop page served by a stub shop: a guest (no member, no shop
 * account) types a gift card's number and PIN in "Pay with a gift card" on a phone, is told a wrong PIN next to the
 * form, and gets the shop's code for the card's value; a member sees their wallet and its latest movements.
 */
class GiftCardInTheShopWidgetTest extends BrowserTest {

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
    void aGuestPaysWithAGiftCardThroughTheWidgetOnAPhone() throws Exception {
        World w = fixtures.world(api);
        long[] company = w.company("Widget shop");
        String secret = "whsec-" + Fixtures.unique("w");
        long connection = connect(w, company[0], secret, "PSWIDGET0001");
        w.asAdmin().put("/api/v1/prepaid/settings", Map.of("enabled", true, "minAmount", "1", "maxAmount", "500",
                "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies", List.of()));
        var sold = w.asAdmin().post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD", "amount",
                Map.of("currency", "EUR", "amount", "25"), "paymentMethod", "CASH", "receiptNumber", "WG-1",
                "storeId", company[1])).json();
        String number = sold.path("sale").path("cardNumber").asString();
        String pin = sold.path("pin").asString();

        shop.stubFor(get(urlPathEqualTo("/api/cart_rules")).willReturn(json("{\"cart_rules\":[]}")));
        shop.stubFor(post(urlPathEqualTo("/api/cart_rules")).willReturn(json("{\"cart_rule\":{\"id\":12}}")));
        shop.stubFor(get(urlPathEqualTo("/checkout")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
                        <!DOCTYPE html><html lang="en"><head><meta name="viewport" content="width=device-width">
                        <title>Checkout</title></head><body><h1>Checkout</h1>
                        <div class="loyaltyhub-widget" data-loyaltyhub-token="%s" data-loyaltyhub-url="%s"></div>
                        <script src="%s/widget/loyaltyhub.js"></script></body></html>"""
                        .formatted(guestToken(connection, secret), url(""), url("")))));

        Page page = browser.phone("en-GB");
        page.navigate(shop.baseUrl() + "/checkout");
        assertThat(page.locator(".loyaltyhub-widget")).containsText("You are not a member yet.");
        page.getByLabel("Card number").fill(number);
        page.getByLabel("PIN").fill(pin.equals("000000") ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, named("Get the code")).click();
        assertThat(page.locator(".loyaltyhub-gift-card-result")).containsText("The PIN does not match this gift card");

        page.getByLabel("PIN").fill(pin);
        page.getByLabel("Amount (empty: all that is left)").fill("10,00");
        page.getByRole(AriaRole.BUTTON, named("Get the code")).click();
        assertThat(page.locator(".loyaltyhub-gift-card-result .loyaltyhub-code")).hasText(
                java.util.regex.Pattern.compile("LH-[A-Z2-7]{10}"));
        assertThat(page.locator(".loyaltyhub-gift-card-result")).containsText("worth 10");
        Browser.screenshot(page, "widget-gift-card-phone-en");
        shop.verify(1, postRequestedFor(urlPathEqualTo("/api/cart_rules")));
        assertThat(w.asAdmin().get("/api/v1/gift-cards/" + sold.path("sale").path("giftCardId").asLong()).json()
                .path("card").path("held").path("amount").asString()).isEqualTo("10.00");
    }

    @Test
    void aMemberSeesTheirCashbackAndItsLatestMovementsInTheWidgetInItalianOnAPhone() throws Exception {
        World w = fixtures.world(api);
        long[] company = w.company("Negozio");
        String secret = "whsec-" + Fixtures.unique("w");
        long connection = connect(w, company[0], secret, "PSWIDGET0002");
        String email = Fixtures.unique("wallet") + "@shop.test";
        long member = w.enrol(w.asAdmin(), Map.of("firstName", "Anna", "lastName", "Rossi", "email", email,
                "storeId", company[1])).path("id").asLong();
        w.asAdmin().put("/api/v1/money-programs/CASHBACK", Map.of("enabled", true, "percent", "0", "minOrder", "0",
                "maxSharePercent", "100"));
        for (String[] move : List.of(new String[]{"CREDIT", "8.00"}, new String[]{"DEBIT", "1.50"})) {
            Api.Response r = w.asAdmin().post("/api/v1/members/" + member + "/wallets/CASHBACK/adjustments", Map.of(
                    "direction", move[0], "amount", Map.of("currency", "EUR", "amount", move[1]), "note", "internal"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        shop.stubFor(get(urlPathEqualTo("/account")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
                        <!DOCTYPE html><html lang="it"><head><meta name="viewport" content="width=device-width">
                        <title>Il mio account</title></head><body><h1>Il mio account</h1>
                        <div class="loyaltyhub-widget" data-loyaltyhub-token="%s" data-loyaltyhub-url="%s"></div>
                        <script src="%s/widget/loyaltyhub.js"></script></body></html>"""
                        .formatted(token(connection, secret, ",\"user_id\":\"9\",\"email\":\""
                                + email + "\""), url(""), url("")))));

        Page page = browser.phone("it-IT");
        page.navigate(shop.baseUrl() + "/account");
        assertThat(page.locator(".loyaltyhub-wallet-balance")).hasText("Cashback: 6.50 EUR");
        assertThat(page.locator(".loyaltyhub-wallet-moves")).containsText("Ultimi movimenti del portafoglio");
        assertThat(page.locator(".loyaltyhub-wallet-move")).hasCount(2);
        assertThat(page.locator(".loyaltyhub-wallet-move").first()).containsText("Addebito");
        assertThat(page.locator(".loyaltyhub-wallet-move-amount")).containsText(new String[]{"-1.50 EUR", "+8.00 EUR"});
        assertThat(page.locator(".loyaltyhub-widget")).not().containsText("internal");
        Browser.screenshot(page, "widget-wallet-phone-it");
    }

    /** Connects the stub shop, a PrestaShop, to the company: the connection's id. */
    private long connect(World w, long company, String secret, String apiKey) {
        Api.Response connected = w.asAdmin().post("/api/v1/companies/" + company + "/connections", Map.of(
                "platform", "PRESTASHOP", "shopUrl", shop.baseUrl(), "webhookSecret", secret, "apiKey", apiKey));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        return connected.json().path("id").asLong();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** What the shop's module prints for a visitor who is not signed in: a token naming the shop and nobody. */
    private String guestToken(long connection, String secret) throws Exception {
        return token(connection, secret, "");
    }

    /** The shop's signed token, naming a customer when {@code customer} adds their fields. */
    private String token(long connection, String secret, String customer) throws Exception {
        String payload = "{\"v\":1,\"platform\":\"prestashop\",\"connection\":" + connection + ",\"shop\":\""
                + shop.baseUrl() + "\"" + customer + ",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}";
        String first = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return first + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(first.getBytes(StandardCharsets.US_ASCII)));
    }
}
