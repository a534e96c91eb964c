package org.loyaltyhub.rewards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The period a per-member limit counts claims in: the UTC day, the UTC month, or ever. */
public enum LimitPeriod {
    DAY, MONTH, EVER;

    /** Where the period containing {@code now} starts. */
    public Instant start(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (this) {
            case DAY -> day.atStartOfDay(ZoneOffset.UTC).toInstant();
            case MONTH -> day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            case EVER -> Instant.EPOCH;
        };
    }
}
