package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Fixtures;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backfilling from PrestaShop's webservice: customers and orders filtered on {@code date_add} in the shop's time
 * zone, paged with {@code limit=offset,count}, orders decided on their state's flags as the module's webhooks are.
 */
class BackfillingFromPrestaShopTest extends BackfillScenario {

    private String anna;
    private String bruno;

    private void open() {
        connect("PRESTASHOP", Map.of(), Map.of("shopUrl", shop.baseUrl(), "apiKey", "PSKEYBACKFILL0001"));
        anna = Fixtures.unique("anna") + "@shop.test";
        bruno = Fixtures.unique("bruno") + "@shop.test";
        shop.stubFor(get(urlPathEqualTo("/api/")).willReturn(json("{\"api\":{\"customers\":{},\"orders\":{}}}")));
        shop.stubFor(get(urlPathEqualTo("/api/configurations")).withQueryParam("filter[name]", containing("PS_TIMEZONE"))
                .willReturn(json("{\"configurations\":[{\"name\":\"PS_TIMEZONE\",\"value\":\"Europe/Rome\"}]}")));
        shop.stubFor(get(urlPathEqualTo("/api/configurations")).withQueryParam("filter[name]", containing("PS_OS_CANCELED"))
                .willReturn(json("{\"configurations\":[{\"name\":\"PS_OS_CANCELED\",\"value\":\"6\"},"
                        + "{\"name\":\"PS_OS_REFUND\",\"value\":\"7\"},{\"name\":\"PS_OS_ERROR\",\"value\":\"8\"}]}")));
        shop.stubFor(get(urlPathEqualTo("/api/order_states")).willReturn(json("{\"order_states\":["
                + "{\"id\":2,\"paid\":\"1\",\"logable\":\"1\",\"shipped\":\"0\",\"delivery\":\"0\"},"
                + "{\"id\":5,\"paid\":\"1\",\"logable\":\"1\",\"shipped\":\"1\",\"delivery\":\"1\"},"
                + "{\"id\":6,\"paid\":\"0\",\"logable\":\"0\",\"shipped\":\"0\",\"delivery\":\"0\"}]}")));
        shop.stubFor(get(urlPathEqualTo("/api/currencies"))
                .willReturn(json("{\"currencies\":[{\"id\":1,\"iso_code\":\"EUR\"}]}")));
        shop.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("filter[date_add]", containing("2026"))
                .withQueryParam("limit", equalTo("0,100"))
                .willReturn(json("{\"customers\":[" + customer(1, anna, "2026-01-03 10:00:00") + "]}")));
        shop.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("filter[id]", equalTo("[1|2]"))
                .willReturn(json("{\"customers\":[" + customer(1, anna, "2026-01-03 10:00:00") + ","
                        + customer(2, bruno, "2025-03-03 10:00:00") + "]}")));
        shop.stubFor(get(urlPathEqualTo("/api/orders")).withQueryParam("filter[date_add]", containing("2026"))
                .withQueryParam("limit", equalTo("0,100"))
                .willReturn(json("{\"orders\":[" + order(31, 1, 5, "61.00") + "," + order(32, 2, 6, "20.00") + ","
                        + order(33, 2, 2, "35.50") + "]}")));
    }

    private static String customer(long id, String email, String added) {
        return "{\"id\":" + id + ",\"email\":\"" + email + "\",\"firstname\":\"Anna\",\"lastname\":\"Rossi\","
                + "\"birthday\":\"1990-05-01\",\"newsletter\":\"1\",\"optin\":\"0\",\"is_guest\":\"0\",\"deleted\":\"0\","
                + "\"date_add\":\"" + added + "\",\"date_upd\":\"" + added + "\"}";
    }

    private static String order(long id, long customer, int state, String total) {
        return "{\"id\":" + id + ",\"id_customer\":\"" + customer + "\",\"id_currency\":\"1\",\"current_state\":\""
                + state + "\",\"reference\":\"REF" + id + "\",\"date_add\":\"2026-01-10 11:00:00\","
                + "\"date_upd\":\"2026-01-11 11:00:00\",\"total_paid_tax_incl\":\"" + total + "\",\"total_paid\":\""
                + total + "\",\"total_discounts_tax_excl\":\"0.000000\",\"associations\":{\"order_rows\":[{\"id\":\"1\","
                + "\"product_id\":\"7\",\"product_quantity\":\"1\",\"product_reference\":\"demo_7\",\"unit_price_tax_incl\":\""
                + total + "\",\"unit_price_tax_excl\":\"" + total + "\"}]}}";
    }

    private String status(String orderId) {
        return jdbc.sql("select status from purchase where circuit_id = :c and order_id = :o")
                .param("c", world.circuitId).param("o", orderId).query(String.class).single();
    }

    @Test
    void theWebservicesCustomersAndOrdersBecomeMembersAndPurchasesDecidedOnTheirStatesFlagsOnce() {
        open();

        JsonNode done = backfill("2026-01-01", "2026-01-31", false);

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("customers").asInt()).isEqualTo(1);
        assertThat(done.path("orders").asInt()).isEqualTo(3);
        assertThat(done.path("purchases").asInt()).isEqualTo(3);
        assertThat(members(anna)).isEqualTo(1);
        assertThat(members(bruno)).as("enrolled by his orders").isEqualTo(1);
        assertThat(status("31")).as("shipped").isEqualTo("COMPLETED");
        assertThat(status("32")).as("the shop's cancelled state").isEqualTo("CANCELLED");
        assertThat(status("33")).as("paid").isEqualTo("PAID");
        assertThat(available(memberId(anna))).isZero();
        shop.verify(getRequestedFor(urlPathEqualTo("/api/orders"))
                .withQueryParam("filter[date_add]", equalTo("[2026-01-01 01:00:00,2026-02-01 00:59:59]"))
                .withQueryParam("date", equalTo("1")).withQueryParam("display", equalTo("full"))
                .withQueryParam("output_format", equalTo("JSON")));

        JsonNode again = backfill("2026-01-01", "2026-01-31", false);

        assertThat(again.path("purchases").asInt()).isEqualTo(3);
        assertThat(purchases()).as("the same orders again are the same purchases").isEqualTo(3);
        assertThat(members(bruno)).isEqualTo(1);
        world.assertBooksBalance();
    }

    @Test
    void aPeriodWithNothingInItEndsWithNothingRecorded() {
        open();
        shop.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("filter[date_add]", containing("2025"))
                .willReturn(json("[]")));
        shop.stubFor(get(urlPathEqualTo("/api/orders")).withQueryParam("filter[date_add]", containing("2025"))
                .willReturn(json("[]")));

        JsonNode done = backfill("2025-03-01", "2025-03-31", false);

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("orders").asInt()).isZero();
        assertThat(purchases()).isZero();
    }
}
