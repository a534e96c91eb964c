package org.loyaltyhub.billing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.billing.internal.RechargePrice;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RechargePriceTest {

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    @Test
    void smsCreditsCostTheirNumberTimesThePriceRoundedHalfUpToTheCent() {
        assertThat(RechargePrice.ofSmsCredits(150, eur("0.05"))).contains(eur("7.50"));
        assertThat(RechargePrice.ofSmsCredits(3, eur("0.0335"))).contains(eur("0.10"));
    }

    @Test
    void budgetPointsCostThePricePerThousand() {
        assertThat(RechargePrice.of(1_500, eur("12.50"))).contains(eur("18.75"));
    }

    @Test
    void withoutAPriceOrAtZeroThereIsNothingToBill() {
        assertThat(RechargePrice.ofSmsCredits(10, null)).isEmpty();
        assertThat(RechargePrice.ofSmsCredits(10, eur("0"))).isEmpty();
    }

    @Test
    void aQuantityIsPositive() {
        assertThatThrownBy(() -> RechargePrice.ofSmsCredits(0, eur("0.05"))).isInstanceOf(IllegalArgumentException.class);
    }
}
