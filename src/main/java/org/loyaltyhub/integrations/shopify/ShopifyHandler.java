package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.Connections;
import org.loyaltyhub.integrations.internal.CustomerMatcher;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.ShopOrders;
import org.loyaltyhub.integrations.internal.Outcome;
import org.loyaltyhub.integrations.internal.Privacy;
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
import java.util.Objects;

/**
 * Shopify: the orders topics carry the order as it was when the event happened (retries resend the original), so
 * the status is read from the signed body alone (financial and fulfilment status, {@code cancelled_at}), never from
 * the topic, an unsigned header;
 * {@code refunds/create} carries one refund with its order id; the privacy topics forget what the shop asks to be
 * forgotten, when the body proves the topic (see {@link ShopifyTopicProof}).
 */
@Component
class ShopifyHandler {

    private final ShopOrders orders;
    private final CustomerMatcher matcher;
    private final Privacy privacy;
    private final Connections connections;
    private final java.time.Clock clock;

    ShopifyHandler(ShopOrders orders, CustomerMatcher matcher, Privacy privacy, Connections connections,
                   java.time.Clock clock) {
        this.orders = orders;
        this.matcher = matcher;
        this.privacy = privacy;
        this.connections = connections;
        this.clock = clock;
    }

    Outcome handle(Connection c, String topic, JsonNode body) {
        java.util.Optional<String> unproven = ShopifyTopicProof.unproven(c, topic, body);
        if (unproven.isPresent()) {
            return Outcome.ignored("the body does not prove the topic " + topic + " (" + unproven.get()
                    + "): nothing was changed", null);
        }
        return switch (topic) {
            case "orders/create", "orders/updated", "orders/paid", "orders/fulfilled", "orders/cancelled" ->
                    orders.apply(c, order(topic, body));
            case "refunds/create" -> orders.refund(c, Json.require(body, "order_id"),
                    Json.require(body, "id"), refunded(body));
            case "customers/create" -> customer(c, body);
            case "customers/data_request" -> privacy.requestCustomerData(c, Json.text(body.path("customer"), "id"),
                    Json.text(body.path("customer"), "email"), Json.text(body.path("data_request"), "id"));
            case "customers/redact" -> privacy.forgetCustomer(c, Json.text(body.path("customer"), "id"),
                    Json.text(body.path("customer"), "email"));
            case "app/uninstalled" -> {
                connections.dropApiKey(c.id());
                yield Outcome.processed("the app was uninstalled from the shop: its access token is dropped; install "
                        + "the app again to create discount codes", null);
            }
            case "shop/redact" -> privacy.requestShopRemoval(c, "Shopify shop/redact webhook for "
                    + Json.text(body, "shop_domain") + " (shop_id " + Json.text(body, "shop_id") + ")", clock.instant());
            default -> Outcome.ignored("topic " + topic + " is not used", null);
        };
    }

    static ShopOrder order(String topic, JsonNode o) {
        String id = Json.require(o, "id");
        Map<String, BigDecimal> refunds = new LinkedHashMap<>();
        for (JsonNode r : Json.array(o, "refunds")) {
            refunds.put(Json.require(r, "id"), refunded(r));
        }
        JsonNode cust = o.path("customer");
        String email = Json.text(o, "email") != null ? Json.text(o, "email") : Json.text(cust, "email");
        ShopOrder.Customer customer = new ShopOrder.Customer(Json.text(cust, "id"), email,
                Json.text(cust, "first_name"), Json.text(cust, "last_name"), null, marketing(cust), null);
        boolean taxesIncluded = Json.flag(o, "taxes_included");
        List<Purchases.Line> lines = Json.array(o, "line_items").stream().map(l -> line(l, taxesIncluded))
                .filter(Objects::nonNull).toList();
        List<String> codes = Json.array(o, "discount_codes").stream().map(d -> Json.text(d, "code"))
                .filter(Objects::nonNull).toList();
        BigDecimal total = Json.money(o, "total_price");
        if (total == null || total.signum() < 0) {
            throw new UnusableDelivery("order " + id + " has no valid total_price");
        }
        return new ShopOrder(id, Json.instant(o, "updated_at"), status(o), Json.text(o, "currency"), total,
                refunds, customer, lines, codes, Json.instant(o, "created_at"));
    }

