package org.loyaltyhub.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Members of a scope: enrolments per period and store, members in total, active (a purchase in the last
 * {@code activeDays} days before the end of the range), churned (bought before that window, not within it), and
 * demographics (age group, gender, the ten biggest cities and postcodes, language) and consent rates (share of members whose latest consent of a kind is granted).
 */
public record MembersFigures(long total, long active, long churned, int activeDays, List<Count> enrolmentsByPeriod,
                             List<Count> enrolmentsByStore, List<Count> ageGroups, List<Count> genders,
                             List<Count> cities, List<Count> postcodes, List<Count> languages, List<Rate> consents) {

    /**
     * A count under a label: a period's first day, a store id, an age group (a {@code members.AgeGroup} name, or
     * UNKNOWN without a birth date), a gender, a city or postcode ('-' when blank), a language ({@code members.Language},
     * '-' for a member who chose none and reads the circuit's).
     */
    public record Count(String key, long count) {
    }

    public record Rate(String consent, long granted, BigDecimal rate) {
    }

    public MembersFigures {
        enrolmentsByPeriod = List.copyOf(enrolmentsByPeriod);
        enrolmentsByStore = List.copyOf(enrolmentsByStore);
        ageGroups = List.copyOf(ageGroups);
        genders = List.copyOf(genders);
        cities = List.copyOf(cities);
        postcodes = List.copyOf(postcodes);
        languages = List.copyOf(languages);
        consents = List.copyOf(consents);
    }

}
