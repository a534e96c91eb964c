package org.loyaltyhub.purchases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Purchases made before they reached LoyaltyHub (another system's history, an import), and the purchases written out
 * again for an export. A past purchase is completed (or refunded as it says) at its own date; it counts for tiers,
 * indicators and RFM like any purchase, and earns points only when asked.
 */
public interface PastPurchases {

    /**
     * Records the purchase at its store, in the circuit's currency, and answers the points it credited; empty (and
     * nothing written) when the store's company already has this order on this channel: the same receipt twice is
     * one purchase.
     */
    java.util.OptionalLong recordPast(long circuitId, PastPurchase purchase, boolean earnPoints, String actor);

    /** Whether the store's company already has this order on this channel (a dry run's check). */
    boolean recorded(long circuitId, long storeId, String channel, String orderId);

    /** The circuit's purchases the filter keeps, oldest first, streamed; cancelled ones are left out. */
    void each(long circuitId, Filter filter, Consumer<Exported> each);

    /** How many purchases {@link #each} gives. */
    long count(long circuitId, Filter filter);

    /** A purchase of the past: {@code refunded} is what was given back of {@code total} (zero: none). */
    record PastPurchase(long memberId, long storeId, String channel, String orderId, BigDecimal total,
                        BigDecimal refunded, Instant occurredAt) {
        public PastPurchase {
            if (total.signum() < 0 || refunded.signum() < 0 || refunded.compareTo(total) > 0) {
                throw new IllegalArgumentException("refunded must be between zero and the total");
            }
        }
    }

    /** Narrows an export: days (UTC, both included), a store, a company; null: any. */
    record Filter(LocalDate from, LocalDate to, Long storeId, Long companyId) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** A purchase as an export writes it, with the member's keys another circuit can find them by. */
    record Exported(long id, String orderId, String channel, Instant occurredAt, BigDecimal total,
                    BigDecimal refunded, String currency, long storeId, String storeName, long companyId,
                    String companyName, String cardNumber, String email, String phone) {
    }
}
