package org.loyaltyhub.customers.web;

import org.loyaltyhub.purchases.Visits;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.CompanyReviewLinks;
import org.loyaltyhub.tenancy.ReviewLinks;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The review links shown to a member after a visit (issue 18 §3, "shown after a purchase"): the store of their latest
 * purchase or check-in, when it was within the last week and the store (or its company, where the store has none)
 * has a review page.
 */
@Component
class ReviewPrompt {

    static final Duration RECENT = Duration.ofDays(7);

    private final Visits visits;
    private final CompanyReviewLinks links;
    private final Clock clock;

    ReviewPrompt(Visits visits, CompanyReviewLinks links, Clock clock) {
        this.visits = visits;
        this.links = links;
        this.clock = clock;
    }

    /** The store to review and the pages to review it on, if the member's latest visit asks for one. */
    Optional<Prompt> after(long circuitId, long memberId) {
        return visits.of(circuitId, memberId, PageQuery.of(0, 1)).items().stream().findFirst()
                .filter(v -> v.storeId() != null && v.at().isAfter(clock.instant().minus(RECENT)))
                .map(v -> new Prompt(v.storeId(), links.atStore(circuitId, v.storeId())))
                .filter(p -> !p.links().isEmpty());
    }

    record Prompt(long storeId, ReviewLinks links) {
    }
}
