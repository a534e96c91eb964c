package org.loyaltyhub.integrations.internal;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backfilling from Shopify: a bulk operation per phase ({@code bulkOperationRunQuery}), polled with
 * {@code node(id:)} until COMPLETED, then its JSONL file, where line items are lines of their own with
 * {@code __parentId}.
 */
class BackfillingFromShopifyTest extends BackfillScenario {

    static final String GRAPHQL = "/admin/api/2025-10/graphql.json";

    private String domain;
    private String anna;
    private String bruno;
    private String carla;

    private void open() {
        domain = Fixtures.unique("bulk").toLowerCase() + ".myshopify.com";
        connect("SHOPIFY", Map.of(), Map.of("shopUrl", shop.baseUrl(), "shopDomain", domain, "apiKey", "shpat_bulk"));
        anna = Fixtures.unique("anna") + "@shop.test";
        bruno = Fixtures.unique("bruno") + "@shop.test";
        carla = Fixtures.unique("carla") + "@shop.test";
        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("shop { name }"))
                .willReturn(json("{\"data\":{\"shop\":{\"name\":\"Bulk shop\"}}}")));
        bulk("customers(", 1, String.join("\n",
                "{\"id\":\"gid://shopify/Customer/7001\",\"email\":\"" + anna + "\",\"firstName\":\"Anna\",\"lastName\":\"Rossi\",\"createdAt\":\"2026-01-02T09:00:00Z\",\"emailMarketingConsent\":{\"marketingState\":\"SUBSCRIBED\"}}",
                "{\"id\":\"gid://shopify/Customer/7003\",\"email\":\"" + carla + "\",\"firstName\":\"Carla\",\"lastName\":\"Verdi\",\"createdAt\":\"2026-01-05T09:00:00Z\",\"emailMarketingConsent\":{\"marketingState\":\"NOT_SUBSCRIBED\"}}"),
                2);
        bulk("orders(", 2, String.join("\n",
                order(5001, anna, 7001, "30.00", "[]"),
                line(1, 5001, 1, "20.00"),
                order(5002, bruno, 7002, "50.00", "[{\"id\":\"gid://shopify/Refund/61\",\"totalRefundedSet\":{\"shopMoney\":{\"amount\":\"10.00\",\"currencyCode\":\"EUR\"}}}]"),
                line(2, 5002, 2, "25.00"),
                line(3, 5001, 1, "10.00"), // a child after another order: children follow their parent, not at once
                "{\"id\":\"gid://shopify/Order/5003\",\"email\":\"guest@shop.test\",\"createdAt\":\"2026-01-12T10:00:00Z\",\"updatedAt\":\"2026-01-12T10:00:00Z\",\"cancelledAt\":null,\"displayFinancialStatus\":\"PAID\",\"displayFulfillmentStatus\":\"UNFULFILLED\",\"currencyCode\":\"EUR\",\"taxesIncluded\":false,\"discountCodes\":[],\"totalPriceSet\":{\"shopMoney\":{\"amount\":\"15.00\",\"currencyCode\":\"EUR\"}},\"customer\":null,\"refunds\":[]}"),
                3);
    }

    /** A bulk query for {@code root} whose operation runs once, then completes with the file. */
    private void bulk(String root, int op, String jsonl, int roots) {
        String id = "gid://shopify/BulkOperation/" + op;
        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("bulkOperationRunQuery"))
                .withRequestBody(containing(root))
                .willReturn(json("{\"data\":{\"bulkOperationRunQuery\":{\"bulkOperation\":{\"id\":\"" + id
                        + "\",\"status\":\"CREATED\"},\"userErrors\":[]}}}")));
        String scenario = "operation " + op;
        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("node(id:"))
                .withRequestBody(containing(id)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"data\":{\"node\":{\"id\":\"" + id + "\",\"status\":\"RUNNING\",\"errorCode\":null,"
                        + "\"objectCount\":\"0\",\"rootObjectCount\":\"0\",\"url\":null}}}"))
                .willSetStateTo("done"));
        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("node(id:"))
                .withRequestBody(containing(id)).inScenario(scenario).whenScenarioStateIs("done")
                .willReturn(json("{\"data\":{\"node\":{\"id\":\"" + id + "\",\"status\":\"COMPLETED\",\"errorCode\":null,"
                        + "\"objectCount\":\"" + jsonl.split("\n").length + "\",\"rootObjectCount\":\"" + roots
                        + "\",\"url\":\"" + shop.baseUrl() + "/bulk/" + op + ".jsonl\"}}}")));
        shop.stubFor(get(urlPathEqualTo("/bulk/" + op + ".jsonl")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/jsonl").withBody(jsonl + "\n")));
    }

    private static String order(long id, String email, long customer, String total, String refunds) {
        return "{\"id\":\"gid://shopify/Order/" + id + "\",\"email\":\"" + email + "\",\"createdAt\":\"2026-01-10T10:00:00Z\","
                + "\"updatedAt\":\"2026-01-11T10:00:00Z\",\"cancelledAt\":null,\"displayFinancialStatus\":\"PAID\","
                + "\"displayFulfillmentStatus\":\"FULFILLED\",\"currencyCode\":\"EUR\",\"taxesIncluded\":false,"
                + "\"discountCodes\":[],\"totalPriceSet\":{\"shopMoney\":{\"amount\":\"" + total + "\",\"currencyCode\":\"EUR\"}},"
                + "\"customer\":{\"id\":\"gid://shopify/Customer/" + customer + "\",\"email\":\"" + email
                + "\",\"firstName\":\"A\",\"lastName\":\"B\"},\"refunds\":" + refunds + "}";
    }

    private static String line(long id, long order, int quantity, String price) {
        return "{\"id\":\"gid://shopify/LineItem/" + id + "\",\"quantity\":" + quantity + ",\"sku\":\"SKU-" + id
                + "\",\"product\":{\"id\":\"gid://shopify/Product/9" + id + "\"},\"originalUnitPriceSet\":{\"shopMoney\":"
                + "{\"amount\":\"" + price + "\",\"currencyCode\":\"EUR\"}},\"discountAllocations\":[],\"taxLines\":[],"
                + "\"__parentId\":\"gid://shopify/Order/" + order + "\"}";
    }

    private String restOrder(long id, String email, long customer) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("email", email);
        o.put("financial_status", "paid");
        o.put("fulfillment_status", "fulfilled");
        o.put("currency", "EUR");
        o.put("total_price", "30.00");
        o.put("customer", Map.of("id", customer, "email", email));
        o.put("line_items", List.of(Map.of("id", 1, "product_id", 91, "variant_id", 1, "quantity", 1, "price", "30.00")));
        o.put("created_at", "2026-01-10T10:00:00Z");
        o.put("updated_at", "2026-02-01T10:00:00Z");
        return Api.JSON.writeValueAsString(o);
    }

    @Test
    void theBulkOperationsFilesBecomeMembersAndPurchasesOnceWithTheirLineItemsAndRefunds() {
        open();

        JsonNode done = backfill("2026-01-01", "2026-01-31", false);

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("customers").asInt()).isEqualTo(2);
        assertThat(done.path("members").asInt()).isEqualTo(2);
        assertThat(done.path("orders").asInt()).isEqualTo(3);
        assertThat(done.path("purchases").asInt()).as("not the guest's").isEqualTo(2);
        assertThat(members(anna)).isEqualTo(1);
        assertThat(members(carla)).as("a customer of the period without orders").isEqualTo(1);
        assertThat(members(bruno)).as("enrolled by his order").isEqualTo(1);
        assertThat(purchases()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from purchase_line l join purchase p on p.id = l.purchase_id "
                        + "where p.circuit_id = :c and p.order_id = '5001'").param("c", world.circuitId)
                .query(Long.class).single()).as("both line items of order 5001, wherever they were in the file")
                .isEqualTo(2);
        assertThat(jdbc.sql("select refunded from purchase where circuit_id = :c and order_id = '5002'")
                .param("c", world.circuitId).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("10.00");
        assertThat(available(memberId(anna))).isZero();
        shop.verify(postRequestedFor(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("bulkOperationRunQuery"))
                .withRequestBody(containing("created_at:>='2026-01-01T00:00:00Z' AND created_at:<'2026-02-01T00:00:00Z'")));

        Shops.Answer hook = Shops.post(port, "/api/v1/hooks/shopify/" + connectionId, "application/json",
                restOrder(5001, anna, 7001), Map.of("X-Shopify-Topic", "orders/updated",
                        "X-Shopify-Hmac-Sha256", Shops.sign(secret, restOrder(5001, anna, 7001)),
                        "X-Shopify-Shop-Domain", domain, "X-Shopify-Event-Id", Fixtures.unique("e"),
                        "X-Shopify-Webhook-Id", Fixtures.unique("w"), "X-Shopify-API-Version", "2025-10"));
        processed(hook);

        assertThat(purchases()).as("the webhook's order 5001 is the backfilled one").isEqualTo(2);
        assertThat(available(memberId(anna))).isZero();
        world.assertBooksBalance();
    }

    @Test
    void aBulkOperationShopifyRefusesStopsTheBackfillWithShopifysReason() {
        open();
        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("bulkOperationRunQuery"))
                .withRequestBody(containing("customers("))
                .willReturn(json("{\"data\":{\"bulkOperationRunQuery\":{\"bulkOperation\":null,\"userErrors\":"
                        + "[{\"field\":[\"query\"],\"message\":\"Invalid bulk query: access denied\",\"code\":\"INVALID\"}]}}}")));

        JsonNode failed = backfill("2026-01-01", "2026-01-31", false);

        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("error").asString()).contains("access denied");
        assertThat(purchases()).isZero();
    }
}
