package org.loyaltyhub.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.shared.InvalidInput;

/**
 * The points report's filters: UTC days {@code from}..{@code to} inclusive, and optionally a store, a report kind, a
 * member and an operator (as journal entries record it, e.g. {@code operator:12}); {@code purpose} picks points or
 * one of the money units. The company comes from the {@link ReportScope}.
 */
public record PointsFilter(LocalDate from, LocalDate to, Long storeId, ReportKind kind, Long memberId, String operator,
                           Purpose purpose, Grouping grouping) {

    public static final int MAX_DAYS = 3700;

    public PointsFilter {
        checkRange(from, to);
        if (operator != null && (operator.isBlank() || operator.length() > 200)) {
            throw new InvalidInput("operator", "The operator is 1..200 characters");
        }
        purpose = purpose == null ? Purpose.POINTS : purpose;
        grouping = grouping == null ? Grouping.DAY : grouping;
    }

    /** Refuses a range with a missing end, backwards, or longer than {@link #MAX_DAYS}. */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidInput("from", "Give both dates of the range");
        }
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "The end of the range is before its start");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidInput("to", "A report covers at most " + MAX_DAYS + " days");
        }
    }

    /** Filters the daily rollups cannot answer: they read the journal (by its member and time indexes). */
    public boolean needsJournal() {
        return memberId != null || operator != null;
    }
}
