package org.loyaltyhub.integrations.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004, "Sconti condizionati per badge": a shop's code carries the discount of the member's badge. */
class ShopCodesWithABadgeDiscountTest extends ShopScenario {

    private WireMockServer shop;

    @BeforeEach
    void start() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":321,\"code\":\"x\"}")));
    }

    @AfterEach
    void stop() {
        shop.stop();
    }

    private long memberWith(long points) {
        long m = member(Fixtures.unique("badge") + "@shop.test");
        Api.Response r = world.asAdmin().post("/api/v1/members/" + m + "/adjustments",
                Map.of("direction", "CREDIT", "points", points, "note", "gift"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return m;
    }

    private Api.Response code(long member, long points) {
        return world.asAdmin().post("/api/v1/connections/" + connectionId + "/codes",
                Map.of("memberId", member, "points", points));
    }

    @Test
    void aCodeForTheSamePointsIsWorthMoreToAGoldBadgeHolder() {
        connect("WOOCOMMERCE", Map.of("redeemPoints", 100, "redeemValue", 1),
                Map.of("shopUrl", shop.baseUrl(), "apiKey", "ck_badge", "apiSecret", "cs_badge"));
        Api.Response gold = world.asAdmin().post("/api/v1/badges", Map.of("nameEn", "Gold", "pointsFrom", 1000,
                "extraValuePercent", "10"));
        assertThat(gold.status()).as(gold.toString()).isEqualTo(201);
        long plain = memberWith(600);
        long golden = memberWith(1200);

        Api.Response ordinary = code(plain, 500);
        Api.Response boosted = code(golden, 500);

        assertThat(ordinary.status()).as(ordinary.toString()).isEqualTo(201);
        assertThat(boosted.status()).as(boosted.toString()).isEqualTo(201);
        assertThat(ordinary.json().path("amount").decimalValue()).as(ordinary.toString()).isEqualByComparingTo("5.00");
        assertThat(boosted.json().path("amount").decimalValue()).isEqualByComparingTo("5.50");
        assertThat(boosted.json().path("points").asLong()).isEqualTo(500);
        shop.verify(postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons"))
                .withRequestBody(matchingJsonPath("$.code", equalTo(boosted.json().path("code").asString())))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("5.50"))));
        world.assertBooksBalance();
    }
}
