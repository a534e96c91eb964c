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
 * Shopify code discounts over the Admin GraphQL API ({@code X-Shopify-Access-Token}): basic ones (an amount or a
 * percentage off, a product free) and free shipping ones, one use, for one customer. Shopify answers 200 with {@code userErrors} when it refuses.
 */
@Component
class ShopifyDiscounts implements DiscountApi {

    static final String CREATE = "mutation discountCodeBasicCreate($basicCodeDiscount: DiscountCodeBasicInput!) { "
            + "discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) { codeDiscountNode { id } "
            + "userErrors { field code message } } }";
    static final String CREATE_SHIPPING = "mutation discountCodeFreeShippingCreate("
            + "$freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) { discountCodeFreeShippingCreate("
            + "freeShippingCodeDiscount: $freeShippingCodeDiscount) { codeDiscountNode { id } "
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
        boolean shipping = code.benefit() instanceof Benefit.FreeShipping;
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("title", "LoyaltyHub " + code.code() + " (" + code.label() + ")");
        d.put("code", code.code());
        d.put("startsAt", code.startsAt().toString());
        d.put("endsAt", code.expiresAt().toString());
        d.put("usageLimit", 1);
        d.put("appliesOncePerCustomer", true);
        if (shipping) {
            d.putObject("destination").put("all", true);
        } else {
            customerGets(d.putObject("customerGets"), code);
        }
        if (code.shopCustomer() == null) { // an anonymous gift card's code, for whoever holds it
            d.putObject("context").put("all", "ALL");
        } else {
            d.putObject("context").putObject("customers").putArray("add")
                    .add("gid://shopify/Customer/" + code.shopCustomer());
        }
        d.putObject("combinesWith").put("orderDiscounts", false).put("productDiscounts", false)
                .put("shippingDiscounts", !shipping);
        if (code.minimumSpend().isPositive()) {
            d.putObject("minimumRequirement").putObject("subtotal")
                    .put("greaterThanOrEqualToSubtotal", code.minimumSpend().display().toPlainString());
        }
        String mutation = shipping ? "discountCodeFreeShippingCreate" : "discountCodeBasicCreate";
        JsonNode data = call(c, shipping ? CREATE_SHIPPING : CREATE,
                Json.MAPPER.createObjectNode().set(shipping ? "freeShippingCodeDiscount" : "basicCodeDiscount", d))
                .path(mutation);
        for (JsonNode e : data.path("userErrors")) {
            throw new Refused(200, Json.text(e, "message"), "TAKEN".equals(Json.text(e, "code")));
        }
        return Json.text(data.path("codeDiscountNode"), "id");
    }

    /**
     * What the customer gets: an amount off the order, a percentage of it ({@code percentage} is a fraction of one),
     * or one product at 100 % off. A basic discount cannot count units, so every unit of that product in the one
     * order the code is used on is free; the code is single-use and for one customer.
     */
    private static void customerGets(ObjectNode gets, NewCode code) throws Refused {
        ObjectNode value = gets.putObject("value");
        switch (code.benefit()) {
            case Benefit.AmountOff off -> value.putObject("discountAmount")
                    .put("amount", off.amount().display().toPlainString()).put("appliesOnEachItem", false);
            case Benefit.PercentOff off -> value.put("percentage", off.fraction());
            case Benefit.FreeProduct free -> {
                value.put("percentage", java.math.BigDecimal.ONE);
                gets.putObject("items").putObject("products").putArray("productsToAdd")
                        .add("gid://shopify/Product/" + free.productId());
                return;
            }
            case Benefit.FreeShipping ignored -> throw new IllegalStateException("free shipping has no customerGets");
        }
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
    }

    /** Shopify's code discounts have no maximum amount for a percentage. */
    @Override
    public Optional<Unsupported> cannotGive(Benefit benefit, org.loyaltyhub.shared.Money minimumSpend) {
        if (benefit instanceof Benefit.PercentOff off && off.cap() != null) {
            return Optional.of(new Unsupported("percent-cap-not-in-shop", "Shopify's discount codes cannot cap a "
                    + "percentage (" + off.cap() + " at most): use this voucher at the till, or a reward without a cap"));
        }
        return Optional.empty();
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
