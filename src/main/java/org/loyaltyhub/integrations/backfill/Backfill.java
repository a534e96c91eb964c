package org.loyaltyhub.integrations.backfill;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A backfill from a connected shop and its progress: the phase being read and how far ({@code done} of
 * {@code total} in the platform's unit, total null when the shop does not say), customers read and matched to
 * members, orders read and recorded as purchases, items that could not be used, and why it stopped if it failed.
 */
public record Backfill(long id, long connectionId, LocalDate from, LocalDate to, boolean withPoints,
                       BackfillStatus status, BackfillPhase phase, int done, Integer total, int customers,
                       int members, int orders, int purchases, int skipped, String error, Instant createdAt,
                       Instant updatedAt, Instant finishedAt) {

    /** The phase's progress in percent when the shop says how much there is; null otherwise. */
    @com.fasterxml.jackson.annotation.JsonProperty("percent")
    public Integer percent() {
        if (status == BackfillStatus.DONE) {
            return 100;
        }
        if (total == null || total <= 0) {
            return null;
        }
        int phaseShare = Math.min(100, done * 100 / total);
        return phase == BackfillPhase.CUSTOMERS ? phaseShare / 2 : 50 + phaseShare / 2;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean running() {
        return status.active();
    }
}
