package org.loyaltyhub.marketing.reservations;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One opening of a weekday, in the store's local time: bookable slots start from {@code opens} and end by {@code closes}. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {

    public OpeningHours {
        if (day == null || opens == null || closes == null || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("Opening hours need a day and an opening before the closing");
        }
    }
}
