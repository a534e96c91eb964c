package org.loyaltyhub.marketing.reservations;

/** What a store offers to book: a table, an appointment with someone, or a service. */
public enum BookableKind {
    TABLE, APPOINTMENT, SERVICE
}
