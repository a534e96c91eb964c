package org.loyaltyhub.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.loyaltyhub.ledger.Purpose;

/**
 * The points report's figures for a filter: what was credited and debited on members' balances, how many movements,
 * the average per movement ({@code (credits + debits) / operations}) and per member of the scope
 * ({@code (credits + debits) / members}), per report kind and per period.
 */
public record PointsSummary(Purpose purpose, long credits, long debits, long operations, long members,
                            List<KindTotal> byKind, List<Period> periods) {

    public record KindTotal(ReportKind kind, long credits, long debits, long operations) {
    }

    public record Period(LocalDate start, long credits, long debits, long operations) {
    }

    public PointsSummary {
        byKind = List.copyOf(byKind);
        periods = List.copyOf(periods);
    }

    /** Credits less debits: how much members' balances grew. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public long net() {
        return credits - debits;
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public BigDecimal averagePerOperation() {
        return average(operations);
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public BigDecimal averagePerMember() {
        return average(members);
    }

    private BigDecimal average(long count) {
        return count == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(credits + debits).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
