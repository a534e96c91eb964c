package org.loyaltyhub.integrations.woocommerce;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.integrations.internal.DiscountApi.Benefit;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WooCommerce has no cap for a percentage coupon: the largest cart it accepts keeps the discount within the cap. */
class WooCouponCapTest {

    private final WooCoupons coupons = new WooCoupons(null);

    @Test
    void theLargestCartIsTheCapDividedByThePercentageRoundedDownToTheCent() {
        assertThat(WooCoupons.largestCart(new Benefit.PercentOff(new BigDecimal("20"), Money.of("15.00", "EUR"))))
                .isEqualByComparingTo(Money.of("75.00", "EUR"));
        assertThat(WooCoupons.largestCart(new Benefit.PercentOff(new BigDecimal("30"), Money.of("10.00", "EUR"))))
                .as("30 % of 33.33 is 9.999, within the cap").isEqualByComparingTo(Money.of("33.33", "EUR"));
    }

    @Test
    void aCapThatNoCartAboveTheMinimumCouldUseIsRefusedByName() {
        Benefit capped = new Benefit.PercentOff(new BigDecimal("50"), Money.of("5.00", "EUR"));
        assertThat(coupons.cannotGive(capped, Money.of("20.00", "EUR"))).get()
                .extracting(u -> u.code()).isEqualTo("percent-cap-not-in-shop");
        assertThat(coupons.cannotGive(capped, Money.of("10.00", "EUR"))).isEmpty();
        assertThat(coupons.cannotGive(new Benefit.FreeShipping(), Money.of("0", "EUR"))).isEmpty();
    }

    @Test
    void aBenefitRefusesZeroOrImpossibleValuesWhereItIsBuilt() {
        assertThatThrownBy(() -> new Benefit.AmountOff(Money.of("0.00", "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Benefit.PercentOff(new BigDecimal("100.01"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Benefit.FreeProduct(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Benefit.PercentOff(new BigDecimal("12.50"), null).fraction()).isEqualByComparingTo("0.125");
    }
}
