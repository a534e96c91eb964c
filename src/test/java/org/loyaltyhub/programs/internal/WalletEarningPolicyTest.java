package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.PurchaseFacts.Line;
import org.loyaltyhub.programs.internal.WalletEarningPolicy.Earned;
import org.loyaltyhub.programs.internal.WalletEarningPolicy.RateSource;
import org.loyaltyhub.programs.internal.WalletEarningPolicy.Rates;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalletEarningPolicyTest {

    private static final MoneyProgram FIVE = program("5");

    private static MoneyProgram program(String percent) {
        return new MoneyProgram(true, new BigDecimal(percent), null, BigDecimal.ZERO, BigDecimal.valueOf(100));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Line line(String product, int quantity, String unitPrice) {
        return new Line(product, BigDecimal.valueOf(quantity), new BigDecimal(unitPrice), false);
    }

    private static Earned earned(MoneyProgram p, Rates rates, List<Line> lines, String paid) {
        return WalletEarningPolicy.earned(p, rates, lines, eur(paid), List.of());
    }

    private static Rates circuit(MoneyProgram p) {
        return Rates.of(p, RateSource.CIRCUIT);
    }

    @Test
    void cashbackIsThePercentageOfWhatWasPaidRoundedDownToTheCent() {
        assertThat(earned(FIVE, circuit(FIVE), List.of(), "30.00").minorUnits()).isEqualTo(150);
        assertThat(earned(program("3"), circuit(program("3")), List.of(), "19.99").minorUnits()).isEqualTo(59);
        assertThat(earned(program("2.5"), circuit(program("2.5")), List.of(), "0.39").minorUnits()).isZero();
        assertThat(earned(FIVE, circuit(FIVE), List.of(), "30.00").rule()).isEqualTo("5 % (circuit)");
    }

    @Test
    void statusMultipliersApplyBeforeTheSingleRoundingDown() {
        var gold = new EarningBoost.Multiplier(new BigDecimal("1.5"), "Gold ×1.5");
        Earned e = WalletEarningPolicy.earned(program("3"), circuit(program("3")), List.of(), eur("19.99"),
                List.of(gold));
        assertThat(e.minorUnits()).isEqualTo(89); // 0.89955
        assertThat(e.rule()).isEqualTo("3 % (circuit); Gold ×1.5");
    }

    @Test
    void aProgramThatIsOffOrAnEmptyPurchaseEarnsNothing() {
        assertThat(earned(MoneyProgram.off(), circuit(FIVE), List.of(), "100.00").minorUnits()).isZero();
        assertThat(earned(FIVE, circuit(FIVE), List.of(), "0.00").minorUnits()).isZero();
    }

    @Test
    void aStoresOwnRateReplacesTheProgramsAndSaysSo() {
        Earned e = earned(FIVE, new Rates(new BigDecimal("8"), RateSource.STORE, Map.of()), List.of(), "30.00");
        assertThat(e.minorUnits()).isEqualTo(240);
        assertThat(e.rule()).isEqualTo("8 % (store's rate)");
    }

    @Test
    void aProductsOwnRateAppliesToItsLinesAndTheRestEarnsTheGeneralRate() {
        Rates rates = new Rates(new BigDecimal("8"), RateSource.STORE,
                Map.of("WINE", new BigDecimal("10"), "TOBACCO", BigDecimal.ZERO));
        Earned e = earned(FIVE, rates, List.of(line("WINE", 2, "10.00"), line("BREAD", 1, "5.00"),
                line("TOBACCO", 1, "6.00")), "31.00");
        assertThat(e.minorUnits()).isEqualTo(240); // 20.00 × 10 % + 5.00 × 8 % + 6.00 × 0 % = 2.00 + 0.40
        assertThat(e.rule()).isEqualTo("8 % (store's rate); product WINE 10 %, product TOBACCO 0 %");
    }

    @Test
    void whenEveryLineHasItsOwnRateTheGeneralRateIsNotNamed() {
        Rates rates = new Rates(new BigDecimal("5"), RateSource.COMPANY, Map.of("WINE", new BigDecimal("10")));
        Earned e = earned(FIVE, rates, List.of(line("WINE", 1, "10.00")), "10.00");
        assertThat(e.minorUnits()).isEqualTo(100);
        assertThat(e.rule()).isEqualTo("product WINE 10 %");
    }

    @Test
    void linesAddingUpToMoreThanWasPaidCountInProportion() {
        Rates rates = new Rates(new BigDecimal("5"), RateSource.CIRCUIT, Map.of("WINE", new BigDecimal("10")));
        // 20.00 of wine and 20.00 of bread, 30.00 paid after a cart discount: each counts 3/4
        Earned e = earned(FIVE, rates, List.of(line("WINE", 1, "20.00"), line("BREAD", 1, "20.00")), "30.00");
        assertThat(e.minorUnits()).isEqualTo(225); // (2.00 + 1.00) × 0.75
    }

    @Test
    void aRateOutsideZeroToOneHundredCannotBeBuilt() {
        assertThatThrownBy(() -> new Rates(new BigDecimal("100.01"), RateSource.STORE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new org.loyaltyhub.programs.MoneyRates.ProductRate("WINE", new BigDecimal("-1")))
                .isInstanceOf(org.loyaltyhub.shared.InvalidInput.class);
        assertThatThrownBy(() -> new org.loyaltyhub.programs.MoneyRates.ProductRate(" ", BigDecimal.ONE))
                .isInstanceOf(org.loyaltyhub.shared.InvalidInput.class);
    }
}
