package org.loyaltyhub.programs.internal.promotions;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromotionEngineTest {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** A Tuesday, 23:30 in Rome (22:30 UTC). */
    static final Instant TUESDAY_NIGHT = Instant.parse("2026-12-01T22:30:00Z");

    static PromotionEngine.PurchaseCase purchase(String spend, long base, long visit) {
        return new PromotionEngine.PurchaseCase(7, 1, 2, "shopify:12", TUESDAY_NIGHT, ROME, new BigDecimal(spend),
                List.of(new PromotionEngine.PurchaseCase.Line("ESP", "SKU-1", "Coffee")), base, visit, null, Set.of(),
                new BigDecimal("100"), null);
    }

    static Promotion promo(long id, int priority, Promotion.Stacking stacking, PromotionEffect effect,
                           PurchaseCondition... conditions) {
        return new Promotion(id, "P" + id, Promotion.Status.ACTIVE,
                new Promotion.Validity(Instant.parse("2026-01-01T00:00:00Z"), null), Promotion.Target.ALL,
                new PromotionTrigger.OnPurchase(List.of(conditions)), effect, Promotion.Limits.NONE, priority, stacking);
    }

    @Test
    void daysAndHoursAreReadInTheCircuitsTimeZoneAndHoursMaySpanMidnight() {
        var c = purchase("10", 10, 1);
        assertThat(new PurchaseCondition.DaysOfWeek(Set.of(DayOfWeek.TUESDAY)).unmet(c)).isNull();
        assertThat(new PurchaseCondition.Hours(LocalTime.of(22, 0), LocalTime.of(2, 0)).unmet(c)).isNull();
        assertThat(new PurchaseCondition.Hours(LocalTime.of(18, 0), LocalTime.of(23, 0)).unmet(c)).contains("23:30");
    }

    @Test
    void productsMatchByIdOrSkuCategoriesIgnoreCaseAndVisitsCount() {
        var c = purchase("10", 10, 5);
        assertThat(new PurchaseCondition.Products(Set.of("SKU-1")).unmet(c)).isNull();
        assertThat(new PurchaseCondition.Categories(Set.of("coffee")).unmet(c)).isNull();
        assertThat(new PurchaseCondition.FirstPurchase().unmet(c)).contains("visit 5");
        assertThat(new PurchaseCondition.NthVisit(5, false).unmet(c)).isNull();
        assertThat(new PurchaseCondition.NthVisit(3, true).unmet(c)).contains("not a multiple of 3");
    }

    @Test
    void promotionsAreConsideredByPriorityThenIdAndAnExclusiveOneStopsTheRest() {
        var fixed = new PromotionEffect.FixedPoints(10);
        var eval = PromotionEngine.evaluate(purchase("10", 10, 1), List.of(
                promo(4, 5, Promotion.Stacking.STACKABLE, fixed),
                promo(3, 1, Promotion.Stacking.EXCLUSIVE, new PromotionEffect.Multiplier(new BigDecimal("1.5"))),
                promo(2, 5, Promotion.Stacking.STACKABLE, fixed)), Map.of());
        assertThat(eval.considered()).extracting(PromotionEngine.Considered::promotionId).containsExactly(3L, 2L, 4L);
        assertThat(eval.considered()).extracting(PromotionEngine.Considered::outcome).containsExactly(
                PromotionEngine.Outcome.APPLIED, PromotionEngine.Outcome.NOT_COMBINED, PromotionEngine.Outcome.NOT_COMBINED);
        assertThat(eval.points()).as("×1.5 on 10 points gives 5 more").isEqualTo(5);
    }

    @Test
    void aBudgetCapsTheLastGrantAndThenStopsThePromotion() {
        Promotion p = new Promotion(1L, "Budget", Promotion.Status.ACTIVE,
                new Promotion.Validity(Instant.parse("2026-01-01T00:00:00Z"), null), Promotion.Target.ALL,
                new PromotionTrigger.OnPurchase(List.of()), new PromotionEffect.PercentOfSpend(new BigDecimal("5")),
                new Promotion.Limits(null, null, 120L), 0, Promotion.Stacking.STACKABLE);
        // 5% of 40 € at 100 points per € = 200 points, 20 are left
        var capped = PromotionEngine.evaluate(purchase("40", 40, 1), List.of(p), Map.of(1L, new PromotionEngine.Counters(0, 100)));
        assertThat(capped.points()).isEqualTo(20);
        var spent = PromotionEngine.evaluate(purchase("40", 40, 1), List.of(p), Map.of(1L, new PromotionEngine.Counters(0, 120)));
        assertThat(spent.considered().getFirst().outcome()).isEqualTo(PromotionEngine.Outcome.BUDGET_SPENT);
    }

    @Test
    void invariantsAreCheckedWhereValuesAreBuilt() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new Promotion.Validity(start, start)).isInstanceOf(Promotion.EndBeforeStart.class);
        assertThatThrownBy(() -> new PurchaseCondition.Hours(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new PromotionEffect.Multiplier(BigDecimal.ONE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Promotion.Limits(null, Promotion.Period.DAY, null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Promotion.Target(null, null, null, null, Set.of("Not A Channel")))
                .isInstanceOf(InvalidInput.class);
        PromotionInput unknown = new PromotionInput("X", start, null, null,
                new PromotionInput.TriggerInput(PromotionTrigger.Kind.PURCHASE,
                        List.of(new PromotionInput.ConditionInput("weather", "sunny", null, null, null))),
                new PromotionInput.EffectInput(PromotionEffect.Kind.FIXED_POINTS, 5L, null, null), null, 0, null);
        assertThatThrownBy(() -> unknown.toPromotion(null, Promotion.Status.DRAFT))
                .isInstanceOf(PurchaseCondition.UnknownConditionField.class);
    }

    @Test
    void aPromotionReadsBackAsTheInputThatBuiltIt() {
        Promotion p = promo(9, 3, Promotion.Stacking.EXCLUSIVE, new PromotionEffect.FixedPoints(10),
                new PurchaseCondition.MinSpend(new BigDecimal("20")),
                new PurchaseCondition.Hours(LocalTime.of(18, 0), LocalTime.of(20, 0)),
                new PurchaseCondition.NthVisit(5, true));
        assertThat(PromotionInput.of(p).toPromotion(9L, Promotion.Status.ACTIVE)).isEqualTo(p);
    }
}
