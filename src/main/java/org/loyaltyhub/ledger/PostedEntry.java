package org.loyaltyhub.ledger;

/** The entry a draft produced; {@code replayed} when its business key had been posted before. */
public record PostedEntry(long id, boolean replayed) {
}
