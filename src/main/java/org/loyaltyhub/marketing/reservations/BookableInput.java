package org.loyaltyhub.marketing.reservations;

import org.loyaltyhub.shared.InvalidInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a store offers to book, as an administrator writes it: kind, name, slot length, places per slot, the weekly
 * opening hours (openings of one day must not overlap) and the closed days. Refused as {@link InvalidInput} when a
 * field breaks a rule.
 */
public record BookableInput(BookableKind kind, String name, int durationMinutes, int capacity,
                            List<OpeningHours> hours, Set<LocalDate> closures, boolean active) {

    public static final int MAX_DURATION = 720;
    public static final int MAX_CAPACITY = 500;

    public BookableInput {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) {
            errors.put("kind", "choose TABLE, APPOINTMENT or SERVICE");
        }
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            errors.put("name", "give a name of 1 to 120 characters");
        }
        if (durationMinutes < 5 || durationMinutes > MAX_DURATION) {
            errors.put("durationMinutes", "a slot lasts 5 to " + MAX_DURATION + " minutes");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            errors.put("capacity", "a slot has 1 to " + MAX_CAPACITY + " places");
        }
        hours = hours == null ? List.of() : List.copyOf(hours);
        if (hours.isEmpty()) {
            errors.put("hours", "give the opening hours of at least one weekday");
        } else if (overlapping(hours)) {
            errors.put("hours", "the openings of a day must not overlap");
        }
        closures = closures == null ? Set.of() : new TreeSet<>(closures);
        if (closures.size() > 366) {
            errors.put("closures", "at most 366 closed days");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        name = name.strip();
    }

    private static boolean overlapping(List<OpeningHours> hours) {
        List<OpeningHours> sorted = new ArrayList<>(hours);
        sorted.sort(java.util.Comparator.comparing(OpeningHours::day).thenComparing(OpeningHours::opens));
        for (int i = 1; i < sorted.size(); i++) {
            OpeningHours before = sorted.get(i - 1);
            OpeningHours after = sorted.get(i);
            if (before.day() == after.day() && after.opens().isBefore(before.closes())) {
                return true;
            }
        }
        return false;
    }
}
