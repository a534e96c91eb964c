package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * "Test connection": one harmless read from the shop's API with the stored credentials, reported as what is
 * wrong in words (unreachable, bad credentials, not that kind of shop, TLS) rather than as an error.
 */
@Component
public class ConnectionCheck {

    static final String SHOPIFY_API_VERSION = "2025-10";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ShopHttp http;

    ConnectionCheck(ShopHttp http) {
        this.http = http;
    }

    public record Result(boolean ok, String problem, String shopName) {
        static Result fine(String name) {
            return new Result(true, null, name);
        }

        static Result problem(String problem) {
            return new Result(false, problem, null);
        }
    }

    public Result check(Connection c) {
        try {
            return switch (c.platform()) {
                case WOOCOMMERCE -> woo(c);
                case SHOPIFY -> shopify(c);
                case PRESTASHOP -> presta(c);
                case WORDPRESS -> wordpress(c);
            };
        } catch (ShopHttp.Unreachable e) {
            return Result.problem(e.getMessage());
        }
    }

    private Result woo(Connection c) throws ShopHttp.Unreachable {
        if (c.apiKey() == null || c.apiSecret() == null) {
            return Result.problem("no WooCommerce consumer key and secret are stored for this connection");
        }
        ShopHttp.Answer a = http.send("GET", c.base() + "/wp-json/wc/v3/orders?per_page=1",
                Map.of("Authorization", ShopHttp.basic(c.apiKey(), c.apiSecret()), "Accept", "application/json"), null);
        return judge(a, "WooCommerce REST API (/wp-json/wc/v3)", "the consumer key or secret is wrong, or lacks read access",
                body -> body.isArray() ? Result.fine(c.name()) : null);
    }

    private Result shopify(Connection c) throws ShopHttp.Unreachable {
        if (c.apiKey() == null) {
            return Result.problem("no Shopify access token is stored for this connection");
        }
        ShopHttp.Answer a = http.shopifyGraphql(c, "{\"query\":\"{ shop { name } }\"}");
        return judge(a, "Shopify Admin API", "the access token is wrong or was revoked",
                body -> body.path("data").path("shop").has("name")
                        ? Result.fine(body.path("data").path("shop").path("name").asString()) : null);
    }

    private Result presta(Connection c) throws ShopHttp.Unreachable {
        if (c.apiKey() == null) {
            return Result.problem("no PrestaShop webservice key is stored for this connection");
        }
        ShopHttp.Answer a = http.send("GET", c.base() + "/api/?output_format=JSON",
                Map.of("Authorization", ShopHttp.basic(c.apiKey(), ""), "Accept", "application/json"), null);
        return judge(a, "PrestaShop webservice (/api)", "the webservice key is wrong or disabled",
                body -> body.isObject() ? Result.fine(c.name()) : null);
    }

    private Result wordpress(Connection c) throws ShopHttp.Unreachable {
        ShopHttp.Answer a = http.send("GET", c.base() + "/wp-json/", Map.of("Accept", "application/json"), null);
        return judge(a, "WordPress REST API (/wp-json)", "WordPress refused the request",
                body -> body.has("name") ? Result.fine(body.path("name").asString()) : null);
    }

    private static Result judge(ShopHttp.Answer a, String api, String unauthorized,
                                java.util.function.Function<JsonNode, Result> understood) {
        if (a.status() == 401 || a.status() == 403) {
            return Result.problem("bad credentials (HTTP " + a.status() + "): " + unauthorized);
        }
        if (a.status() == 404) {
            return Result.problem("not found (HTTP 404): this address does not serve the " + api);
        }
        if (a.status() >= 300 && a.status() < 400) {
            return Result.problem("the shop redirects (HTTP " + a.status() + "): check the address (https, www)");
        }
        if (!a.ok()) {
            return Result.problem("the shop answered HTTP " + a.status());
        }
        try {
            Result r = understood.apply(JSON.readTree(a.body()));
            return r != null ? r : Result.problem("the answer does not look like the " + api);
        } catch (RuntimeException notJson) {
            return Result.problem("the answer is not JSON: this address does not serve the " + api);
        }
    }
}
