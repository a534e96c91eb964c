package org.loyaltyhub.integrations.prestashop;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.CustomerMatcher;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.ShopOrders;
import org.loyaltyhub.integrations.internal.Outcome;
import org.loyaltyhub.integrations.internal.PluginFormat;
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
 * PrestaShop, through LoyaltyHub's module: {@code order.validated}, {@code order.status} and {@code order.slip}
 * carry the whole order with its state's flags (decided on the flags, never on state ids) and its credit slips;
 * {@code customer.created} the new customer with the newsletter and partner-offers opt-ins.
 */
@Component
class PrestaShopHandler {

    private final ShopOrders orders;
    private final CustomerMatcher matcher;

    PrestaShopHandler(ShopOrders orders, CustomerMatcher matcher) {
        this.orders = orders;
        this.matcher = matcher;
    }

    Outcome handle(Connection c, String topic, JsonNode body) {
        return switch (topic) {
            case "order.validated", "order.status", "order.slip" -> orders.apply(c, order(body.path("order")));
            case "customer.created" -> PluginFormat.customerCreated(c, body.path("customer"), matcher);
            case "ping" -> Outcome.processed("ping", null);
            default -> Outcome.ignored("topic " + topic + " is not used", null);
        };
    }

    static ShopOrder order(JsonNode o) {
        String id = Json.require(o, "id");
        Map<String, BigDecimal> refunds = new LinkedHashMap<>();
        for (JsonNode slip : Json.array(o, "slips")) {
            BigDecimal amount = Json.money(slip, "amount");
            if (amount != null) {
                refunds.put("slip-" + Json.require(slip, "id"), amount.abs());
            }
        }
        List<Purchases.Line> lines = afterVouchers(Json.array(o, "lines").stream().map(PrestaShopHandler::line)
                .filter(Objects::nonNull).toList(), Json.array(o, "cart_rules"));
        List<String> codes = Json.array(o, "cart_rules").stream().map(r -> Json.text(r, "code"))
                .filter(Objects::nonNull).toList();
        BigDecimal total = Json.money(o, "total_paid_tax_incl");
        if (total == null || total.signum() < 0) {
            throw new UnusableDelivery("order " + id + " has no valid total_paid_tax_incl");
        }
        return new ShopOrder(id, Json.instant(o, "date_upd"), status(o.path("state")), Json.text(o, "currency"), total,
                refunds, PluginFormat.customer(o.path("customer")), lines, codes, Json.instant(o, "date_add"));
    }

    /**
     * The state's flags as PrestaShop defines them ({@code OrderState}): {@code paid} the payment is in,
     * {@code logable} the order counts as validated, {@code shipped} the parcel has gone out, {@code delivery} only
     * that the delivery slip is shown (true already for "Processing in progress", so it is not a stage). The module
     * adds {@code cancelled}, {@code refunded} and {@code failed} (Payment error) from the shop's configured states,
     * which have no flag of their own. See docs/integrations/prestashop.md.
     */
    static PurchaseStatus status(JsonNode state) {
        if (Json.flag(state, "cancelled") || Json.flag(state, "failed")) {
            return PurchaseStatus.CANCELLED; // a payment error is a failed order, like WooCommerce's "failed"
        }
        if (Json.flag(state, "refunded")) {
            return PurchaseStatus.REFUNDED;
        }
        if (Json.flag(state, "shipped")) {
            return PurchaseStatus.COMPLETED;
        }
        if (Json.flag(state, "paid") || Json.flag(state, "logable")) {
            return PurchaseStatus.PAID;
        }
        return PurchaseStatus.CREATED;
    }

    /**
     * A line's goods without tax ({@code unit_price_tax_excl}; a module that does not send it: tax included). The
     * vouchers are taken off afterwards, see {@link #afterVouchers}.
     */
    private static Purchases.Line line(JsonNode l) {
        BigDecimal qty = Json.money(l, "quantity");
        boolean withoutTax = Json.money(l, "unit_price_tax_excl") != null || Json.money(l, "total_price_tax_excl") != null;
        BigDecimal unit = Json.money(l, withoutTax ? "unit_price_tax_excl" : "unit_price_tax_incl");
        BigDecimal total = Json.money(l, withoutTax ? "total_price_tax_excl" : "total_price_tax_incl");
        if (qty == null || qty.signum() <= 0) {
            return null;
        }
        if (total != null) {
            unit = total.divide(qty, 4, RoundingMode.HALF_EVEN);
        }
        if (unit == null || unit.signum() < 0) {
            return null;
        }
        return new Purchases.Line(Json.text(l, "product_id"), Json.text(l, "product_reference"), qty, unit, false);
    }

    /**
     * Vouchers (cart rules) apply to the cart, not to a line: their value ({@code value_tax_excl}, or {@code value}
     * from a module that does not send it) is taken off the lines in proportion to each line's amount.
     */
    static List<Purchases.Line> afterVouchers(List<Purchases.Line> lines, List<JsonNode> cartRules) {
        BigDecimal vouchers = BigDecimal.ZERO;
        for (JsonNode rule : cartRules) {
            BigDecimal v = Json.money(rule, Json.money(rule, "value_tax_excl") != null ? "value_tax_excl" : "value");
            vouchers = v == null ? vouchers : vouchers.add(v.abs());
        }
        BigDecimal goods = lines.stream().map(l -> l.unitPrice().multiply(l.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (vouchers.signum() == 0 || goods.signum() == 0) {
            return lines;
        }
        BigDecimal kept = goods.subtract(vouchers).max(BigDecimal.ZERO).divide(goods, 10, RoundingMode.HALF_EVEN);
        return lines.stream().map(l -> new Purchases.Line(l.productId(), l.sku(), l.quantity(),
                l.unitPrice().multiply(kept).setScale(4, RoundingMode.HALF_EVEN), true)).toList();
    }
}
