package org.loyaltyhub.billing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbers, prices and totals of pro-forma invoices: pure rules, no database. */
class InvoiceAmountsTest {

    @Test
    void anInvoiceNumberIsTheYearAndAFourDigitSequence() {
        assertThat(new InvoiceNumber(2026, 1)).hasToString("2026/0001");
        assertThat(new InvoiceNumber(2027, 42)).hasToString("2027/0042");
        assertThat(new InvoiceNumber(2026, 12345)).hasToString("2026/12345");
    }

    @Test
    void aSequenceStartsAtOne() {
        assertThatThrownBy(() -> new InvoiceNumber(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vatIsRoundedHalfUpPerLineAndTheTotalsAreTheSumsOfTheLines() {
        // 0.05 at 22 % is 0.011 → 0.01; 0.25 at 22 % is 0.055 → 0.06 (half-up, not half-even)
        InvoiceTotals t = InvoiceTotals.of(List.of(Money.of("0.05", "EUR"), Money.of("0.25", "EUR")),
                BigDecimal.valueOf(22));
        assertThat(t.lines().get(0).vat()).isEqualTo(Money.of("0.01", "EUR"));
        assertThat(t.lines().get(1).vat()).isEqualTo(Money.of("0.06", "EUR"));
        assertThat(t.net()).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(t.vat()).as("sum of the lines, not 22 % of 0.30 = 0.066 → 0.07").isEqualTo(Money.of("0.07", "EUR"));
        assertThat(t.total()).isEqualTo(Money.of("0.37", "EUR"));
    }

    @Test
    void aLineWithMoreThanCentsIsRoundedHalfUpToTheCent() {
        InvoiceTotals t = InvoiceTotals.of(List.of(Money.of("10.005", "EUR")), BigDecimal.valueOf(22));
        assertThat(t.net()).isEqualTo(Money.of("10.01", "EUR"));
        assertThat(t.vat()).isEqualTo(Money.of("2.20", "EUR"));
        assertThat(t.total()).isEqualTo(Money.of("12.21", "EUR"));
    }

    @Test
    void aZeroRateAddsNoVat() {
        InvoiceTotals t = InvoiceTotals.of(List.of(Money.of("99.99", "EUR")), BigDecimal.ZERO);
        assertThat(t.vat().isZero()).isTrue();
        assertThat(t.total()).isEqualTo(Money.of("99.99", "EUR"));
    }

    @Test
    void linesInAnotherCurrencyOrNegativeAreRefused() {
        assertThatThrownBy(() -> InvoiceTotals.of(List.of(Money.of("1", "EUR"), Money.of("1", "USD")),
                BigDecimal.TEN)).isInstanceOf(Money.CurrencyMismatch.class);
        assertThatThrownBy(() -> InvoiceTotals.of(List.of(Money.of("-1", "EUR")), BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRechargeCostsItsShareOfThePricePerThousandPointsRoundedHalfUp() {
        assertThat(RechargePrice.of(5_000, Money.of("12.50", "EUR"))).contains(Money.of("62.50", "EUR"));
        assertThat(RechargePrice.of(1, Money.of("5.00", "EUR"))).as("0.005 → 0.01").contains(Money.of("0.01", "EUR"));
        assertThat(RechargePrice.of(333, Money.of("10", "EUR"))).as("3.33").contains(Money.of("3.33", "EUR"));
        assertThat(RechargePrice.of(1_000, null)).isEmpty();
        assertThat(RechargePrice.of(1_000, Money.of("0", "EUR"))).isEmpty();
    }

    @Test
    void aPriceWithVatIncludedSplitsIntoNetAndVatThatAddUpToWhatWasPaid() {
        InvoiceTotals t = InvoiceTotals.ofGross(List.of(Money.of("29.00", "EUR"), Money.of("0.01", "EUR")),
                java.math.BigDecimal.valueOf(22));
        assertThat(t.lines().get(0).net()).isEqualTo(Money.of("23.77", "EUR"));
        assertThat(t.lines().get(0).vat()).isEqualTo(Money.of("5.23", "EUR"));
        assertThat(t.lines().get(1).total()).isEqualTo(Money.of("0.01", "EUR"));
        assertThat(t.total()).isEqualTo(Money.of("29.01", "EUR"));
        assertThat(t.net().plus(t.vat())).isEqualTo(t.total());
    }
}
