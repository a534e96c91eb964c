package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.rewards.VoucherStatus;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Store;

import java.time.Instant;

/**
 * Whether a voucher may be redeemed at a store now: the circuit's own, still issued and not expired, not a physical
 * reward (those are handed over through fulfilment), valid at the store, and with the cart it needs.
 */
public final class RedeemPolicy {

    private RedeemPolicy() {
    }

    public static Decision decide(Voucher v, RewardDetails.Restrictions restrictions, long circuitId, Store store,
                                  Money cartTotal, Instant now) {
        if (v.circuitId() != circuitId) {
            return Decision.refuse("voucher-other-circuit", "This voucher was issued by another circuit");
        }
        if (v.status() != VoucherStatus.ISSUED) {
            return Decision.refuse(v.status().refusal(), "This voucher is already "
                    + v.status().name().toLowerCase());
        }
        if (!now.isBefore(v.expiresAt())) {
            return Decision.refuse("voucher-expired", "This voucher expired on " + v.expiresAt());
        }
        if (v.kind() != null && v.kind().fulfilledByStore()) {
            return Decision.refuse("voucher-needs-fulfilment", "This reward is handed over through the fulfilment "
                    + "queue, not redeemed at the till");
        }
        RewardDetails.Restrictions r = restrictions == null ? RewardDetails.Restrictions.NONE : restrictions;
        if (!r.validAt(store.companyId(), store.id())) {
            return Decision.refuse("voucher-wrong-store", "This voucher is not valid at " + store.name());
        }
        if (r.minimumCart() != null && r.minimumCart().isPositive()) {
            if (cartTotal == null) {
                return Decision.refuse("voucher-cart-needed", "This voucher needs a cart of at least "
                        + r.minimumCart().display() + " " + r.minimumCart().currency() + ": give the cart total");
            }
            if (cartTotal.compareTo(r.minimumCart()) < 0) {
                return Decision.refuse("voucher-cart-below-minimum", "This voucher needs a cart of at least "
                        + r.minimumCart().display() + " " + r.minimumCart().currency());
            }
        }
        return Decision.ALLOW;
    }
}
