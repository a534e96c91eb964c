package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.TierStanding.Basis;
import org.loyaltyhub.programs.internal.TierPolicy.Downgrade;
import org.loyaltyhub.programs.internal.TierPolicy.Window;
import org.loyaltyhub.programs.internal.TierRules.Change;
import org.loyaltyhub.programs.internal.TierRules.Decision;
import org.loyaltyhub.programs.internal.TierRules.Held;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TierRulesTest {

    static Tier tier(long id, String name, int threshold) {
        return new Tier(id, name, null, null, null, BigDecimal.valueOf(threshold), null, null, null, null, null, null);
    }

    static final Tier SILVER = tier(1, "Silver", 500);
    static final Tier GOLD = tier(2, "Gold", 1000);
    static final List<Tier> TIERS = List.of(GOLD, SILVER);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static TierPolicy policy(Window window, Integer months, Downgrade downgrade, Integer below, int grace) {
        return new TierPolicy(Basis.POINTS_EARNED, window, months, downgrade, below, grace, null);
    }

    static BigDecimal n(long v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void theQualifiedTierIsTheHighestWhoseThresholdIsReached() {
        List<Tier> ordered = TierRules.ordered(TIERS);
        assertThat(TierRules.qualified(ordered, n(499))).isNull();
        assertThat(TierRules.qualified(ordered, n(500))).isEqualTo(SILVER);
        assertThat(TierRules.qualified(ordered, n(5000))).isEqualTo(GOLD);
    }

    @Test
    void windowsCountTheLifetimeTheCalendarYearOrTheLastMonths() {
        assertThat(TierRules.windowStart(policy(Window.LIFETIME, null, Downgrade.NEVER, null, 0), TODAY)).isNull();
        assertThat(TierRules.windowStart(policy(Window.CALENDAR_YEAR, null, Downgrade.NEVER, null, 0), TODAY))
                .isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(TierRules.windowStart(policy(Window.ROLLING_MONTHS, 12, Downgrade.NEVER, null, 0), TODAY))
                .isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void crossingAThresholdUpgradesAtOnceAndIsExplained() {
        TierPolicy p = policy(Window.ROLLING_MONTHS, 12, Downgrade.NEVER, null, 0);
        Decision d = TierRules.decide(p, TIERS, new Held(1L, LocalDate.of(2025, 1, 1), null, null), n(1520), n(0), TODAY);
        assertThat(d.change()).isEqualTo(Change.UP);
        assertThat(d.tierId()).isEqualTo(2L);
        assertThat(d.since()).isEqualTo(TODAY);
        assertThat(TierRules.explain(d, GOLD, SILVER, Basis.POINTS_EARNED, "EUR"))
                .isEqualTo("Gold since 2026-03-02: 1,520 points in 12 months");
    }

    @Test
    void withNeverATierIsKeptWhateverTheActivity() {
        TierPolicy p = policy(Window.ROLLING_MONTHS, 12, Downgrade.NEVER, null, 0);
        Decision d = TierRules.decide(p, TIERS, new Held(2L, TODAY.minusYears(3), null, null), n(0), n(0), TODAY);
        assertThat(d.change()).isEqualTo(Change.NONE);
        assertThat(d.tierId()).isEqualTo(2L);
        assertThat(TierRules.reviewOn(p, d, null, TODAY)).as("time alone changes nothing").isNull();
    }

    @Test
    void atThePeriodsEndATierEarnedInAYearIsKeptThroughTheNextAndThenFollowsThePreviousYear() {
        TierPolicy p = policy(Window.CALENDAR_YEAR, null, Downgrade.END_OF_PERIOD, null, 0);
        Decision up = TierRules.decide(p, TIERS, Held.NONE, n(1000), n(0), TODAY);
        assertThat(up.keptUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(TierRules.reviewOn(p, up, null, TODAY)).isEqualTo(LocalDate.of(2027, 1, 1));

        Decision stillKept = TierRules.decide(p, TIERS, up.held(), n(0), n(1000), LocalDate.of(2027, 6, 1));
        assertThat(stillKept.change()).isEqualTo(Change.NONE);

        Decision down = TierRules.decide(p, TIERS, up.held(), n(0), n(600), LocalDate.of(2028, 1, 1));
        assertThat(down.change()).isEqualTo(Change.DOWN);
        assertThat(down.tierId()).as("what 2027 earned").isEqualTo(1L);
        assertThat(down.keptUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(TierRules.explain(down, SILVER, GOLD, Basis.POINTS_EARNED, "EUR"))
                .isEqualTo("Silver since 2028-01-01: 600 points in 2027, below Gold's 1,000 points (kept until 2028-12-31)");
    }

    @Test
    void graceDaysExtendTheDateATierIsKeptUntil() {
        TierPolicy p = policy(Window.CALENDAR_YEAR, null, Downgrade.END_OF_PERIOD, null, 15);
        Decision up = TierRules.decide(p, TIERS, Held.NONE, n(1000), n(0), TODAY);
        assertThat(up.keptUntil()).isEqualTo(LocalDate.of(2028, 1, 15));
        assertThat(TierRules.decide(p, TIERS, up.held(), n(0), n(0), LocalDate.of(2028, 1, 15)).change())
                .isEqualTo(Change.NONE);
        assertThat(TierRules.decide(p, TIERS, up.held(), n(0), n(0), LocalDate.of(2028, 1, 16)).change())
                .isEqualTo(Change.DOWN);
    }

    @Test
    void afterMonthsBelowTheTierGoesOnlyWhenTheMemberStayedBelowThatLongAndComingBackClearsTheCount() {
        TierPolicy p = policy(Window.ROLLING_MONTHS, 12, Downgrade.AFTER_MONTHS_BELOW, 3, 0);
        Held gold = new Held(2L, LocalDate.of(2025, 1, 1), null, null);
        Decision below = TierRules.decide(p, TIERS, gold, n(700), n(0), TODAY);
        assertThat(below.change()).isEqualTo(Change.NONE);
        assertThat(below.belowSince()).isEqualTo(TODAY);
        assertThat(below.keptUntil()).isEqualTo(LocalDate.of(2026, 6, 1));

        Decision back = TierRules.decide(p, TIERS, below.held(), n(1200), n(0), TODAY.plusMonths(1));
        assertThat(back.belowSince()).isNull();
        assertThat(back.keptUntil()).isNull();

        Decision down = TierRules.decide(p, TIERS, below.held(), n(700), n(0), LocalDate.of(2026, 6, 2));
        assertThat(down.change()).isEqualTo(Change.DOWN);
        assertThat(down.tierId()).isEqualTo(1L);
    }

    @Test
    void aManualTierIsInForceUntilItsLastDay() {
        assertThat(TierRules.manualInForce(2L, null, TODAY)).isTrue();
        assertThat(TierRules.manualInForce(2L, TODAY, TODAY)).isTrue();
        assertThat(TierRules.manualInForce(2L, TODAY.minusDays(1), TODAY)).isFalse();
        assertThat(TierRules.manualInForce(null, null, TODAY)).isFalse();
        TierPolicy p = policy(Window.LIFETIME, null, Downgrade.NEVER, null, 0);
        Decision none = TierRules.decide(p, TIERS, Held.NONE, n(0), n(0), TODAY);
        assertThat(TierRules.reviewOn(p, none, TODAY.plusDays(5), TODAY)).isEqualTo(TODAY.plusDays(6));
    }

    @Test
    void progressNamesTheNextTierAndWhatIsMissingInTheBasissUnit() {
        TierRules.Progress p = TierRules.progress(TIERS, SILVER, n(880));
        assertThat(p.next()).isEqualTo(GOLD);
        assertThat(p.missing()).isEqualByComparingTo("120");
        assertThat(p.percent()).isEqualTo(88);
        assertThat(TierRules.progress(TIERS, GOLD, n(5000))).as("at the top").isNull();
        assertThat(TierRules.amount(Basis.AMOUNT_SPENT, new BigDecimal("1520"), "EUR")).isEqualTo("1,520.00 EUR spent");
        assertThat(TierRules.amount(Basis.VISITS, n(1), null)).isEqualTo("1 visit");
    }

    @Test
    void policiesThatCannotWorkAreRefusedFieldByField() {
        assertThat(policy(Window.LIFETIME, null, Downgrade.END_OF_PERIOD, null, 0).problems()).containsKey("downgrade");
        assertThat(policy(Window.ROLLING_MONTHS, null, Downgrade.NEVER, null, 0).problems()).containsKey("windowMonths");
        assertThat(policy(Window.CALENDAR_YEAR, null, Downgrade.AFTER_MONTHS_BELOW, null, 0).problems())
                .containsKey("belowMonths");
        assertThat(TierPolicy.DEFAULT.problems()).isEmpty();
    }
}
