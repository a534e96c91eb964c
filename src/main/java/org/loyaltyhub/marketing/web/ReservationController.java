package org.loyaltyhub.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.marketing.reservations.Bookable;
import org.loyaltyhub.marketing.reservations.BookableInput;
import org.loyaltyhub.marketing.reservations.BookableKind;
import org.loyaltyhub.marketing.reservations.Booking;
import org.loyaltyhub.marketing.reservations.OpeningHours;
import org.loyaltyhub.marketing.reservations.Reservation;
import org.loyaltyhub.marketing.reservations.ReservationStatus;
import org.loyaltyhub.marketing.reservations.Reservations;
import org.loyaltyhub.marketing.reservations.Slot;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Reservations over the API: what stores offer to book (administrators), the slots with the places left, bookings
 * for members (operators, API keys; idempotent with an Idempotency-Key), cancellation, the day at a store and the
 * counter's arrived / no-show. A refused booking is a {@code booking-refused} problem with its {@code reason}.
 */
@RestController
class ReservationController {

    private final Reservations reservations;

    ReservationController(Reservations reservations) {
        this.reservations = reservations;
    }

    /** One opening of a weekday, local time of the store ("09:00" to "13:00"). */
    record Hours(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    /** What a store offers to book. */
    record BookableBody(@NotNull BookableKind kind, @NotBlank @Size(max = 120) String name,
                        @NotNull @Min(5) @Max(BookableInput.MAX_DURATION) Integer durationMinutes,
                        @NotNull @Min(1) @Max(BookableInput.MAX_CAPACITY) Integer capacity,
                        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Hours> hours,
                        @Size(max = 366) List<@NotNull LocalDate> closures, Boolean active) {

        BookableInput input() {
            try {
                return new BookableInput(kind, name, durationMinutes, capacity, hours.stream()
                        .map(h -> new OpeningHours(h.day(), h.opens(), h.closes())).toList(),
                        closures == null ? null : new HashSet<>(closures), active == null || active);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("hours", "each opening must start before it closes");
            }
        }
    }

    /** A booking for a member the caller sees. */
    record BookingBody(@NotNull @Positive Long memberId, @NotNull @Positive Long bookableId, @NotNull Instant startsAt,
                       @Min(1) @Max(BookableInput.MAX_CAPACITY) Integer seats) {
    }

    /** The counter's mark: ARRIVED or NO_SHOW. */
    record AttendanceBody(@NotNull ReservationStatus attendance) {
    }

    @PostMapping("/api/v1/stores/{storeId}/bookables")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Offers something to book at a store (circuit or company administrators): a table, an "
            + "appointment or a service, with slot length, places per slot, weekly hours and closed days")
    Bookable define(Caller caller, @PathVariable long storeId, @Valid @RequestBody BookableBody body) {
        return reservations.define(caller, storeId, body.input());
    }

    @PutMapping("/api/v1/bookables/{bookableId}")
    @Operation(summary = "Changes a bookable (all its fields); existing reservations stay")
    Bookable change(Caller caller, @PathVariable long bookableId, @Valid @RequestBody BookableBody body) {
        return reservations.change(caller, bookableId, body.input());
    }

    @GetMapping("/api/v1/bookables")
    @Operation(summary = "What the caller's stores offer to book")
    List<Bookable> bookables(Caller caller) {
        return reservations.bookables(caller);
    }

    @GetMapping("/api/v1/bookables/{bookableId}")
    Bookable bookable(Caller caller, @PathVariable long bookableId) {
        return reservations.bookable(caller, bookableId);
    }

    @GetMapping("/api/v1/bookables/{bookableId}/slots")
    @Operation(summary = "A day's slots of a switched-on bookable with the places left (date in the store's calendar)")
    List<Slot> slots(Caller caller, @PathVariable long bookableId,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return reservations.slots(caller.circuit(), bookableId, date);
    }

    @PostMapping("/api/v1/reservations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Books a slot for a member; refused (booking-refused, with its reason) in the past, on a closed "
            + "day, off the slots or over the places left. Idempotent with an Idempotency-Key")
    Reservation book(Caller caller, @Valid @RequestBody BookingBody body,
                     @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? "api:" + UUID.randomUUID()
                : "api:" + caller.actor() + ":" + idempotencyKey;
        return reservations.book(caller, body.memberId(), new Booking(body.bookableId(), body.startsAt(),
                body.seats() == null ? 1 : body.seats(), key, null));
    }

    @GetMapping("/api/v1/reservations/{reservationId}")
    Reservation reservation(Caller caller, @PathVariable long reservationId) {
        return reservations.reservation(caller, reservationId);
    }

    @PostMapping("/api/v1/reservations/{reservationId}/cancel")
    @Operation(summary = "Cancels a booked reservation; its places are free again")
    Reservation cancel(Caller caller, @PathVariable long reservationId) {
        return reservations.cancel(caller, reservationId);
    }

    @PostMapping("/api/v1/reservations/{reservationId}/attendance")
    @Operation(summary = "The counter marks a booked reservation ARRIVED or NO_SHOW (no-show only once it started)")
    Reservation attendance(Caller caller, @PathVariable long reservationId, @Valid @RequestBody AttendanceBody body) {
        return reservations.mark(caller, reservationId, body.attendance());
    }

    @GetMapping("/api/v1/stores/{storeId}/reservations")
    @Operation(summary = "A day's reservations at a store, by start time")
    List<Reservation> day(Caller caller, @PathVariable long storeId,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return reservations.day(caller, storeId, date);
    }
}
