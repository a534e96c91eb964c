package org.loyaltyhub.marketing.reservations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a bookable can be booked: its slots follow one another from each opening of the day, each ending by the
 * closing, none on a closed day; a booking must start at a slot still ahead and ask no more places than a slot has.
 * Places already taken are counted by the database, under concurrency, not here.
 */
public final class SlotRule {

    private final Bookable bookable;
    private final ZoneId zone;

    public SlotRule(Bookable bookable, ZoneId zone) {
        this.bookable = bookable;
        this.zone = zone;
    }

    /** The starts of the day's slots, in order (none on a closed day). */
    public List<Instant> starts(LocalDate day) {
        List<Instant> starts = new ArrayList<>();
        if (bookable.closures().contains(day)) {
            return starts;
        }
        Duration length = Duration.ofMinutes(bookable.durationMinutes());
        bookable.hours().stream().filter(h -> h.day() == day.getDayOfWeek())
                .sorted(java.util.Comparator.comparing(OpeningHours::opens))
                .forEach(h -> {
                    // a slot that would run past midnight wraps the clock: it ends the day's slots
                    for (LocalTime t = h.opens(); t.plus(length).isAfter(t) && !t.plus(length).isAfter(h.closes());
                         t = t.plus(length)) {
                        starts.add(ZonedDateTime.of(day, t, zone).toInstant());
                    }
                });
        return starts;
    }

    /** Why this booking cannot be made, or empty when it can as far as the calendar goes. */
    public Optional<BookingRefused.Reason> refusal(Instant start, int seats, Instant now) {
        if (!bookable.active()) {
            return Optional.of(BookingRefused.Reason.NOT_OFFERED);
        }
        if (!start.isAfter(now)) {
            return Optional.of(BookingRefused.Reason.IN_THE_PAST);
        }
        List<Instant> starts = starts(start.atZone(zone).toLocalDate());
        if (starts.isEmpty()) {
            return Optional.of(BookingRefused.Reason.CLOSED);
        }
        if (!starts.contains(start)) {
            return Optional.of(BookingRefused.Reason.NOT_A_SLOT);
        }
        if (seats > bookable.capacity()) {
            return Optional.of(BookingRefused.Reason.OVER_CAPACITY);
        }
        return Optional.empty();
    }

    public Instant end(Instant start) {
        return start.plus(Duration.ofMinutes(bookable.durationMinutes()));
    }
}
