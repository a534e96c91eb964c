package org.loyaltyhub.purchases;

import org.loyaltyhub.tenancy.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What other modules (the shop integrations) ask of purchases: bring an order of a channel to the state given.
 * Sending the same state again posts nothing; the program posts only the difference in points.
 */
public interface Purchases {

    Purchase record(Caller caller, OrderState order);

    /**
     * An order as a shop last reported it: the member it belongs to, its amounts (in the circuit's currency), its
     * status, and the redemption whose code it used, if any.
     */
    record OrderState(String orderId, String channel, Long storeId, long memberId, String currency, BigDecimal total,
                      BigDecimal refundedTotal, PurchaseStatus status, Instant occurredAt, Long redemptionId,
                      List<Line> lines) {
    }

    record Line(String productId, String sku, BigDecimal quantity, BigDecimal unitPrice, boolean discounted) {
    }
}
