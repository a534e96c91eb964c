package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.integrations.internal.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bulk operation's JSONL file and its objects in the REST shape of Shopify's webhooks. In the file each object is
 * a line; an object of a nested connection (an order's line item) is a line of its own with {@code __parentId},
 * somewhere after its parent (not necessarily right after it), so the file is grouped whole before it is read.
 */
final class ShopifyJsonl {

    private ShopifyJsonl() {
    }

    /** A root object (a customer, an order) with the objects of its nested connections, in file order. */
    record Root(JsonNode object, List<JsonNode> children) {
    }

    static List<Root> roots(String jsonl) {
        Map<String, Root> byId = new LinkedHashMap<>();
        List<Root> roots = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode object = Json.MAPPER.readTree(line);
            String parent = Json.text(object, "__parentId");
            if (parent == null) {
                Root root = new Root(object, new ArrayList<>());
                roots.add(root);
                byId.put(Json.text(object, "id"), root);
            } else if (byId.containsKey(parent)) {
                byId.get(parent).children().add(object);
            }
        }
        return roots;
    }

    /** {@code gid://shopify/Order/123} → {@code 123}: the id webhooks carry. */
    static String legacyId(String gid) {
        return gid == null ? null : gid.substring(gid.lastIndexOf('/') + 1);
    }

    static JsonNode restCustomer(JsonNode c) {
        ObjectNode rest = Json.MAPPER.createObjectNode();
        rest.put("id", legacyId(Json.text(c, "id")));
        rest.put("email", Json.text(c, "email"));
        rest.put("first_name", Json.text(c, "firstName"));
        rest.put("last_name", Json.text(c, "lastName"));
        String marketing = Json.text(c.path("emailMarketingConsent"), "marketingState");
        if (marketing != null) {
            rest.putObject("email_marketing_consent").put("state", marketing.toLowerCase(Locale.ROOT));
        }
        return rest;
    }

    static JsonNode restOrder(Root root) {
        JsonNode o = root.object();
        ObjectNode rest = Json.MAPPER.createObjectNode();
        rest.put("id", legacyId(Json.text(o, "id")));
        rest.put("email", Json.text(o, "email"));
        rest.put("created_at", Json.text(o, "createdAt"));
        rest.put("updated_at", Json.text(o, "updatedAt"));
        rest.put("cancelled_at", Json.text(o, "cancelledAt"));
        rest.put("financial_status", lower(Json.text(o, "displayFinancialStatus")));
        rest.put("fulfillment_status", lower(Json.text(o, "displayFulfillmentStatus")));
        rest.put("currency", Json.text(o, "currencyCode"));
        rest.put("taxes_included", Json.flag(o, "taxesIncluded"));
        rest.put("total_price", amount(o.path("totalPriceSet")));
        if (o.path("customer").isObject()) {
            rest.set("customer", restCustomer(o.path("customer")));
        }
        ArrayNode codes = rest.putArray("discount_codes");
        Json.array(o, "discountCodes").forEach(code -> codes.addObject().put("code", code.asString()));
        ArrayNode refunds = rest.putArray("refunds");
        for (JsonNode r : Json.array(o, "refunds")) {
            refunds.addObject().put("id", legacyId(Json.text(r, "id"))).putArray("transactions").addObject()
                    .put("kind", "refund").put("status", "success").put("amount", amount(r.path("totalRefundedSet")));
        }
        ArrayNode lines = rest.putArray("line_items");
        for (JsonNode l : root.children()) {
            if (!Json.text(l, "id").contains("/LineItem/")) {
                continue;
            }
            ObjectNode line = lines.addObject();
            line.put("id", legacyId(Json.text(l, "id")));
            line.put("quantity", Json.text(l, "quantity"));
            line.put("sku", Json.text(l, "sku"));
            line.put("product_id", legacyId(Json.text(l.path("product"), "id")));
            line.put("price", amount(l.path("originalUnitPriceSet")));
            ArrayNode discounts = line.putArray("discount_allocations");
            Json.array(l, "discountAllocations").forEach(d -> discounts.addObject()
                    .put("amount", amount(d.path("allocatedAmountSet"))));
            ArrayNode taxes = line.putArray("tax_lines");
            Json.array(l, "taxLines").forEach(t -> taxes.addObject().put("price", amount(t.path("priceSet"))));
        }
        return rest;
    }

    /** A MoneyBag's amount in the shop's currency. */
    private static String amount(JsonNode bag) {
        return Json.text(bag.path("shopMoney"), "amount");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
