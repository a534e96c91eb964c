package org.loyaltyhub.integrations.backfill;

/** What a backfill reads: the period's customers first (members matched or enrolled), then its orders. */
public enum BackfillPhase {
    CUSTOMERS, ORDERS
}
