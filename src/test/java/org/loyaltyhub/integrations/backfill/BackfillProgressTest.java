package org.loyaltyhub.integrations.backfill;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillProgressTest {

    private static Backfill at(BackfillStatus status, BackfillPhase phase, int done, Integer total) {
        return new Backfill(1, 2, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), false, status, phase, done,
                total, 0, 0, 0, 0, 0, null, Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void customersAreTheFirstHalfOrdersTheSecondAndAnUnknownTotalHasNoPercent() {
        assertThat(at(BackfillStatus.RUNNING, BackfillPhase.CUSTOMERS, 50, 100).percent()).isEqualTo(25);
        assertThat(at(BackfillStatus.RUNNING, BackfillPhase.ORDERS, 100, 100).percent()).isEqualTo(100);
        assertThat(at(BackfillStatus.RUNNING, BackfillPhase.ORDERS, 10, null).percent()).isNull();
        assertThat(at(BackfillStatus.DONE, BackfillPhase.ORDERS, 10, null).percent()).isEqualTo(100);
    }

    @Test
    void aPeriodIsWholeUtcDaysWithBothEndsIncluded() {
        BackfillSource.Period january = new BackfillSource.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));

        assertThat(january.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(january.end()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(january.contains(Instant.parse("2026-01-31T23:59:59Z"))).isTrue();
        assertThat(january.contains(Instant.parse("2026-02-01T00:00:00Z"))).isFalse();
        assertThat(january.contains(null)).isFalse();
    }
}
