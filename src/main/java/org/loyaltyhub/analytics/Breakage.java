package org.loyaltyhub.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Points that ended expired against those redeemed over {@code from}..{@code to}: the breakage rate is
 * {@code expired / (expired + redeemed)}; with the points due to expire in each coming month.
 */
public record Breakage(LocalDate from, LocalDate to, long expired, long redeemed, List<Upcoming> upcoming) {

    public record Upcoming(YearMonth month, long points) {
    }

    public Breakage {
        upcoming = List.copyOf(upcoming);
    }

    /** A fraction between 0 and 1 with four decimals; zero when nothing expired or was redeemed. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public BigDecimal rate() {
        long base = expired + redeemed;
        return base == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(expired).divide(BigDecimal.valueOf(base), 4, RoundingMode.HALF_UP);
    }
}
