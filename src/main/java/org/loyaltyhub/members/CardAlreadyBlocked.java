package org.loyaltyhub.members;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A card that is already blocked cannot be blocked again. */
public class CardAlreadyBlocked extends LoyaltyException {

    public CardAlreadyBlocked(String number, Instant blockedAt) {
        super("card-already-blocked", Failure.CONFLICT, "Card " + number + " was already blocked on "
                + LocalDate.ofInstant(blockedAt, ZoneOffset.UTC));
        with("field", "card");
    }
}
