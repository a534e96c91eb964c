package org.loyaltyhub.ledger;

import java.time.Instant;

/** How a leg on a lot-tracking account treats lots. */
public sealed interface LotRule {

    /** A credit that opens a new lot issued by a company, expiring at {@code expiresAt} (null: never). */
    record NewLot(Long issuerCompanyId, Instant expiresAt) implements LotRule {
    }

    /** A credit that gives back to the lots an earlier entry consumed (a released hold, a voided debit). */
    record Restore(long entryId) implements LotRule {
    }

    /** A debit that consumes the lots an earlier entry created first (a refund, a voided credit), then the oldest. */
    record ConsumeFirst(long entryId) implements LotRule {
    }

    /** A debit that consumes exactly one lot (expiry). */
    record ConsumeLot(long lotId) implements LotRule {
    }

    /** A debit that consumes the oldest-expiring lots. */
    record Oldest() implements LotRule {
    }
}
