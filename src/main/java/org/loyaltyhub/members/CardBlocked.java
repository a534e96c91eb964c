package org.loyaltyhub.members;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A blocked card was presented (its number or QR code): it no longer identifies anyone, and the answer says so
 * instead of "not found", so the operator asks for the new card.
 */
public class CardBlocked extends LoyaltyException {

    private final LocalDate blockedOn;
    private final boolean replaced;

    public CardBlocked(Instant blockedAt, boolean replaced) {
        super("card-blocked", Failure.GONE, message(LocalDate.ofInstant(blockedAt, ZoneOffset.UTC), replaced));
        this.blockedOn = LocalDate.ofInstant(blockedAt, ZoneOffset.UTC);
        this.replaced = replaced;
        with("blockedOn", blockedOn.toString()).with("replaced", replaced);
    }

    private static String message(LocalDate on, boolean replaced) {
        return replaced ? "This card was blocked on " + on + " and replaced: ask for the new card"
                : "This card was blocked on " + on + ": it can no longer be used";
    }

    public LocalDate blockedOn() {
        return blockedOn;
    }

    public boolean replaced() {
        return replaced;
    }
}
