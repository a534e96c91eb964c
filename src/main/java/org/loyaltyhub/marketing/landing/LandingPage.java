package org.loyaltyhub.marketing.landing;

import java.time.Instant;

/** A landing page of a circuit (or of one of its companies), as stored. */
public record LandingPage(long id, long circuitId, Long companyId, LandingPageInput content, Instant updatedAt) {

    public String slug() {
        return content.slug();
    }

    public boolean published() {
        return content.published();
    }
}
