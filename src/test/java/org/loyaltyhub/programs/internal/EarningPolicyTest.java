package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.ProductRule;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.ProgramSettings.Rounding;
import org.loyaltyhub.programs.PurchaseFacts.Line;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EarningPolicyTest {

    static ProgramSettings rate(long points, String per, Rounding rounding) {
        ProgramSettings d = ProgramSettings.defaults();
        return new ProgramSettings(true, points, new BigDecimal(per), rounding, d.pendingFrom(), d.awardMoment(), 0, 0, 0,
                false, d.validity(), null, d.redeemPoints(), d.redeemValue(), 0, BigDecimal.ZERO, null, null, false,
                d.redeemableProducts(), 30, null);
    }

    private static long points(ProgramSettings s, String total) {
        return EarningPolicy.points(s, Map.of(), List.of(), new BigDecimal(total));
    }

    @Test
    void tenPointsForEveryFullFiveEurosCountsOnlyFullSteps() {
        ProgramSettings s = rate(10, "5", Rounding.PER_FULL_STEP);
        assertThat(points(s, "49.99")).isEqualTo(90);
        assertThat(points(s, "50.00")).isEqualTo(100);
        assertThat(points(s, "4.99")).isZero();
    }

    @Test
    void proportionalRatesRoundDownOrHalfUpAsConfigured() {
        assertThat(points(rate(10, "5", Rounding.PROPORTIONAL_DOWN), "49.99")).isEqualTo(99);
        assertThat(points(rate(10, "5", Rounding.PROPORTIONAL_HALF_UP), "49.99")).isEqualTo(100);
        assertThat(points(rate(1, "1", Rounding.PROPORTIONAL_HALF_UP), "0.49")).isZero();
    }

    @Test
    void aSwitchedOffProgramGivesNothing() {
        ProgramSettings d = rate(1, "1", Rounding.PER_FULL_STEP);
        ProgramSettings off = new ProgramSettings(false, 1, BigDecimal.ONE, Rounding.PER_FULL_STEP, d.pendingFrom(),
                d.awardMoment(), 0, 0, 0, false, d.validity(), null, 100, BigDecimal.ONE, 0, BigDecimal.ZERO, null, null,
                false, d.redeemableProducts(), 30, null);
        assertThat(points(off, "100")).isZero();
    }

    @Test
    void linesEarnByTheirProductRuleAndNeverOnMoreThanWasPaid() {
        ProgramSettings s = rate(1, "1", Rounding.PER_FULL_STEP);
        Map<String, ProductRule> rules = Map.of(
                "GIFT", new ProductRule("GIFT", ProductRule.EarnMode.FIXED, 25L, null, false),
                "WINE", new ProductRule("WINE", ProductRule.EarnMode.PERCENT, null, new BigDecimal("10"), false),
                "TOBACCO", new ProductRule("TOBACCO", ProductRule.EarnMode.EXCLUDED, null, null, false));
        List<Line> lines = List.of(new Line("GIFT", new BigDecimal("2"), new BigDecimal("5"), false),
                new Line("WINE", BigDecimal.ONE, new BigDecimal("35"), false),
                new Line("TOBACCO", BigDecimal.ONE, new BigDecimal("8"), false),
                new Line("BREAD", new BigDecimal("3"), new BigDecimal("2.50"), false));
        assertThat(EarningPolicy.points(s, rules, lines, new BigDecimal("60.50"))).isEqualTo(50 + 3 + 7);
        // a cart discount brought the total under the lines' sum: general points are capped by the total
        assertThat(EarningPolicy.points(s, rules, lines, new BigDecimal("4.00"))).isEqualTo(50 + 3 + 4);
    }

    @Test
    void refundsKeepPointsInProportionToWhatWasKeptRoundedDown() {
        assertThat(EarningPolicy.afterRefund(100, new BigDecimal("80"), new BigDecimal("20"))).isEqualTo(75);
        assertThat(EarningPolicy.afterRefund(99, new BigDecimal("3"), new BigDecimal("1"))).isEqualTo(66);
        assertThat(EarningPolicy.afterRefund(100, new BigDecimal("80"), new BigDecimal("80"))).isZero();
        assertThat(EarningPolicy.afterRefund(100, new BigDecimal("80"), BigDecimal.ZERO)).isEqualTo(100);
    }
}
