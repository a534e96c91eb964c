package org.loyaltyhub.marketing.reservations;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Something a store offers to book, with its rules. */
public record Bookable(long id, long circuitId, long companyId, long storeId, String storeName, BookableKind kind,
                       String name, int durationMinutes, int capacity, boolean active, List<OpeningHours> hours,
                       Set<LocalDate> closures) {
}
