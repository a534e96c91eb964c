package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WalletPolicyTest {

    private static MoneyProgram program(String percent, String minOrder, String maxShare) {
        return new MoneyProgram(true, new BigDecimal(percent), null, new BigDecimal(minOrder), new BigDecimal(maxShare));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void theWalletPaysAtMostTheMaximumShareOfTheOrderAndNeverMoreThanItsBalance() {
        WalletPolicy.Quote q = WalletPolicy.quote(program("5", "0", "50"), eur("20.00"), eur("30.01"), null);
        assertThat(q.allowed()).isTrue();
        assertThat(q.amount()).isEqualTo(eur("15.00")); // 50 % of 30.01 is 15.005, rounded down to the cent
        WalletPolicy.Quote poor = WalletPolicy.quote(program("5", "0", "50"), eur("4.20"), eur("30.00"), null);
        assertThat(poor.amount()).isEqualTo(eur("4.20"));
        WalletPolicy.Quote over = WalletPolicy.quote(program("5", "0", "50"), eur("20.00"), eur("30.00"), eur("15.01"));
        assertThat(over.allowed()).isFalse();
        assertThat(over.code()).isEqualTo("over-max-share");
    }

    @Test
    void anOrderBelowTheMinimumOrMoreThanTheBalanceIsRefusedWithItsCode() {
        assertThat(WalletPolicy.quote(program("5", "25", "100"), eur("10.00"), eur("24.99"), null).code())
                .isEqualTo("order-below-minimum");
        assertThat(WalletPolicy.quote(program("5", "0", "100"), eur("10.00"), eur("50.00"), eur("10.01")).code())
                .isEqualTo("insufficient-wallet");
        assertThat(WalletPolicy.quote(program("5", "0", "100"), eur("0.00"), eur("50.00"), null).code())
                .isEqualTo("wallet-empty");
        assertThat(WalletPolicy.quote(MoneyProgram.off(), eur("10.00"), eur("50.00"), null).code())
                .isEqualTo("program-off");
    }

    @Test
    void moneyConvertsToAndFromMinorUnitsExactly() {
        assertThat(eur("12.34").toMinorUnits()).isEqualTo(1234);
        assertThat(Money.ofMinorUnits(1234, java.util.Currency.getInstance("EUR"))).isEqualTo(eur("12.34"));
        assertThat(Money.of("500", "JPY").toMinorUnits()).isEqualTo(500);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> eur("0.005").toMinorUnits())
                .isInstanceOf(IllegalArgumentException.class);
    }
    @Test
    void aShopCodeAsksForTheCartThatKeepsItsAmountWithinTheMaximumShareAndTheMinimumOrder() {
        MoneyProgram halfOfTwenty = new MoneyProgram(true, BigDecimal.ONE, null, new BigDecimal("20.00"),
                BigDecimal.valueOf(50));
        WalletPolicy.CodeQuote eight = WalletPolicy.quoteCode(halfOfTwenty, Money.of("12.00", "EUR"),
                Money.of("8.00", "EUR"));
        assertThat(eight.allowed()).isTrue();
        assertThat(eight.minimumSpend()).as("the minimum order is more than 2 × 8.00").isEqualByComparingTo(Money.of("20.00", "EUR"));
        WalletPolicy.CodeQuote all = WalletPolicy.quoteCode(halfOfTwenty, Money.of("12.35", "EUR"), null);
        assertThat(all.amount()).as("no amount: the whole balance").isEqualByComparingTo(Money.of("12.35", "EUR"));
        assertThat(all.minimumSpend()).as("12.35 is half of 24.70").isEqualByComparingTo(Money.of("24.70", "EUR"));
        MoneyProgram thirdOfIt = new MoneyProgram(true, BigDecimal.ONE, null, BigDecimal.ZERO, new BigDecimal("30"));
        assertThat(WalletPolicy.quoteCode(thirdOfIt, Money.of("10.00", "EUR"), Money.of("1.00", "EUR")).minimumSpend())
                .as("rounded up to the cent, so the share is never passed").isEqualByComparingTo(Money.of("3.34", "EUR"));
    }

    @Test
    void aShopCodeIsRefusedForAnEmptyWalletMoreThanItHoldsOrAProgramThatIsOff() {
        MoneyProgram on = new MoneyProgram(true, BigDecimal.ONE, null, BigDecimal.ZERO, BigDecimal.valueOf(100));
        assertThat(WalletPolicy.quoteCode(on, Money.of("0.00", "EUR"), null).code()).isEqualTo("wallet-empty");
        assertThat(WalletPolicy.quoteCode(on, Money.of("5.00", "EUR"), Money.of("5.01", "EUR")).code())
                .isEqualTo("insufficient-wallet");
        assertThat(WalletPolicy.quoteCode(MoneyProgram.off(), Money.of("5.00", "EUR"), null).code())
                .isEqualTo("program-off");
    }
}
