package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backfilling from WooCommerce: the REST API v3's customers and orders, paged by {@code X-WP-TotalPages}, recorded as
 * the webhooks would be, once, whatever comes first.
 */
class BackfillingFromWooCommerceTest extends BackfillScenario {

    private String anna;
    private String bruno;

    private void open() {
        connect("WOOCOMMERCE", Map.of(), Map.of("shopUrl", shop.baseUrl(), "apiKey", "ck_back", "apiSecret", "cs_back"));
        anna = Fixtures.unique("anna") + "@shop.test";
        bruno = Fixtures.unique("bruno") + "@shop.test";
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("per_page", equalTo("1"))
                .willReturn(json("[]"))); // the connection check
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/customers")).withQueryParam("page", equalTo("1"))
                .willReturn(json(Api.JSON.writeValueAsString(List.of(
                        Map.of("id", 5, "email", anna, "first_name", "Anna", "last_name", "Rossi",
                                "date_created_gmt", "2026-01-03T09:00:00", "role", "customer"),
                        Map.of("id", 6, "email", bruno, "first_name", "Bruno", "last_name", "Bianchi",
                                "date_created_gmt", "2025-06-03T09:00:00", "role", "customer"))))
                        .withHeader("X-WP-Total", "2").withHeader("X-WP-TotalPages", "1")));
    }

    /** Page one: 100 orders of Anna and Bruno; page two: one more of Anna's and a guest's. */
    private void orders() {
        List<String> first = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            first.add(order(1000 + i, i % 2 == 0 ? 5 : 6, i % 2 == 0 ? anna : bruno, "completed", "2026-01-15T10:00:00"));
        }
        List<String> second = List.of(order(1101, 5, anna, "completed", "2026-01-20T10:00:00"),
                order(1102, 0, "guest@shop.test", "completed", "2026-01-20T11:00:00"));
        stubOrders(1, first);
        stubOrders(2, second);
    }

    private void stubOrders(int page, List<String> orders) {
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("page", equalTo(String.valueOf(page)))
                .withQueryParam("per_page", equalTo("100"))
                .withQueryParam("after", equalTo("2026-01-01T00:00:00"))
                .withQueryParam("before", equalTo("2026-02-01T00:00:00"))
                .willReturn(json("[" + String.join(",", orders) + "]")
                        .withHeader("X-WP-Total", "102").withHeader("X-WP-TotalPages", "2")));
    }

    private static String order(long id, long customer, String email, String status, String modified) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("status", status);
        o.put("currency", "EUR");
        o.put("total", "42.00");
        o.put("customer_id", customer);
        o.put("billing", Map.of("email", email, "first_name", "Anna", "last_name", "Rossi"));
        o.put("date_created_gmt", "2026-01-15T10:00:00");
        o.put("date_modified_gmt", modified);
        o.put("line_items", List.of(Map.of("product_id", 10, "quantity", 1, "subtotal", "42.00", "total", "42.00",
                "sku", "SKU-1", "price", 42)));
        o.put("coupon_lines", List.of());
        o.put("refunds", List.of());
        return Api.JSON.writeValueAsString(o);
    }

    private Shops.Answer deliver(String topic, String body) {
        return Shops.post(port, "/api/v1/hooks/woocommerce/" + connectionId, "application/json", body,
                Map.of("X-WC-Webhook-Topic", topic, "X-WC-Webhook-Source", "https://shop.test/",
                        "X-WC-Webhook-ID", "7", "X-WC-Webhook-Delivery-ID", Fixtures.unique("d"),
                        "X-WC-Webhook-Signature", Shops.sign(secret, body)));
    }

    @Test
    void aPeriodsCustomersAndTwoPagesOfOrdersBecomeMembersAndPurchasesWithoutPointsAndARerunChangesNothing() {
        open();
        orders();

        JsonNode done = backfill("2026-01-01", "2026-01-31", false);

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("customers").asInt()).as("Bruno registered before the period").isEqualTo(1);
        assertThat(done.path("members").asInt()).isEqualTo(1);
        assertThat(done.path("orders").asInt()).isEqualTo(102);
        assertThat(done.path("purchases").asInt()).as("not the guest's: this connection does not enrol guests")
                .isEqualTo(101);
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(members(anna)).isEqualTo(1);
        assertThat(members(bruno)).as("enrolled by his orders, as their webhooks would").isEqualTo(1);
        assertThat(members("guest@shop.test")).isZero();
        assertThat(purchases()).isEqualTo(101);
        assertThat(available(memberId(anna))).as("past orders earn nothing unless asked").isZero();
        assertThat(pending(memberId(anna))).isZero();
        assertThat(jdbc.sql("select count(*) from purchase where circuit_id = :c and without_points")
                .param("c", world.circuitId).query(Long.class).single()).isEqualTo(101);
        assertThat(jdbc.sql("select coalesce(sum(spent), 0) from member_activity where member_id = :m "
                        + "and month = date '2026-01-01'").param("m", memberId(anna)).query(java.math.BigDecimal.class)
                .single()).as("Anna's spend counts for tiers in the month of her orders")
                .isEqualByComparingTo("2142.00");
        shop.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("page", equalTo("2")));

        JsonNode again = backfill("2026-01-01", "2026-01-31", false);

        assertThat(again.path("status").asString()).isEqualTo("DONE");
        assertThat(again.path("orders").asInt()).isEqualTo(102);
        assertThat(purchases()).as("the same orders again are the same purchases").isEqualTo(101);
        assertThat(members(anna)).isEqualTo(1);
        assertThat(members(bruno)).isEqualTo(1);

        processed(deliver("order.updated", order(1002, 5, anna, "completed", "2026-03-01T10:00:00")));

        assertThat(purchases()).as("a webhook after the backfill is the same purchase").isEqualTo(101);
        assertThat(available(memberId(anna))).as("and keeps what the backfill decided: no points").isZero();
        world.assertBooksBalance();
    }

    @Test
    void anOrderAWebhookAlreadyBroughtKeepsItsPointsAndAnOrderBackfilledWithPointsEarnsAsItsWebhookWould() {
        open();
        long m = member(anna);
        processed(deliver("order.created", order(1002, 5, anna, "completed", "2026-01-15T10:00:00")));
        assertThat(available(m)).isEqualTo(42);
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("page", equalTo("1"))
                .withQueryParam("after", equalTo("2026-01-01T00:00:00"))
                .willReturn(json("[" + order(1002, 5, anna, "completed", "2026-01-15T10:00:00") + ","
                        + order(1003, 5, anna, "completed", "2026-01-16T10:00:00") + "]")
                        .withHeader("X-WP-Total", "2").withHeader("X-WP-TotalPages", "1")));

        JsonNode done = backfill("2026-01-01", "2026-01-31", true);

        assertThat(done.path("purchases").asInt()).isEqualTo(2);
        assertThat(purchases()).as("order 1002 once").isEqualTo(2);
        assertThat(available(m)).as("42 from the webhook, 42 for order 1003 asked with points").isEqualTo(84);
        world.assertBooksBalance();
    }

    @Test
    void aReversedPeriodAFuturePeriodAndAShopThatRefusesTheKeysAreAnsweredAtOnceAndNothingIsQueued() {
        open();
        Api.Response reversed = start("2026-02-01", "2026-01-01", false);
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(400);
        assertThat(reversed.body()).contains("to");
        Api.Response future = start("2026-01-01", java.time.LocalDate.now().plusDays(3).toString(), false);
        assertThat(future.status()).as(future.toString()).isEqualTo(400);

        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("per_page", equalTo("1"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list resources.\"}")));
        Api.Response refused = start("2026-01-01", "2026-01-31", false);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
        assertThat(refused.code()).isEqualTo("shop-refused");
        assertThat(refused.body()).contains("401");
        assertThat(backfills()).isZero();
    }

    @Test
    void aShopThatFailsMidwayStopsTheBackfillAfterThreeRoundsAndStartingItAgainResumesAtThePageItStoppedAt() {
        open();
        orders();
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));

        JsonNode failed = backfill("2026-01-01", "2026-01-31", false);

        assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.path("error").asString()).contains("HTTP 500");
        assertThat(failed.path("orders").asInt()).as("page one is kept").isEqualTo(100);
        assertThat(purchases()).isEqualTo(100);

        orders(); // the shop is well again
        Api.Response resumed = start("2026-01-01", "2026-01-31", false);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(202);
        assertThat(resumed.json().path("id").asLong()).isEqualTo(failed.path("id").asLong());
        JsonNode done = runToTheEnd(failed.path("id").asLong());

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("orders").asInt()).as("page one was not read again").isEqualTo(102);
        assertThat(purchases()).isEqualTo(101);
        shop.verify(1, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("page", equalTo("1")));
    }
}
