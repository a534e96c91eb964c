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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Use in the online shop": a customer makes a voucher the code of the shop that knows them, on the phone, and sees
 * it to copy; an administrator does the same for a member's cashback on the member's page, in Italian.
 */
class ShopCodesInTheBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private WireMockServer shop;

    @BeforeEach
    void startShop() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":654,\"code\":\"x\"}")));
    }

    @AfterEach
    void stopShop() {
        shop.stop();
    }

    private long connect(World w, long companyId) {
        Api.Response r = w.asAdmin().post("/api/v1/companies/" + companyId + "/connections", Map.of("platform",
                "WOOCOMMERCE", "shopUrl", shop.baseUrl(), "webhookSecret", "whsec-browser", "apiKey", "ck_b",
                "apiSecret", "cs_b"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /** The shop has seen the member (an order of theirs), so it can restrict a code to them. */
    private void known(long connectionId, long circuitId, long member) {
        jdbc.sql("insert into member_shop_link (connection_id, shop_customer_id, circuit_id, member_id) "
                + "values (:conn, :customer, :c, :m)").param("conn", connectionId).param("customer", "5")
                .param("c", circuitId).param("m", member).update();
    }

    @Test
    void aCustomerUsesAVoucherInTheOnlineShopOnThePhoneAndCopiesTheCode() {
        World w = fixtures.world(api);
        long[] company = w.company("Web");
        long connectionId = connect(w, company[0]);
        String email = Fixtures.unique("shopper") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "shopper-password-1");
        long member = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        w.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 300, "note", "welcome"));
        long reward = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "PERCENT", "titleEn", "Ten off",
                "titleIt", "Dieci", "points", 100, "percent", "10")).json().path("id").asLong();
        w.asAdmin().post("/api/v1/members/" + member + "/reward-claims", Map.of("rewardId", reward, "storeId", company[1]));

        phone.navigate(url("/c/" + w.circuitId + "/my/coupons"));
        assertThat(phone.locator(".use-in-shop")).hasCount(0);
        known(connectionId, w.circuitId, member);
        phone.navigate(url("/c/" + w.circuitId + "/my/coupons"));
        phone.getByRole(AriaRole.BUTTON, named("Use in the online shop (localhost)")).click();

        assertThat(phone.locator(".shop-code")).containsText("Your code for localhost");
        String code = phone.locator(".shop-code .voucher-code").textContent();
        assertThat(phone.getByRole(AriaRole.BUTTON, named("Copy"))).isVisible();
        shop.verify(postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .withRequestBody(matchingJsonPath("$.discount_type", equalTo("percent"))));
        Browser.screenshot(phone, "customer-coupon-in-shop");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anAdministratorMakesAMembersCashbackTheShopsCodeOnTheMemberPage() {
        World w = fixtures.world(api);
        long[] company = w.company("Web");
        long connectionId = connect(w, company[0]);
        long member = w.enrol(w.asAdmin(), Map.of("firstName", "Lia", "lastName", "Neri", "email",
                Fixtures.unique("lia") + "@member.test", "storeId", company[1])).path("id").asLong();
        known(connectionId, w.circuitId, member);
        w.asAdmin().put("/api/v1/money-programs/CASHBACK", Map.of("enabled", true, "percent", "0",
                "minOrder", "0", "maxSharePercent", "100"));
        w.asAdmin().post("/api/v1/members/" + member + "/wallets/CASHBACK/adjustments", Map.of("direction", "CREDIT",
                "amount", Map.of("currency", "EUR", "amount", "7.50"), "note", "gift"));

        Page office = browser.desktop("it-IT");
        Browser.signIn(office, url(""), w.admin);
        office.navigate(url("/members/" + member));
        assertThat(office.locator("#shop-codes h2")).hasText("Codici per i negozi online");
        office.getByLabel("Importo (vuoto: tutto)").fill("abc");
        office.getByRole(AriaRole.BUTTON, named("Crea il codice del negozio")).click();
        assertThat(office.locator("#shop-amount-error-CASHBACK")).hasText("Indica un importo in euro e centesimi, per esempio 5,00.");
        office.getByLabel("Importo (vuoto: tutto)").fill("5,00");
        office.getByRole(AriaRole.BUTTON, named("Crea il codice del negozio")).click();

        assertThat(office.locator("#shop-code-made")).containsText("LH-");
        shop.verify(postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons"))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("5.00"))));
        office.getByRole(AriaRole.BUTTON, named("Crea il codice del negozio")).click();
        assertThat(office.locator("#shop-code-made")).containsText("LH-");
        assertThat(shop.findAll(postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons")))).as("the open code again")
                .hasSize(1);
        assertThat(browser.errors()).isEmpty();
    }
}
