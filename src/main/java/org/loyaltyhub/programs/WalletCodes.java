package org.loyaltyhub.programs;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What shop integrations ask of the money wallets, for any money {@link Purpose} (a purpose added later works here
 * unchanged): an amount held for a shop's discount code, then captured by the order that used the code, given back
 * when that order is cancelled or refunded (its refunded share), or released when the code ran out unused.
 */
public interface WalletCodes {

    /** The member's wallets a shop code can be made from: every money purpose whose program is on or that holds some. */
    List<Wallet> spendable(long circuitId, long memberId);

    record Wallet(Purpose purpose, Money available) {
    }

    /**
     * Holds {@code amount} (the whole available balance when null) of the member's wallet for a code that lives until
     * {@code expiresAt}, checked against the program of the shop's company. Refusals are 422 problems with the
     * policy's code (program-off, wallet-empty, insufficient-wallet); a purpose that is not money is an invalid input.
     */
    CodeHold holdForCode(long circuitId, long memberId, long storeId, Purpose purpose, Money amount, Instant expiresAt,
                         String actor);

    /** Money held for a code: the wallet payment and its hold, the amount, and the cart the code must ask for. */
    record CodeHold(long paymentId, long holdId, long memberId, Purpose purpose, Money amount, Money minimumSpend,
                    Instant expiresAt) {
    }

    /** The order placed at {@code orderedAt} that used the code is paid: the amount is taken (once). */
    void captureForOrder(long circuitId, long paymentId, long memberId, String orderId, Instant orderedAt, String actor);

    /** The order is cancelled or refunded in full: what it took comes back (what is still held is released). */
    void giveBackForOrder(long circuitId, long paymentId, long memberId, String actor);

    /** The order's refunds add up to {@code refunded} of {@code orderTotal}: that share comes back, once. */
    void giveBackRefundedShare(long circuitId, long paymentId, long memberId, BigDecimal orderTotal,
                               BigDecimal refunded, String actor);

    /** The code ran out unused or the shop refused it: the amount comes back; a captured payment stays as it is. */
    void release(long circuitId, long paymentId, String reason, String actor);
}
