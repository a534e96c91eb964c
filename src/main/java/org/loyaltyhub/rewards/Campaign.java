package org.loyaltyhub.rewards;

import java.time.Instant;

/** A coupon campaign of a circuit, and how many unique codes have been generated for it so far. */
public record Campaign(long id, long circuitId, CampaignDetails details, int codesMade, Instant createdAt) {

    public boolean activeAt(Instant now) {
        return !now.isBefore(details.validFrom()) && now.isBefore(details.validUntil());
    }
}
