package org.loyaltyhub.ledger;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.time.Instant;

/** A reservation's time ran out before it was captured: it is not spent, its points went back to the member. */
public class HoldExpired extends LoyaltyException {

    public HoldExpired(long holdId, Instant expiredAt) {
        super("hold-expired", Failure.GONE, "The reservation expired at " + expiredAt
                + "; its points went back to the member, reserve them again");
        with("holdId", holdId).with("expiredAt", expiredAt.toString());
    }
}
