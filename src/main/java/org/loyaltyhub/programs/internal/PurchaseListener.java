package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.PurchaseFacts;

/**
 * Told, in the purchase's transaction and after its points are settled, every time a purchase's facts are settled
 * (recorded, paid, completed, refunded, cancelled; a replay of the same facts too, so a listener must be
 * idempotent): rules that act on what was bought (a membership plan's product) live here.
 */
public interface PurchaseListener {

    void settled(PurchaseFacts facts);
}
