package org.loyaltyhub.integrations.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connected shop of each platform played by WireMock, with a member the shop knows (linked as customer 4711, or by
 * e-mail for WooCommerce), and the shop's order webhooks of each platform carrying the codes the order used.
 */
abstract class ShopCodeScenario extends ShopScenario {

    static final String GRAPHQL = "/admin/api/2025-10/graphql.json";

    @Autowired
    CustomerMatcher matcher;
    @Autowired
    Connections connections;
    @Autowired
    CodeExpiry expiry;
    @Autowired
    JdbcClient jdbc;

    protected WireMockServer shop;
    protected String platform;
    protected String domain;
    protected String email;
    protected long member;

    @BeforeEach
    void startShop() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
    }

    @AfterEach
    void stopShop() {
        shop.stop();
    }

    /** Connects a shop of the platform that accepts codes, and a member it knows. */
    protected void open(String platform) {
        this.platform = platform;
        domain = Fixtures.unique("codes").toLowerCase() + ".myshopify.com";
        Map<String, Object> connection = switch (platform) {
            case "WOOCOMMERCE" -> Map.of("shopUrl", shop.baseUrl(), "apiKey", "ck_k", "apiSecret", "cs_k");
            case "SHOPIFY" -> Map.of("shopUrl", shop.baseUrl(), "shopDomain", domain, "apiKey", "shpat_k");
            default -> Map.of("shopUrl", shop.baseUrl(), "apiKey", "PSKEY000111");
        };
        connect(platform, Map.of(), connection);
        email = Fixtures.unique("codes") + "@shop.test";
        member = member(email);
        if (!platform.equals("WOOCOMMERCE")) {
            matcher.link(connections.find(connectionId).orElseThrow(), "4711", member);
        }
        accepts();
    }

    /** The shop makes every code it is asked for. */
    protected void accepts() {
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/coupons")).willReturn(json(201, "{\"id\":654,\"code\":\"x\"}")));
        shop.stubFor(delete(urlPathMatching("/wp-json/wc/v3/coupons/.*")).willReturn(json(200, "{\"id\":654}")));
        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("discountCodeBasicCreate"))
                .willReturn(json(200, "{\"data\":{\"discountCodeBasicCreate\":{\"codeDiscountNode\":"
                        + "{\"id\":\"gid://shopify/DiscountCodeNode/55\"},\"userErrors\":[]}}}")));
        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("discountCodeFreeShippingCreate"))
                .willReturn(json(200, "{\"data\":{\"discountCodeFreeShippingCreate\":{\"codeDiscountNode\":"
                        + "{\"id\":\"gid://shopify/DiscountCodeNode/56\"},\"userErrors\":[]}}}")));
        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("discountCodeDelete"))
                .willReturn(json(200, "{\"data\":{\"discountCodeDelete\":{\"deletedCodeDiscountId\":"
                        + "\"gid://shopify/DiscountCodeNode/55\",\"userErrors\":[]}}}")));
        shop.stubFor(get(urlPathEqualTo("/api/cart_rules")).willReturn(json(200, "{\"cart_rules\":[]}")));
        shop.stubFor(post(urlPathEqualTo("/api/cart_rules")).willReturn(json(201, "{\"cart_rule\":{\"id\":12}}")));
        shop.stubFor(delete(urlPathMatching("/api/cart_rules/.*")).willReturn(aResponse().withStatus(200)));
    }

    /** The shop refuses every code, each platform in its own way. */
    protected void refuses() {
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/coupons")).atPriority(1).willReturn(json(401,
                "{\"code\":\"woocommerce_rest_cannot_create\",\"message\":\"Sorry, you are not allowed to create resources.\"}")));
        shop.stubFor(post(urlPathEqualTo(GRAPHQL)).atPriority(1).willReturn(json(200,
                "{\"data\":{\"discountCodeBasicCreate\":{\"codeDiscountNode\":null,\"userErrors\":[{\"field\":"
                        + "[\"basicCodeDiscount\",\"customerGets\"],\"code\":\"INVALID\",\"message\":\"Customer gets is invalid\"}]}}}")));
        shop.stubFor(post(urlPathEqualTo("/api/cart_rules")).atPriority(1).willReturn(json(500,
                "{\"errors\":[{\"code\":85,\"message\":\"Validation error: \\\"reduction_amount\\\"\"}]}")));
    }

    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** How many codes the shop was asked to create. */
    protected int createRequests() {
        return switch (platform) {
            case "WOOCOMMERCE" -> shop.findAll(com.github.tomakehurst.wiremock.client.WireMock
                    .postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/coupons"))).size();
            case "SHOPIFY" -> shop.findAll(com.github.tomakehurst.wiremock.client.WireMock
                    .postRequestedFor(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("Create"))).size();
            default -> shop.findAll(com.github.tomakehurst.wiremock.client.WireMock
                    .postRequestedFor(urlPathEqualTo("/api/cart_rules"))).size();
        };
    }

    /** The last create request's body as the shop received it. */
    protected String lastCreate() {
        var requests = shop.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathMatching(
                "/wp-json/wc/v3/coupons|" + GRAPHQL + "|/api/cart_rules")));
        assertThat(requests).isNotEmpty();
        return requests.getLast().getBodyAsString();
    }

    /**
     * The shop's order {@code orderId} using {@code code}, in the platform's own webhook: {@code state} is paid,
     * cancelled or refunded (with {@code refunded} of the 40.00 total given back).
     */
    protected Shops.Answer order(long orderId, String code, String state, String refunded, String eventId) {
        return switch (platform) {
            case "WOOCOMMERCE" -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("id", orderId);
                o.put("status", switch (state) {
                    case "cancelled" -> "cancelled";
                    case "refunded" -> refunded == null ? "refunded" : "processing"; // a partial refund keeps it
                    default -> "processing";
                });
                o.put("currency", "EUR");
                o.put("total", "40.00");
                o.put("customer_id", 5);
                o.put("billing", Map.of("email", email));
                o.put("date_created_gmt", "2026-01-10T10:00:00");
                o.put("date_modified_gmt", "2026-01-10T10:05:" + eventId.substring(eventId.length() - 2));
                o.put("line_items", List.of());
                o.put("refunds", refunded == null ? List.of() : List.of(Map.of("id", 71, "total", "-" + refunded)));
                o.put("coupon_lines", List.of(Map.of("code", code.toLowerCase(), "discount", "5.00")));
                String body = Api.JSON.writeValueAsString(o);
                yield Shops.post(port, "/api/v1/hooks/woocommerce/" + connectionId, "application/json", body,
                        Map.of("X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Signature", Shops.sign(secret, body)));
            }
            case "SHOPIFY" -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("id", orderId);
                o.put("email", email);
                o.put("currency", "EUR");
                o.put("total_price", "40.00");
                o.put("financial_status", switch (state) {
                    case "refunded" -> refunded == null ? "refunded" : "partially_refunded";
                    case "cancelled" -> "voided";
                    default -> "paid";
                });
                o.put("fulfillment_status", null);
                o.put("cancelled_at", state.equals("cancelled") ? "2026-01-10T11:00:00+01:00" : null);
                o.put("created_at", "2026-01-10T10:00:00+01:00");
                o.put("updated_at", "2026-01-10T10:05:" + eventId.substring(eventId.length() - 2) + "+01:00");
                o.put("customer", Map.of("id", 4711, "email", email));
                o.put("line_items", List.of(Map.of("id", 1, "product_id", 77, "quantity", 1, "price", "40.00")));
                o.put("discount_codes", List.of(Map.of("code", code, "amount", "5.00", "type", "fixed_amount")));
                o.put("refunds", refunded == null ? List.of() : List.of(Map.of("id", 71, "transactions",
                        List.of(Map.of("kind", "refund", "status", "success", "amount", refunded)))));
                String body = Api.JSON.writeValueAsString(o);
                yield Shops.post(port, "/api/v1/hooks/shopify/" + connectionId, "application/json", body,
                        Map.of("X-Shopify-Topic", state.equals("cancelled") ? "orders/cancelled" : "orders/updated",
                                "X-Shopify-Hmac-Sha256", Shops.sign(secret, body), "X-Shopify-Shop-Domain", domain,
                                "X-Shopify-Event-Id", Fixtures.unique(eventId), "X-Shopify-Webhook-Id", "w1",
                                "X-Shopify-API-Version", "2025-10"));
            }
            default -> {
                String flags = switch (state) {
                    case "cancelled" -> "\"paid\":false,\"logable\":false,\"shipped\":false,\"delivery\":false,"
                            + "\"cancelled\":true,\"refunded\":false,\"failed\":false";
                    case "refunded" -> "\"paid\":true,\"logable\":true,\"shipped\":false,\"delivery\":false,"
                            + "\"cancelled\":false,\"refunded\":" + (refunded == null) + ",\"failed\":false";
                    default -> "\"paid\":true,\"logable\":true,\"shipped\":false,\"delivery\":false,"
                            + "\"cancelled\":false,\"refunded\":false,\"failed\":false";
                };
                String slips = refunded == null ? "[]"
                        : "[{\"id\":71,\"total_products_tax_incl\":\"" + refunded + "\",\"amount\":\"" + refunded
                        + "\",\"total_shipping_tax_incl\":\"0\"}]";
                String body = """
                        {"event":"order.status","order":{"id":%d,"reference":"XKB","currency":"EUR",
                        "total_paid_tax_incl":"40.00","total_products_wt":"40.00","total_shipping_tax_incl":"0",
                        "date_add":"2026-01-20T10:00:00+01:00","date_upd":"2026-01-20T10:05:%s+01:00",
                        "customer":{"id":4711,"email":"%s","firstname":"Anna","lastname":"Rossi","is_guest":false},
                        "state":{"id":2,"name":"x",%s},"lines":[],"slips":%s,"refunded_total":"%s",
                        "cart_rules":[{"code":"%s","value":"5.00","value_tax_excl":"5.00"}]}}"""
                        .formatted(orderId, eventId.substring(eventId.length() - 2), email, flags, slips,
                                refunded == null ? "0" : refunded, code);
                yield Shops.post(port, "/api/v1/hooks/prestashop/" + connectionId, "application/json", body,
                        Map.of("X-LoyaltyHub-Signature", Shops.sign(secret, body),
                                "X-LoyaltyHub-Event-Id", Fixtures.unique(eventId)));
            }
        };
    }
}
