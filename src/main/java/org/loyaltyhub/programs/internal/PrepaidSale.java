package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.GiftCardNumber;
import org.loyaltyhub.shared.Money;

import java.time.Instant;

/**
 * One sale of prepaid credit: to a member's prepaid account ({@code memberId}) or on a new anonymous gift card
 * ({@code giftCardId}); what the customer paid, the bonus the selling company gave on top, how it was paid and the
 * receipt; the credit's expiry (null: none).
 */
public record PrepaidSale(long id, long companyId, Long storeId, Long memberId, Long giftCardId,
                          GiftCardNumber cardNumber, Money paid, Money bonus, PaymentMethod paymentMethod,
                          String receiptNumber, long entryId, Instant expiresAt, String actor, Instant soldAt) {

    /** What the credit is worth: paid plus bonus. */
    public Money credit() {
        return paid.plus(bonus);
    }

    public boolean giftCard() {
        return giftCardId != null;
    }
}
