package org.loyaltyhub.integrations.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** §2: a voucher becomes the shop's own single-use code, and the shop's order using it redeems the voucher. */
class VouchersInTheShopTest extends ShopScenario {

    private WireMockServer shop;

    @BeforeEach
    void start() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":654,\"code\":\"x\"}")));
    }

    @AfterEach
    void stop() {
        shop.stop();
    }

    private String voucher(long member, Map<String, Object> reward) {
        Api.Response credit = world.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 500, "note", "gift"));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
        long rewardId = world.asAdmin().post("/api/v1/rewards", reward).json().path("id").asLong();
        Api.Response claim = world.asAdmin().post("/api/v1/members/" + member + "/reward-claims",
                Map.of("rewardId", rewardId, "storeId", storeId));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(201);
        return claim.json().path("code").asString();
    }

    private Shops.Answer wooOrder(long orderId, String email, String code) {
        String body = Api.JSON.writeValueAsString(Map.ofEntries(Map.entry("id", orderId),
                Map.entry("status", "processing"), Map.entry("currency", "EUR"), Map.entry("total", "40.00"),
                Map.entry("customer_id", 5), Map.entry("billing", Map.of("email", email)),
                Map.entry("date_created_gmt", "2026-01-10T10:00:00"), Map.entry("date_modified_gmt", "2026-01-10T10:05:00"),
                Map.entry("line_items", List.of()), Map.entry("refunds", List.of()),
                Map.entry("coupon_lines", List.of(Map.of("code", code, "discount", "5.00")))));
        return Shops.post(port, "/api/v1/hooks/woocommerce/" + connectionId, "application/json", body,
                Map.of("X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Signature", Shops.sign(secret, body)));
    }

    @Test
    void aFixedAmountVoucherBecomesAWooCommerceCouponAndTheOrderUsingItRedeemsTheVoucher() {
        connect("WOOCOMMERCE", Map.of(), Map.of("shopUrl", shop.baseUrl(), "apiKey", "ck_v", "apiSecret", "cs_v"));
        String email = Fixtures.unique("voucher") + "@shop.test";
        long member = member(email);
        String code = voucher(member, Map.of("kind", "FIXED_AMOUNT", "titleEn", "Five off", "titleIt", "Cinque",
                "points", 200, "amount", "5.00"));

        Api.Response made = world.asAdmin().post("/api/v1/connections/" + connectionId + "/voucher-codes",
                Map.of("memberId", member, "code", code));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().path("status").asString()).isEqualTo("CREATED");
        Api.Response again = world.asAdmin().post("/api/v1/connections/" + connectionId + "/voucher-codes",
                Map.of("memberId", member, "code", code));
        assertThat(again.json().path("code").asString()).isEqualTo(code);
        shop.verify(1, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(code)))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("5.00"))));

        assertThat(processed(wooOrder(990, email, code.toLowerCase())).path("status").asString())
                .isEqualTo("PROCESSED");
        Api.Response v = world.asAdmin().get("/api/v1/vouchers/" + code);
        assertThat(v.json().path("voucher").path("status").asString()).as(v.toString()).isEqualTo("REDEEMED");
        assertThat(v.json().path("voucher").path("orderId").asString()).isEqualTo("990");
        world.assertBooksBalance();
    }

    @Test
    void anotherMembersVoucherIsRefusedAndNothingIsMadeInTheShop() {
        connect("WOOCOMMERCE", Map.of(), Map.of("shopUrl", shop.baseUrl(), "apiKey", "ck_v", "apiSecret", "cs_v"));
        long member = member(Fixtures.unique("pct") + "@shop.test");
        long other = member(Fixtures.unique("other") + "@shop.test");
        String fixed = voucher(member, Map.of("kind", "FIXED_AMOUNT", "titleEn", "Five", "titleIt", "Cinque",
                "points", 100, "amount", "5.00"));

        Api.Response notTheirs = world.asAdmin().post("/api/v1/connections/" + connectionId + "/voucher-codes",
                Map.of("memberId", other, "code", fixed));
        assertThat(notTheirs.code()).isEqualTo("voucher-other-member");
        shop.verify(0, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons")));
    }
}
