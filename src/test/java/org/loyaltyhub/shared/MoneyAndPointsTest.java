package org.loyaltyhub.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyAndPointsTest {

    @Test
    void amountsInDifferentCurrenciesNeverMix() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")))
                .isInstanceOf(Money.CurrencyMismatch.class);
        assertThatThrownBy(() -> Money.of("1.00", "EUR").compareTo(Money.of("1.00", "GBP")))
                .isInstanceOf(Money.CurrencyMismatch.class);
    }

    @Test
    void arithmeticIsExactDecimalAndDiscountsRoundDownToTheMinorUnit() {
        Money m = Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"));
        assertThat(m).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(Money.of("10.00", "EUR").times(new BigDecimal("0.3333")).floorToMinorUnit())
                .isEqualTo(Money.of("3.33", "EUR"));
        assertThat(Money.of("100", "JPY").times(new BigDecimal("0.015")).floorToMinorUnit().display())
                .isEqualByComparingTo("1");
    }

    @Test
    void pointsAreNeverNegative() {
        assertThatThrownBy(() -> Points.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Points.of(3).minus(Points.of(4))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Points.of(3).plus(Points.of(4))).isEqualTo(Points.of(7));
    }
}
