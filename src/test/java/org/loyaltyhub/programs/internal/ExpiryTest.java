package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.ProgramSettings.Validity;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryTest {

    static ProgramSettings validity(Validity v, Integer months) {
        ProgramSettings d = ProgramSettings.defaults();
        return new ProgramSettings(true, 1, BigDecimal.ONE, d.earnRounding(), d.pendingFrom(), d.awardMoment(), 0, 0, 0,
                false, v, months, 100, BigDecimal.ONE, 0, BigDecimal.ZERO, null, null, false, d.redeemableProducts(), 30,
                null);
    }

    @Test
    void pointsExpireNeverAfterNMonthsOrAtTheEndOfTheYearTheyWereEarned() {
        Instant earned = Instant.parse("2026-03-31T10:00:00Z");
        assertThat(Expiry.of(validity(Validity.NEVER, null), earned)).isNull();
        assertThat(Expiry.of(validity(Validity.MONTHS, 11), earned)).isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
        assertThat(Expiry.of(validity(Validity.END_OF_YEAR, null), earned)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
