package org.loyaltyhub.purchases;

import org.loyaltyhub.tenancy.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules (the shop integrations) ask of purchases: the one state machine of an order. Each report of an
 * order (a shop's delivery) is merged with what earlier reports said, whatever order they arrive in: the newer report
 * wins (by the shop's version, or else by how far the order has gone: created, paid, completed, refunded,
 * cancelled), refunds accumulate by their id, and the purchase is then recorded once with the result, so only the
 * difference in points is posted. Sending the same report again posts nothing.
 */
public interface Purchases {

    /** A shop's report of the whole order. */
    OrderResult report(Caller caller, OrderReport report, Parties parties);

    /** A refund reported on its own: added to the order, applied if the order is known. */
    OrderResult reportRefund(Caller caller, OrderRef order, String refundId, BigDecimal amount);

    /** The order was deleted in the shop: cancelled, if it was known. */
    OrderResult reportDeletion(Caller caller, OrderRef order);

    /** Forgets what a channel's orders were reported as (its shop asked to be forgotten); the purchases stay. */
    void forgetReports(String channel);

    /** Which order: its purchase channel (e.g. {@code shopify:12}), the store it is recorded at, the shop's order id. */
    record OrderRef(String channel, Long storeId, String orderId) {
    }

    /**
     * An order as one report gives it, in the circuit's currency: its base status (CREATED, PAID, COMPLETED,
     * CANCELLED or REFUNDED; partial refunds come from the refunds), the refunds by their id, the lines it earns on.
     * {@code version} is the shop's modification time when it sends one. {@code withoutPoints}: a past order
     * brought in by a backfill, recorded for tiers, indicators and RFM without earning; it holds when the order is
     * first recorded, and a later report of the same order (a webhook) keeps what was decided then.
     */
    record OrderReport(OrderRef order, Instant version, PurchaseStatus status, BigDecimal total,
                       Map<String, BigDecimal> refunds, List<Line> lines, Instant occurredAt, boolean withoutPoints) {

        /** A report of an order that earns as the program says (what webhooks send). */
        public OrderReport(OrderRef order, Instant version, PurchaseStatus status, BigDecimal total,
                           Map<String, BigDecimal> refunds, List<Line> lines, Instant occurredAt) {
            this(order, version, status, total, refunds, lines, occurredAt, false);
        }
    }

    /** Who is behind an order and which code it used: the shop's side knows, asked only when the order needs it. */
    interface Parties {

        /** The member the order's customer is (found, or enrolled now); asked while the order has none. */
        Optional<Long> member();

        /** The redemption whose discount code the order used, if any. */
        Optional<Long> redemption(long memberId);
    }

    /**
     * What a report came to: the purchase as recorded, none while the order has no member or (a refund, a deletion)
     * is not known yet; whether the report was newer than what was known (an older one changes only refunds).
     */
    record OrderResult(Purchase purchase, boolean newer) {
    }

    record Line(String productId, String sku, BigDecimal quantity, BigDecimal unitPrice, boolean discounted) {
    }
}
