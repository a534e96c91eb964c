package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.ProductRule;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.ProgramSettings.RedeemableProducts;
import org.loyaltyhub.programs.PurchaseFacts.Line;
import org.loyaltyhub.programs.internal.RedemptionPolicy.Quote;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedemptionPolicyTest {

    static ProgramSettings redeem(long points, String value, long minBalance, String minCart, String maxAmount,
                                  String maxPercent, boolean excludeDiscounted, RedeemableProducts products) {
        ProgramSettings d = ProgramSettings.defaults();
        return new ProgramSettings(true, 1, BigDecimal.ONE, d.earnRounding(), d.pendingFrom(), d.awardMoment(), 0, 0, 0,
                false, d.validity(), null, points, new BigDecimal(value), minBalance, new BigDecimal(minCart),
                maxAmount == null ? null : new BigDecimal(maxAmount), maxPercent == null ? null : new BigDecimal(maxPercent),
                excludeDiscounted, products, 30, null);
    }

    private static final ProgramSettings HUNDRED_FOR_ONE = redeem(100, "1", 0, "0", null, null, false, RedeemableProducts.ALL);

    @Test
    void pointsBuyADiscountAtTheConversionRateUpToTheCartTotal() {
        Quote q = RedemptionPolicy.quote(HUNDRED_FOR_ONE, Map.of(), 5_000, Money.of("12.00", "EUR"), List.of(), null);
        assertThat(q.allowed()).isTrue();
        assertThat(q.maxPoints()).isEqualTo(1_200);
        assertThat(q.discount()).isEqualTo(Money.of("12.00", "EUR"));
        Quote some = RedemptionPolicy.quote(HUNDRED_FOR_ONE, Map.of(), 5_000, Money.of("12.00", "EUR"), List.of(), 250L);
        assertThat(some.discount()).isEqualTo(Money.of("2.50", "EUR"));
    }

    @Test
    void theDiscountIsCappedByAFixedAmountAndByAPercentageOfTheCart() {
        ProgramSettings capped = redeem(100, "1", 0, "0", "5.00", "20", false, RedeemableProducts.ALL);
        assertThat(RedemptionPolicy.quote(capped, Map.of(), 10_000, Money.of("100.00", "EUR"), List.of(), null)
                .discount()).isEqualTo(Money.of("5.00", "EUR"));
        assertThat(RedemptionPolicy.quote(capped, Map.of(), 10_000, Money.of("10.00", "EUR"), List.of(), null)
                .discount()).isEqualTo(Money.of("2.00", "EUR"));
    }

    @Test
    void aCodesMinimumSpendKeepsItsDiscountWithinTheMaximumShareOfTheCart() {
        ProgramSettings capped = redeem(100, "1", 0, "30.00", null, "15", false, RedeemableProducts.ALL);
        assertThat(RedemptionPolicy.codeMinimumSpend(capped, Money.of("10.00", "EUR"))).isEqualTo(Money.of("66.67", "EUR"));
        assertThat(RedemptionPolicy.codeMinimumSpend(capped, Money.of("3.00", "EUR")))
                .as("the program's own minimum when higher").isEqualTo(Money.of("30.00", "EUR"));
        assertThat(RedemptionPolicy.codeMinimumSpend(HUNDRED_FOR_ONE, Money.of("3.00", "EUR")).isPositive()).isFalse();
    }

    @Test
    void aDiscountNeverExceedsWhatThePointsAreWorth() {
        ProgramSettings threeForOne = redeem(3, "1", 0, "0", null, null, false, RedeemableProducts.ALL);
        Quote q = RedemptionPolicy.quote(threeForOne, Map.of(), 10, Money.of("50.00", "EUR"), List.of(), null);
        assertThat(q.points()).isEqualTo(10);
        assertThat(q.discount()).isEqualTo(Money.of("3.33", "EUR"));
    }

    @Test
    void minimumBalanceAndMinimumCartRefuseWithTheirReason() {
        ProgramSettings s = redeem(100, "1", 500, "20", null, null, false, RedeemableProducts.ALL);
        assertThat(RedemptionPolicy.quote(s, Map.of(), 499, Money.of("50", "EUR"), List.of(), null).code())
                .isEqualTo("below-minimum-balance");
        assertThat(RedemptionPolicy.quote(s, Map.of(), 500, Money.of("19.99", "EUR"), List.of(), null).code())
                .isEqualTo("cart-below-minimum");
        assertThat(RedemptionPolicy.quote(s, Map.of(), 500, Money.of("20", "EUR"), List.of(), null).allowed()).isTrue();
    }

    @Test
    void discountedAndExcludedProductsCannotBePaidWithPoints() {
        Map<String, ProductRule> rules = Map.of("GIFTCARD", new ProductRule("GIFTCARD", ProductRule.EarnMode.DEFAULT,
                null, null, true));
        List<Line> cart = List.of(new Line("SHOES", BigDecimal.ONE, new BigDecimal("30"), true),
                new Line("GIFTCARD", BigDecimal.ONE, new BigDecimal("25"), false),
                new Line("SOCKS", new BigDecimal("2"), new BigDecimal("5"), false));
        ProgramSettings noSales = redeem(100, "1", 0, "0", null, null, true, RedeemableProducts.EXCEPT_LISTED);
        assertThat(RedemptionPolicy.quote(noSales, rules, 100_000, Money.of("65", "EUR"), cart, null).discount())
                .isEqualTo(Money.of("10.00", "EUR"));
        ProgramSettings onlyListed = redeem(100, "1", 0, "0", null, null, false, RedeemableProducts.ONLY_LISTED);
        assertThat(RedemptionPolicy.quote(onlyListed, rules, 100_000, Money.of("65", "EUR"), cart, null).discount())
                .isEqualTo(Money.of("25.00", "EUR"));
    }

    @Test
    void askingForMorePointsThanAllowedOrHeldIsRefused() {
        Quote q = RedemptionPolicy.quote(HUNDRED_FOR_ONE, Map.of(), 300, Money.of("50", "EUR"), List.of(), 301L);
        assertThat(q.allowed()).isFalse();
        assertThat(q.code()).isEqualTo("too-many-points");
        assertThat(q.maxPoints()).isEqualTo(300);
        assertThat(RedemptionPolicy.quote(HUNDRED_FOR_ONE, Map.of(), 0, Money.of("50", "EUR"), List.of(), null).code())
                .isEqualTo("no-points");
    }
}
