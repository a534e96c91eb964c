package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.integrations.internal.Connection;

import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/** A Shopify shop's Admin GraphQL API, called with the connection's access token. */
@Component
class ShopifyAdmin {

    static final String API_VERSION = "2025-10";

    private final ShopHttp http;

    ShopifyAdmin(ShopHttp http) {
        this.http = http;
    }

    /** One query (its JSON body as sent). */
    ShopHttp.Answer graphql(Connection c, String body) throws ShopHttp.Unreachable {
        return http.send("POST", c.base() + "/admin/api/" + API_VERSION + "/graphql.json",
                Map.of("X-Shopify-Access-Token", c.apiKey(), "Content-Type", "application/json",
                        "Accept", "application/json"), body);
    }

    /** One query with its variables (none when null). */
    ShopHttp.Answer graphql(Connection c, String query, ObjectNode variables) throws ShopHttp.Unreachable {
        ObjectNode body = Json.MAPPER.createObjectNode().put("query", query);
        if (variables != null) {
            body.set("variables", variables);
        }
        return graphql(c, body.toString());
    }

    /** The {@code data} of a successful GraphQL answer, or null. */
    static JsonNode data(ShopHttp.Answer a) {
        JsonNode json = a.ok() ? a.json() : null;
        if (json == null || (json.path("errors").isArray() && !json.path("errors").isEmpty())
                || !json.path("data").isObject()) {
            return null;
        }
        return json.path("data");
    }
}
