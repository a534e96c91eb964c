package org.loyaltyhub.rewards;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a campaign did: codes issued (unique codes generated, or members' uses of the shared code), redeemed, the
 * redemption rate in percent, the discount given (as far as redemptions said the cart), the sales of the orders that
 * used them (the purchases recorded under the order id given at redemption), and how many redemptions gave no order
 * id (their sales are not known).
 */
public record CampaignFigures(long issued, long redeemed, BigDecimal ratePercent, Money discount, Money sales,
                              long redeemedWithoutOrder, long bonusPoints) {

    public static BigDecimal rate(long issued, long redeemed) {
        return issued == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(redeemed * 100L).divide(BigDecimal.valueOf(issued), 1, RoundingMode.HALF_UP);
    }
}
