package org.loyaltyhub.purchases;

import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;

import java.time.Instant;

/**
 * A member's visits, newest first, as the customer area lists them: purchases at a store or online, and check-ins at
 * stores (issue 18 §1: "a check-in is a visit in history"), which have no amount.
 */
public interface Visits {

    Page<Visit> of(long circuitId, long memberId, PageQuery page);

    enum Kind { PURCHASE, CHECK_IN }

    /** {@code total} and {@code status}: a purchase's; null for a check-in. {@code channel}: a check-in's method. */
    record Visit(Instant at, Long storeId, String channel, Money total, PurchaseStatus status, Kind kind) {

        public boolean checkIn() {
            return kind == Kind.CHECK_IN;
        }
    }
}
