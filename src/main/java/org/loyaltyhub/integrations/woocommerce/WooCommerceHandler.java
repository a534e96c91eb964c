package org.loyaltyhub.integrations.woocommerce;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.CustomerMatcher;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.ShopOrders;
import org.loyaltyhub.integrations.internal.Outcome;
import org.loyaltyhub.integrations.internal.ShopOrder;
import org.loyaltyhub.integrations.internal.UnusableDelivery;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.Purchases;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WooCommerce: {@code order.created} and {@code order.updated} carry the whole order as it is at delivery time
 * (refunds included), {@code order.deleted} only its id, {@code customer.created} the new customer.
 */
@Component
class WooCommerceHandler {

    private final ShopOrders orders;
    private final CustomerMatcher matcher;

    WooCommerceHandler(ShopOrders orders, CustomerMatcher matcher) {
        this.orders = orders;
        this.matcher = matcher;
    }

    Outcome handle(Connection c, String topic, JsonNode body) {
        return switch (topic) {
            case "order.created", "order.updated", "order.restored" -> orders.apply(c, order(body));
            case "order.deleted" -> body.has("status") || body.has("line_items")
                    // WooCommerce sends only {"id":N} for a deletion; the topic is an unsigned header
                    ? Outcome.ignored("the body is a whole order, not a deletion notice: the topic " + topic
                    + " is not believed and nothing was changed", null)
                    : orders.deleted(c, Json.require(body, "id"));
            case "customer.created", "customer.updated" -> customer(c, body);
            default -> Outcome.ignored("topic " + topic + " is not used", null);
        };
    }

    static ShopOrder order(JsonNode o) {
        String id = Json.require(o, "id");
        Map<String, BigDecimal> refunds = new LinkedHashMap<>();
        for (JsonNode r : Json.array(o, "refunds")) {
            BigDecimal amount = Json.money(r, "total");
            if (amount != null) {
                refunds.put(Json.require(r, "id"), amount.abs());
            }
        }
        JsonNode billing = o.path("billing");
        String customerId = Json.text(o, "customer_id");
        ShopOrder.Customer customer = new ShopOrder.Customer("0".equals(customerId) ? null : customerId,
                Json.text(billing, "email"), Json.text(billing, "first_name"), Json.text(billing, "last_name"),
                null, null, null);
        List<Purchases.Line> lines = Json.array(o, "line_items").stream().map(WooCommerceHandler::line)
                .filter(java.util.Objects::nonNull).toList();
        List<String> codes = Json.array(o, "coupon_lines").stream().map(l -> Json.text(l, "code"))
                .filter(java.util.Objects::nonNull).toList();
        BigDecimal total = Json.money(o, "total");
        if (total == null || total.signum() < 0) {
            throw new UnusableDelivery("order " + id + " has no valid total");
        }
        java.time.Instant version = Json.instant(o, "date_modified_gmt");
        java.time.Instant created = Json.instant(o, "date_created_gmt");
        return new ShopOrder(id, version != null ? version : Json.instant(o, "date_modified"), status(Json.text(o, "status")),
                Json.text(o, "currency"), total, refunds, customer, lines, codes,
                created != null ? created : Json.instant(o, "date_created"));
    }

    static PurchaseStatus status(String s) {
        return switch (s == null ? "pending" : s) {
            case "processing" -> PurchaseStatus.PAID;
            case "completed" -> PurchaseStatus.COMPLETED;
            case "cancelled", "failed", "trash" -> PurchaseStatus.CANCELLED;
            case "refunded" -> PurchaseStatus.REFUNDED;
            default -> PurchaseStatus.CREATED; // pending, on-hold, checkout-draft and custom statuses
        };
    }

    private static Purchases.Line line(JsonNode l) {
        BigDecimal qty = Json.money(l, "quantity");
        BigDecimal total = Json.money(l, "total");
        if (qty == null || qty.signum() <= 0 || total == null || total.signum() < 0) {
            return null;
        }
        BigDecimal subtotal = Json.money(l, "subtotal");
        return new Purchases.Line(Json.text(l, "product_id"), Json.text(l, "sku"), qty, total.divide(qty, 4, RoundingMode.HALF_EVEN),
                subtotal != null && subtotal.compareTo(total) > 0);
    }

    /** A customer as the REST API and the {@code customer.*} webhooks give it. */
    static ShopOrder.Customer customer(JsonNode body) {
        return new ShopOrder.Customer(Json.require(body, "id"), Json.text(body, "email"),
                Json.text(body, "first_name"), Json.text(body, "last_name"), null, null, null);
    }

    private Outcome customer(Connection c, JsonNode body) {
        String id = Json.require(body, "id");
        ShopOrder.Customer customer = customer(body);
        return matcher.match(c, customer, true)
                .map(m -> Outcome.processed("customer " + id + " is member " + m, id))
                .orElseGet(() -> Outcome.ignored("customer " + id + " has no usable e-mail", id));
    }
}
