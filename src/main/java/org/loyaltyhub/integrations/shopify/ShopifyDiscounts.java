package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.DiscountApi;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Shopify basic code discounts over the Admin GraphQL API ({@code X-Shopify-Access-Token}): a fixed amount off the
 * whole order, one use, for one customer. Shopify answers 200 with {@code userErrors} when it refuses.
 */
@Component
class ShopifyDiscounts implements DiscountApi {

    static final String CREATE = "mutation discountCodeBasicCreate($basicCodeDiscount: DiscountCodeBasicInput!) { "
            + "discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) { codeDiscountNode { id } "
            + "userErrors { field code message } } }";
    static final String FIND = "query codeDiscountNodeByCode($code: String!) { codeDiscountNodeByCode(code: $code) { id } }";
    static final String DELETE = "mutation discountCodeDelete($id: ID!) { discountCodeDelete(id: $id) { "
            + "deletedCodeDiscountId userErrors { field code message } } }";

    private final ShopifyAdmin admin;

    ShopifyDiscounts(ShopifyAdmin admin) {
        this.admin = admin;
    }

    @Override
    public String create(Connection c, NewCode code) throws Refused, ShopHttp.Unreachable {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("title", "LoyaltyHub " + code.code() + " (" + code.points() + " points)");
        d.put("code", code.code());
        d.put("startsAt", code.startsAt().toString());
        d.put("endsAt", code.expiresAt().toString());
        d.put("usageLimit", 1);
        d.put("appliesOncePerCustomer", true);
        ObjectNode gets = d.putObject("customerGets");
        gets.putObject("value").putObject("discountAmount").put("amount", code.amount().display().toPlainString())
                .put("appliesOnEachItem", false);
        java.util.List<Long> only = NewCode.numeric(code.limits().onlyProducts());
        if (!code.limits().onlyProducts().isEmpty() && only.isEmpty()) {
            throw new Refused(422, "the program lets points discount only listed products, and none of them is a "
                    + "Shopify product id", false);
        }
        if (only.isEmpty()) {
            // Shopify's basic discount cannot leave products out: "all but the listed" discounts every product
            gets.putObject("items").put("all", true);
        } else {
            var products = gets.putObject("items").putObject("products").putArray("productsToAdd");
            only.forEach(id -> products.add("gid://shopify/Product/" + id));
        }
        d.putObject("context").putObject("customers").putArray("add").add("gid://shopify/Customer/" + code.shopCustomer());
        d.putObject("combinesWith").put("orderDiscounts", false).put("productDiscounts", false).put("shippingDiscounts", true);
        if (code.minimumSpend().isPositive()) {
            d.putObject("minimumRequirement").putObject("subtotal")
                    .put("greaterThanOrEqualToSubtotal", code.minimumSpend().display().toPlainString());
        }
        JsonNode data = call(c, CREATE, Json.MAPPER.createObjectNode().set("basicCodeDiscount", d))
                .path("discountCodeBasicCreate");
        for (JsonNode e : data.path("userErrors")) {
            throw new Refused(200, Json.text(e, "message"), "TAKEN".equals(Json.text(e, "code")));
        }
        return Json.text(data.path("codeDiscountNode"), "id");
    }

    @Override
    public Optional<String> find(Connection c, String code) throws Refused, ShopHttp.Unreachable {
        JsonNode node = call(c, FIND, Json.MAPPER.createObjectNode().put("code", code)).path("codeDiscountNodeByCode");
        return Optional.ofNullable(Json.text(node, "id"));
    }

    @Override
    public void delete(Connection c, String shopId) throws Refused, ShopHttp.Unreachable {
        JsonNode data = call(c, DELETE, Json.MAPPER.createObjectNode().put("id", shopId)).path("discountCodeDelete");
        for (JsonNode e : data.path("userErrors")) {
            String message = Json.text(e, "message");
            if (message == null || !message.toLowerCase(java.util.Locale.ROOT).contains("not exist")) {
                throw new Refused(200, message, false);
            }
        }
    }

    /** The {@code data} of a GraphQL answer; HTTP failures and top-level errors are refusals. */
    private JsonNode call(Connection c, String query, ObjectNode variables) throws Refused, ShopHttp.Unreachable {
        ObjectNode body = Json.MAPPER.createObjectNode().put("query", query);
        body.set("variables", variables);
        ShopHttp.Answer a = admin.graphql(c, body.toString());
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(a.body());
        } catch (RuntimeException notJson) {
            throw Refused.of(a, null);
        }
        if (!a.ok()) {
            throw Refused.of(a, json.path("errors").isString() ? json.path("errors").asString() : null);
        }
        if (json.path("errors").isArray() && !json.path("errors").isEmpty()) {
            throw new Refused(a.status(), Json.text(json.path("errors").get(0), "message"), false);
        }
        return json.path("data");
    }
}
