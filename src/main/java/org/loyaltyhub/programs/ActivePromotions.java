package org.loyaltyhub.programs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The promotions running in a circuit, as the customer area lists them to members. */
public interface ActivePromotions {

    /**
     * Active promotions valid now or starting later that apply to the member, in the order they are considered: those
     * for everyone, and those for a segment or tiers the member is in now (where they apply — stores, companies,
     * channels — does not hide them).
     */
    List<Summary> running(long circuitId, long memberId);

    /** How a promotion gives points. */
    enum Gives {
        FIXED_POINTS, MULTIPLIER, PERCENT_OF_SPEND
    }

    /** A promotion as members see it: its name, what it gives ({@code amount}: points, factor or percentage), when. */
    record Summary(long id, String name, Gives gives, BigDecimal amount, Instant from, Instant until) {
    }
}
