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

    /**
     * Checks an anonymous gift card's number and PIN in a transaction of its own, so a wrong PIN is counted even when
     * the caller's work rolls back: five wrong PINs lock the card for 15 minutes (429 {@code too-many-attempts}
     * with the time to wait), a wrong one is 422 {@code wrong-pin}; a malformed number or PIN is an invalid input.
     */
    void checkGiftCard(long circuitId, String number, String pin);

    /**
     * Holds what an anonymous gift card pays for a code that lives until {@code expiresAt}: {@code amount}, or all
     * that is left on it when null or when it holds less, once its number and PIN match, at a store whose company
     * accepts prepaid credit. The hold names no member ({@link CodeHold#memberId()} is null). A card attached to a
     * member is refused (its credit is the member's prepaid wallet now).
     */
    CodeHold holdGiftCardForCode(long circuitId, String number, String pin, long storeId, Money amount,
                                 Instant expiresAt, String actor);

    /**
     * Money held for a code: the wallet payment and its hold, the member (null for an anonymous gift card), the
     * amount, and the cart the code must ask for.
     */
    record CodeHold(long paymentId, long holdId, Long memberId, Purpose purpose, Money amount, Money minimumSpend,
                    Instant expiresAt) {
    }

    /**
     * The order placed at {@code orderedAt} that used the code is paid: the amount is taken (once). {@code memberId}
     * is the order's member, checked against the payment's; null for an anonymous gift card's code.
     */
    void captureForOrder(long circuitId, long paymentId, Long memberId, String orderId, Instant orderedAt,
                         String actor);

    /** The order is cancelled or refunded in full: what it took comes back (what is still held is released). */
    void giveBackForOrder(long circuitId, long paymentId, Long memberId, String actor);

    /** The order's refunds add up to {@code refunded} of {@code orderTotal}: that share comes back, once. */
    void giveBackRefundedShare(long circuitId, long paymentId, Long memberId, BigDecimal orderTotal,
                               BigDecimal refunded, String actor);

    /** The code ran out unused or the shop refused it: the amount comes back; a captured payment stays as it is. */
    void release(long circuitId, long paymentId, String reason, String actor);
}
