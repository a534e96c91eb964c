package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.purchases.Purchase;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.Purchases;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Hands the orders the platforms read to purchases, which keeps the one state machine of an order (merging
 * out-of-order deliveries, refunds by id): this side finds the member behind the customer and the discount code the
 * order used (points or wallet money held for a code, or a voucher made into the shop's code), voids a cancelled order's code, and says in words what a delivery came to.
 * An anonymous gift card's code settles from the order itself, whether or not a member placed it.
 */
@Component
public class ShopOrders {

    private final CustomerMatcher matcher;
    private final Purchases purchases;
    private final Tenancy tenancy;
    private final ShopCodes codes;
    private final VoucherCodeUses vouchers;
    private final WalletCodeUses wallets;

    ShopOrders(CustomerMatcher matcher, Purchases purchases, Tenancy tenancy, ShopCodes codes, VoucherCodeUses vouchers,
               WalletCodeUses wallets) {
        this.wallets = wallets;
        this.matcher = matcher;
        this.purchases = purchases;
        this.tenancy = tenancy;
        this.codes = codes;
        this.vouchers = vouchers;
    }

    /** A delivery that reports the whole order. */
    public Outcome apply(Connection c, ShopOrder order) {
        return apply(c, order, false);
    }

    /**
     * A report of the whole order; {@code withoutPoints}: a past order read by a backfill, recorded for tiers,
     * indicators and RFM without earning (when this report is the first to record it).
     */
    public Outcome apply(Connection c, ShopOrder order, boolean withoutPoints) {
        String customerRef = order.customer() == null || order.customer().guest() ? null : order.customer().id();
        String circuitCurrency = tenancy.circuit(c.circuitId()).currency();
        if (order.currency() != null && !order.currency().equalsIgnoreCase(circuitCurrency)) {
            return Outcome.ignored("order " + order.orderId() + " is in " + order.currency() + ", the circuit counts in "
                    + circuitCurrency, customerRef);
        }
        Purchases.OrderResult result = purchases.report(c.caller(), new Purchases.OrderReport(ref(c, order.orderId()),
                order.version(), order.status(), order.total(), order.refunds(), order.lines(), order.occurredAt(),
                withoutPoints),
                new Purchases.Parties() {
                    @Override
                    public Optional<Long> member() {
                        return matcher.match(c, order.customer(), true);
                    }

                    @Override
                    public Optional<Long> redemption(long memberId) {
                        return codes.redemptionUsed(c, memberId, order.orderId(), order.codes());
                    }
                });
        wallets.settleGiftCard(c, order);
        Purchase p = result.purchase();
        if (p == null) {
            return Outcome.ignored(order.customer() == null || order.customer().email() == null
                    ? "order " + order.orderId() + " has no customer e-mail to match a member"
                    : order.customer().guest() && !c.enrolGuests()
                    ? "order " + order.orderId() + " is a guest's, not a member's, and this connection does not enrol guests"
                    : "order " + order.orderId() + "'s customer is not a member", customerRef);
        }
        wallets.settle(c, p, order.codes());
        if (p.status() == PurchaseStatus.CANCELLED) {
            codes.orderVoided(c, order.orderId());
        } else {
            vouchers.usedBy(c, p.memberId(), order.orderId(), order.codes());
        }
        return Outcome.processed("order " + order.orderId() + " is " + p.status() + (result.newer() ? ""
                : " (this delivery was older than what is known and changed only refunds)"), customerRef);
    }

    /** A refund reported on its own (Shopify's refunds/create). */
    public Outcome refund(Connection c, String orderId, String refundId, BigDecimal amount) {
        Purchase p = purchases.reportRefund(c.caller(), ref(c, orderId), refundId, amount).purchase();
        if (p != null) {
            wallets.settle(c, p, null);
        }
        return p == null ? Outcome.processed("refund " + refundId + " kept until order " + orderId + " is known", null)
                : Outcome.processed("order " + orderId + " is " + p.status() + " after refund " + refundId, null);
    }

    /** The order was deleted in the shop. */
    public Outcome deleted(Connection c, String orderId) {
        wallets.giftCardOrderDeleted(c, orderId);
        Purchase p = purchases.reportDeletion(c.caller(), ref(c, orderId)).purchase();
        if (p == null) {
            return Outcome.ignored("order " + orderId + " was deleted but never recorded", null);
        }
        wallets.settle(c, p, null);
        codes.orderVoided(c, orderId);
        return Outcome.processed("order " + orderId + " deleted: " + p.status(), null);
    }

    private static Purchases.OrderRef ref(Connection c, String orderId) {
        return new Purchases.OrderRef(c.channel(), c.storeId(), orderId);
    }
}
