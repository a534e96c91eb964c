package org.loyaltyhub.customers.web;

import org.loyaltyhub.marketing.reservations.Bookable;
import org.loyaltyhub.marketing.reservations.BookableInput;
import org.loyaltyhub.marketing.reservations.Booking;
import org.loyaltyhub.marketing.reservations.BookingRefused;
import org.loyaltyhub.marketing.reservations.Reservations;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.FormValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customer area's bookings, phone first: the member's bookings (cancel one), then what to book, a day and its
 * free slots, and the places. The form carries a one-time key, so a double tap books once.
 */
@Controller
class CustomerBookings {

    private final SignedIn signedIn;
    private final Reservations reservations;
    private final Clock clock;

    CustomerBookings(SignedIn signedIn, Reservations reservations, Clock clock) {
        this.signedIn = signedIn;
        this.reservations = reservations;
        this.clock = clock;
    }

    @GetMapping("/c/{circuitId}/my/bookings")
    String page(@PathVariable long circuitId, @RequestParam(required = false) String bookable,
                @RequestParam(required = false) String date, @RequestParam(required = false) String landing,
                Model model) {
        Member member = signedIn.member(circuitId, model);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("bookableId", bookable == null ? "" : bookable);
        form.put("date", date == null ? "" : date);
        form.put("seats", "1");
        form.put("landing", landing == null ? "" : landing);
        return show(circuitId, member, form, Map.of(), model);
    }

    @PostMapping("/c/{circuitId}/my/bookings")
    String book(@PathVariable long circuitId, @RequestParam Map<String, String> submitted, Model model) {
        Member member = signedIn.member(circuitId, model);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        Bookable bookable = chosen(circuitId, form.number("bookableId"));
        Instant start = instant(form.text("startsAt"));
        Long seats = form.number("seats");
        if (start == null) {
            errors.put("startsAt", "bookings.error.slot");
        }
        if (seats == null || seats < 1 || seats > (bookable == null ? 1 : bookable.capacity())) {
            errors.put("seats", "bookings.error.seats");
        }
        if (bookable != null && errors.isEmpty()) {
            try {
                String key = form.text("requestKey");
                var r = reservations.book(circuitId, member.id(), new Booking(bookable.id(), start,
                        seats.intValue(), "form:" + (key == null || key.length() > 100 ? UUID.randomUUID() : key),
                        form.number("landing")));
                return "redirect:/c/" + circuitId + "/my/bookings?booked=" + r.id();
            } catch (BookingRefused e) {
                errors.put(e.reason() == BookingRefused.Reason.OVER_CAPACITY ? "seats" : "startsAt",
                        "bookings.refused." + e.reason().name());
            }
        }
        return show(circuitId, member, submitted, errors, model);
    }

    @PostMapping("/c/{circuitId}/my/bookings/{reservationId}/cancel")
    String cancel(@PathVariable long circuitId, @PathVariable long reservationId, Model model) {
        Member member = signedIn.member(circuitId, model);
        try {
            reservations.cancel(circuitId, member.id(), reservationId);
        } catch (BookingRefused e) {
            return "redirect:/c/" + circuitId + "/my/bookings?refused=" + e.reason().name();
        } catch (NotFound e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return "redirect:/c/" + circuitId + "/my/bookings?cancelled";
    }

    private Bookable chosen(long circuitId, Long id) {
        if (id == null) {
            return null;
        }
        try {
            return reservations.offered(circuitId, id);
        } catch (NotFound e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String show(long circuitId, Member member, Map<String, String> form, Map<String, String> errors,
                        Model model) {
        FormValues f = new FormValues(form);
        Bookable bookable = chosen(circuitId, f.number("bookableId"));
        LocalDate day = LocalDate.ofInstant(clock.instant(), reservations.zone(circuitId));
        try {
            if (f.text("date") != null) {
                day = LocalDate.parse(f.text("date"));
            }
        } catch (DateTimeParseException e) {
            // today's slots, as when no day is given
        }
        Instant now = clock.instant();
        List<?> slots = bookable == null ? List.of() : reservations.slots(circuitId, bookable.id(), day).stream()
                .filter(s -> s.free() > 0 && s.startsAt().isAfter(now)).toList();
        Map<String, String> values = new LinkedHashMap<>(form);
        values.put("date", day.toString());
        values.putIfAbsent("requestKey", UUID.randomUUID().toString());
        model.addAttribute("mine", reservations.upcoming(circuitId, member.id()))
                .addAttribute("offered", reservations.offered(circuitId)).addAttribute("bookable", bookable)
                .addAttribute("slots", slots).addAttribute("zone", reservations.zone(circuitId)).addAttribute("form", values)
                .addAttribute("errors", errors).addAttribute("maxSeats", bookable == null
                        ? BookableInput.MAX_CAPACITY : bookable.capacity());
        return "customer/bookings";
    }
}