    static PurchaseStatus status(JsonNode o) {
        if (Json.text(o, "cancelled_at") != null) { // the topic alone is an unsigned header: the body must say so
            return PurchaseStatus.CANCELLED;
        }
        String financial = Objects.requireNonNullElse(Json.text(o, "financial_status"), "pending");
        if (financial.equals("refunded") || financial.equals("voided")) {
            return financial.equals("voided") ? PurchaseStatus.CANCELLED : PurchaseStatus.REFUNDED;
        }
        // the topic is an unsigned header: the status comes from the signed body alone
        if ("fulfilled".equals(Json.text(o, "fulfillment_status"))) {
            return PurchaseStatus.COMPLETED;
        }
        if (financial.equals("paid") || financial.equals("partially_refunded")) {
            return PurchaseStatus.PAID;
        }
        return PurchaseStatus.CREATED;
    }

    /** The money a refund returned: its successful refund transactions. */
    static BigDecimal refunded(JsonNode refund) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode t : Json.array(refund, "transactions")) {
            String status = Json.text(t, "status");
            BigDecimal amount = Json.money(t, "amount");
            if ("refund".equals(Json.text(t, "kind")) && amount != null && (status == null || status.equals("success"))) {
                sum = sum.add(amount.abs());
            }
        }
        return sum;
    }

    private static Boolean marketing(JsonNode customer) {
        JsonNode consent = customer.path("email_marketing_consent");
        if (consent.isObject()) {
            return "subscribed".equals(Json.text(consent, "state"));
        }
        return Json.optionalFlag(customer, "accepts_marketing");
    }

    /**
     * A line's goods after discounts, without tax: its price times quantity, less the discounts Shopify allocated to
     * it ({@code discount_allocations}: code and automatic discounts, order-wide ones spread over the lines; the
     * deprecated {@code total_discount} when there are none), less its {@code tax_lines} when the shop's prices
     * include tax ({@code taxes_included}). Shipping is never a line. See docs/integrations/shopify.md.
     */
    private static Purchases.Line line(JsonNode l, boolean taxesIncluded) {
        BigDecimal qty = Json.money(l, "quantity");
        BigDecimal price = Json.money(l, "price");
        if (qty == null || qty.signum() <= 0 || price == null || price.signum() < 0) {
            return null;
        }
        BigDecimal discount = sum(l, "discount_allocations", "amount");
        if (discount.signum() == 0 && Json.money(l, "total_discount") != null) {
            discount = Json.money(l, "total_discount").max(BigDecimal.ZERO);
        }
        BigDecimal tax = taxesIncluded ? sum(l, "tax_lines", "price") : BigDecimal.ZERO;
        BigDecimal net = price.multiply(qty).subtract(discount).subtract(tax).max(BigDecimal.ZERO);
        return new Purchases.Line(Json.text(l, "product_id"), Json.text(l, "sku"), qty,
                net.divide(qty, 4, RoundingMode.HALF_EVEN), discount.signum() > 0);
    }

    private static BigDecimal sum(JsonNode node, String array, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : Json.array(node, array)) {
            BigDecimal amount = Json.money(item, field);
            sum = amount == null ? sum : sum.add(amount.abs());
        }
        return sum;
    }

    /** A customer as the REST API and the {@code customers/create} webhook give it. */
    static ShopOrder.Customer customer(JsonNode body) {
        return new ShopOrder.Customer(Json.require(body, "id"), Json.text(body, "email"),
                Json.text(body, "first_name"), Json.text(body, "last_name"), null, marketing(body), null);
    }

    private Outcome customer(Connection c, JsonNode body) {
        String id = Json.require(body, "id");
        ShopOrder.Customer customer = customer(body);
        return matcher.match(c, customer, true)
                .map(m -> Outcome.processed("customer " + id + " is member " + m, id))
                .orElseGet(() -> Outcome.ignored("customer " + id + " has no usable e-mail", id));
    }
}
