package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberDiscountTest {

    private static final MemberStatus.Names PREMIUM = new MemberStatus.Names("Premium", "Premium");

    @Test
    void tenPercentOfFortyFiveIsFourFiftyLeavingFortyPointFifty() {
        MemberDiscount d = new MemberDiscount(BigDecimal.TEN, PREMIUM);
        assertThat(d.off(Money.of("45.00", "EUR"))).isEqualTo(Money.of("4.50", "EUR"));
        assertThat(d.toPay(Money.of("45.00", "EUR"))).isEqualTo(Money.of("40.50", "EUR"));
    }

    @Test
    void theDiscountIsRoundedHalfUpToTheCent() {
        assertThat(new MemberDiscount(new BigDecimal("7.5"), PREMIUM).off(Money.of("9.99", "EUR")))
                .isEqualTo(Money.of("0.75", "EUR"));
    }

    @Test
    void aDiscountIsMoreThanNothingAndLessThanEverything() {
        assertThatThrownBy(() -> new MemberDiscount(BigDecimal.ZERO, PREMIUM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemberDiscount(new BigDecimal("100"), PREMIUM))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
