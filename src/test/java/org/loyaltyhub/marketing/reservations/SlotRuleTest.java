package org.loyaltyhub.marketing.reservations;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotRuleTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);

    private static Bookable bookable(int minutes, int capacity, Set<LocalDate> closures, OpeningHours... hours) {
        return new Bookable(1, 1, 1, 1, "Centro", BookableKind.APPOINTMENT, "Taglio", minutes, capacity, true,
                List.of(hours), closures);
    }

    private static Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), ROME).toInstant();
    }

    private static OpeningHours monday(String opens, String closes) {
        return new OpeningHours(DayOfWeek.MONDAY, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    @Test
    void slotsFollowOneAnotherFromEachOpeningAndEndByItsClosing() {
        SlotRule rule = new SlotRule(bookable(45, 1, Set.of(), monday("15:00", "17:00"), monday("09:00", "10:30")),
                ROME);
        assertThat(rule.starts(MONDAY)).containsExactly(at(MONDAY, "09:00"), at(MONDAY, "09:45"),
                at(MONDAY, "15:00"), at(MONDAY, "15:45"));
        assertThat(rule.starts(MONDAY.plusDays(1))).isEmpty();
    }

    @Test
    void aSlotThatWouldRunPastMidnightIsNotOffered() {
        SlotRule rule = new SlotRule(bookable(120, 1, Set.of(), monday("21:00", "23:59")), ROME);
        assertThat(rule.starts(MONDAY)).containsExactly(at(MONDAY, "21:00"));
    }

    @Test
    void aClosedDayHasNoSlots() {
        SlotRule rule = new SlotRule(bookable(60, 2, Set.of(MONDAY), monday("09:00", "12:00")), ROME);
        assertThat(rule.starts(MONDAY)).isEmpty();
        assertThat(rule.starts(MONDAY.plusDays(7))).hasSize(3);
    }

    @Test
    void aBookingMustStartAtASlotAheadAndAskNoMorePlacesThanASlotHas() {
        SlotRule rule = new SlotRule(bookable(60, 2, Set.of(MONDAY.plusDays(7)), monday("09:00", "12:00")), ROME);
        Instant now = at(MONDAY, "09:30");
        assertThat(rule.refusal(at(MONDAY, "10:00"), 2, now)).isEmpty();
        assertThat(rule.refusal(at(MONDAY, "09:00"), 1, now)).contains(BookingRefused.Reason.IN_THE_PAST);
        assertThat(rule.refusal(at(MONDAY, "10:30"), 1, now)).contains(BookingRefused.Reason.NOT_A_SLOT);
        assertThat(rule.refusal(at(MONDAY.plusDays(1), "10:00"), 1, now)).contains(BookingRefused.Reason.CLOSED);
        assertThat(rule.refusal(at(MONDAY.plusDays(7), "10:00"), 1, now)).contains(BookingRefused.Reason.CLOSED);
        assertThat(rule.refusal(at(MONDAY, "11:00"), 3, now)).contains(BookingRefused.Reason.OVER_CAPACITY);
        assertThat(rule.end(at(MONDAY, "11:00"))).isEqualTo(at(MONDAY, "12:00"));
    }

    @Test
    void aSwitchedOffBookableIsNotOffered() {
        Bookable off = new Bookable(1, 1, 1, 1, "Centro", BookableKind.TABLE, "Tavolo", 60, 2, false,
                List.of(monday("09:00", "12:00")), Set.of());
        assertThat(new SlotRule(off, ROME).refusal(at(MONDAY, "10:00"), 1, at(MONDAY, "08:00")))
                .isEqualTo(Optional.of(BookingRefused.Reason.NOT_OFFERED));
    }

    @Test
    void overlappingOpeningsAndEmptyHoursAreRefusedWhereTheBookableIsWritten() {
        assertThatThrownBy(() -> new BookableInput(BookableKind.TABLE, "Tavolo", 60, 2,
                List.of(monday("09:00", "12:00"), monday("11:00", "13:00")), Set.of(), true))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("hours");
        assertThatThrownBy(() -> new BookableInput(BookableKind.TABLE, " ", 0, 0, List.of(), Set.of(), true))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("name", "durationMinutes", "capacity", "hours"));
    }

    @Test
    void onlyABookedReservationMovesAndOnlyOnce() {
        assertThat(ReservationStatus.BOOKED.then(ReservationStatus.ARRIVED)).isEqualTo(ReservationStatus.ARRIVED);
        assertThatThrownBy(() -> ReservationStatus.ARRIVED.then(ReservationStatus.NO_SHOW))
                .isInstanceOfSatisfying(BookingRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(BookingRefused.Reason.NOT_OPEN));
        assertThatThrownBy(() -> ReservationStatus.CANCELLED.then(ReservationStatus.CANCELLED))
                .isInstanceOf(BookingRefused.class);
    }
}
