package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.reservations.Bookable;
import org.loyaltyhub.marketing.reservations.BookableInput;
import org.loyaltyhub.marketing.reservations.BookableKind;
import org.loyaltyhub.marketing.reservations.BookingRefused;
import org.loyaltyhub.marketing.reservations.OpeningHours;
import org.loyaltyhub.marketing.reservations.ReservationStatus;
import org.loyaltyhub.marketing.reservations.Reservations;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The back office's bookings: administrators define what their stores offer to book; every operator sees a day's
 * bookings at a store and marks arrivals and no-shows at the counter.
 */
@Page
class BookingsPage {

    private final Reservations reservations;
    private final Tenancy tenancy;
    private final Clock clock;

    BookingsPage(Reservations reservations, Tenancy tenancy, Clock clock) {
        this.reservations = reservations;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @GetMapping("/bookings")
    String list(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return show(caller, null, Map.of("duration", "60", "capacity", "2", "active", "on", "kind", "TABLE"),
                Map.of(), model);
    }

    @GetMapping("/bookings/{bookableId}")
    String edit(Caller caller, @PathVariable long bookableId, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Bookable b = reservations.bookable(caller, bookableId);
        return show(caller, b, form(b), Map.of(), model);
    }

    @PostMapping("/bookings")
    String create(Caller caller, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return save(caller, null, submitted, model);
    }

    @PostMapping("/bookings/{bookableId}")
    String change(Caller caller, @PathVariable long bookableId, @RequestParam Map<String, String> submitted,
                  Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return save(caller, reservations.bookable(caller, bookableId), submitted, model);
    }

    private String save(Caller caller, Bookable existing, Map<String, String> submitted, Model model) {
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        Long storeId = existing != null ? Long.valueOf(existing.storeId()) : form.number("storeId");
        if (storeId == null) {
            errors.put("storeId", "bookings.error.store");
        }
        List<OpeningHours> hours = hours(form, errors);
        Set<LocalDate> closures = closures(form.text("closures"), errors);
        BookableKind kind = kind(form.text("kind"));
        Long duration = form.number("duration");
        Long capacity = form.number("capacity");
        if (errors.isEmpty()) {
            try {
                BookableInput input = new BookableInput(kind, form.text("name"), bounded(duration),
                        bounded(capacity), hours, closures, form.checked("active"));
                Bookable saved = existing == null
                        ? reservations.define(caller, storeId, input)
                        : reservations.change(caller, existing.id(), input);
                return "redirect:/bookings/" + saved.id() + "?saved";
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(field -> errors.put(pageField(field), "bookings.error."
                        + pageField(field)));
            }
        }
        return show(caller, existing, submitted, errors, model);
    }

    private static int bounded(Long value) {
        return value == null || value > Integer.MAX_VALUE || value < 0 ? 0 : value.intValue();
    }

    private static String pageField(String field) {
        return switch (field) {
            case "durationMinutes" -> "duration";
            case "kind" -> "name";
            default -> field;
        };
    }

    private static BookableKind kind(String name) {
        for (BookableKind k : BookableKind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    private static List<OpeningHours> hours(FormValues form, Map<String, String> errors) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String opens = form.text("opens-" + day);
            String closes = form.text("closes-" + day);
            if (opens == null && closes == null) {
                continue;
            }
            try {
                hours.add(new OpeningHours(day, LocalTime.parse(String.valueOf(opens)),
                        LocalTime.parse(String.valueOf(closes))));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                errors.put("hours", "bookings.error.hours");
            }
        }
        return hours;
    }

    private static Set<LocalDate> closures(String text, Map<String, String> errors) {
        Set<LocalDate> days = new TreeSet<>();
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(line.strip()));
            } catch (DateTimeParseException e) {
                errors.put("closures", "bookings.error.closures");
            }
        }
        return days;
    }

    private static Map<String, String> form(Bookable b) {
        Map<String, String> form = new HashMap<>();
        form.put("storeId", String.valueOf(b.storeId()));
        form.put("kind", b.kind().name());
        form.put("name", b.name());
        form.put("duration", String.valueOf(b.durationMinutes()));
        form.put("capacity", String.valueOf(b.capacity()));
        form.put("active", b.active() ? "on" : "");
        for (OpeningHours h : b.hours()) {
            form.putIfAbsent("opens-" + h.day(), h.opens().toString());
            form.putIfAbsent("closes-" + h.day(), h.closes().toString());
        }
        form.put("closures", String.join("\n", b.closures().stream().map(LocalDate::toString).toList()));
        return form;
    }

    private String show(Caller caller, Bookable editing, Map<String, String> form, Map<String, String> errors,
                        Model model) {
        model.addAttribute("bookables", reservations.bookables(caller)).addAttribute("editing", editing)
                .addAttribute("stores", tenancy.stores(caller)).addAttribute("kinds", BookableKind.values())
                .addAttribute("days", DayOfWeek.values()).addAttribute("form", form)
                .addAttribute("errors", errors);
        return "marketing/bookings";
    }

    @GetMapping("/bookings/day")
    String day(Caller caller, @RequestParam(required = false) Long storeId,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        List<Store> stores = tenancy.stores(caller);
        Store store = storeId != null ? tenancy.storeFor(caller, storeId)
                : caller.storeId() != null ? tenancy.storeFor(caller, null)
                : stores.isEmpty() ? null : stores.getFirst();
        LocalDate day = date != null ? date : LocalDate.ofInstant(clock.instant(), reservations.zone(caller.circuit()));
        model.addAttribute("stores", stores).addAttribute("store", store).addAttribute("date", day)
                .addAttribute("reservations", store == null ? List.of() : reservations.day(caller, store.id(), day))
                .addAttribute("zone", reservations.zone(caller.circuit()));
        return "marketing/bookings-day";
    }

    @PostMapping("/bookings/reservations/{reservationId}/{action:arrived|no-show|cancel}")
    String mark(Caller caller, @PathVariable long reservationId, @PathVariable String action,
                org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        var r = reservations.reservation(caller, reservationId);
        try {
            if ("cancel".equals(action)) {
                reservations.cancel(caller, reservationId);
            } else {
                reservations.mark(caller, reservationId,
                        "arrived".equals(action) ? ReservationStatus.ARRIVED : ReservationStatus.NO_SHOW);
            }
            redirect.addAttribute("marked", reservationId);
        } catch (BookingRefused e) {
            redirect.addAttribute("refused", e.reason().name());
        }
        redirect.addAttribute("storeId", r.storeId())
                .addAttribute("date", LocalDate.ofInstant(r.startsAt(), reservations.zone(caller.circuit())).toString());
        return "redirect:/bookings/day";
    }
}
