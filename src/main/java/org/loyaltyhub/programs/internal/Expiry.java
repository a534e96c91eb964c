package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.ProgramSettings;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** When points earned at a moment expire under the circuit's validity rule (UTC calendar). */
public final class Expiry {

    private Expiry() {
    }

    public static Instant of(ProgramSettings s, Instant earnedAt) {
        ZonedDateTime at = earnedAt.atZone(ZoneOffset.UTC);
        return switch (s.validity()) {
            case NEVER -> null;
            case MONTHS -> at.plusMonths(s.validityMonths() == null ? 12 : s.validityMonths()).toInstant();
            case END_OF_YEAR -> ZonedDateTime.of(at.getYear() + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
        };
    }
}
