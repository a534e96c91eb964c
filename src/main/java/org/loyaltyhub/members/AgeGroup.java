package org.loyaltyhub.members;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Age bands members are grouped in, by whole years on a day; a member without a birth date is in none. The one
 * definition of the bands: segments, member indicators and the members report all group by it.
 */
public enum AgeGroup {
    UNDER_18(0, 17), FROM_18_TO_24(18, 24), FROM_25_TO_34(25, 34), FROM_35_TO_44(35, 44), FROM_45_TO_54(45, 54),
    FROM_55_TO_64(55, 64), FROM_65(65, 150);

    private final int from;
    private final int to;

    AgeGroup(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The earliest birth date (exclusive) of a member in the band on {@code today}. */
    public LocalDate bornAfter(LocalDate today) {
        return today.minusYears(to + 1L);
    }

    /** The latest birth date (inclusive) of a member in the band on {@code today}. */
    public LocalDate bornOnOrBefore(LocalDate today) {
        return today.minusYears(from);
    }

    public boolean contains(LocalDate birthDate, LocalDate today) {
        return birthDate.isAfter(bornAfter(today)) && !birthDate.isAfter(bornOnOrBefore(today));
    }

    /** The band of a member born on {@code birthDate}, on {@code today}; empty without a birth date. */
    public static Optional<AgeGroup> of(LocalDate birthDate, LocalDate today) {
        return birthDate == null ? Optional.empty()
                : Arrays.stream(values()).filter(a -> a.contains(birthDate, today)).findFirst();
    }
}
