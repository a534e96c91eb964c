package org.loyaltyhub.programs;

import org.loyaltyhub.shared.Money;

import java.time.Instant;
import java.util.List;

/** What the customer area reads and does with gift cards: the member's attached cards, and attaching one. */
public interface PrepaidCards {

    /** The member's prepaid credit and the gift cards attached to their account, newest first. */
    Holding holding(long circuitId, long memberId);

    /**
     * Attaches an anonymous gift card to the member (its number and PIN prove it is in their hands): what is left on
     * it moves to their prepaid credit, keeping who issued it and its expiry. Wrong PINs count towards its lock.
     */
    Money attach(long circuitId, long memberId, String cardNumber, String pin);

    record Holding(boolean sold, Money credit, List<AttachedCard> cards) {
    }

    record AttachedCard(String lastFour, Instant attachedAt, Money left) {
    }
}
