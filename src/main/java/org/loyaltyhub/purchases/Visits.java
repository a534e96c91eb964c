package org.loyaltyhub.purchases;

import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;

import java.time.Instant;

/** A member's visits (purchases at a store or online), newest first, as the customer area lists them. */
public interface Visits {

    Page<Visit> of(long circuitId, long memberId, PageQuery page);

    record Visit(Instant at, Long storeId, String channel, Money total, PurchaseStatus status) {
    }
}
