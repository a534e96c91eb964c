package org.loyaltyhub.programs.internal.badges;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.MemberStatus.Names;
import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadgeRulesTest {

    static Badge badge(long id, String name, long from, Long to) {
        return new Badge(id, 1, new Names(name, null), new Names(null, null), new PointRange(from, to),
                BadgeDiscount.NONE, null, null);
    }

    private final BadgeLadder ladder = new BadgeLadder(List.of(badge(3, "Gold", 500, null),
            badge(1, "Bronze", 100, 199L), badge(2, "Silver", 200, 499L)));

    @Test
    void aMemberHoldsTheBadgeWhoseRangeContainsTheirPointsBothEndsIncluded() {
        assertThat(ladder.held(99)).isEmpty();
        assertThat(ladder.held(100).orElseThrow().id()).isEqualTo(1);
        assertThat(ladder.held(199).orElseThrow().id()).isEqualTo(1);
        assertThat(ladder.held(200).orElseThrow().id()).isEqualTo(2);
        assertThat(ladder.held(1_000_000).orElseThrow().id()).isEqualTo(3);
    }

    @Test
    void badgesBelowThePointsAreUnlockedAndTheNextIsTheLowestAbove() {
        assertThat(ladder.badges()).extracting(Badge::id).containsExactly(1L, 2L, 3L);
        assertThat(ladder.unlocked(250)).extracting(Badge::id).containsExactly(1L, 2L);
        assertThat(ladder.next(250).orElseThrow().id()).isEqualTo(3);
        assertThat(ladder.next(500)).isEmpty();
    }

    @Test
    void aRangeOverlappingAnotherBadgeIsRefusedNamingIt() {
        assertThatThrownBy(() -> ladder.checkFits(null, new PointRange(450, 600L)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("pointsFrom")
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors().get("pointsFrom"))
                        .contains("\"Silver\"").contains("200–499"));
        assertThatThrownBy(() -> ladder.checkFits(null, new PointRange(0, null)))
                .isInstanceOf(InvalidInput.class);
        ladder.checkFits(null, new PointRange(0, 99L));
        ladder.checkFits(2L, new PointRange(200, 450L));
    }

    @Test
    void aRangeEndingBeforeItStartsOrBelowZeroIsRefused() {
        assertThatThrownBy(() -> new PointRange(10, 5L)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors()).containsKey("pointsTo"));
        assertThatThrownBy(() -> new PointRange(-1, null)).isInstanceOf(InvalidInput.class);
        assertThat(new PointRange(5, 5L).contains(5)).isTrue();
    }

    @Test
    void aDraftNamesEveryWrongFieldAtOnce() {
        assertThatThrownBy(() -> BadgeDraft.of(" ", null, null, null, 10L, 5L, new BigDecimal("-1"), null,
                new BigDecimal("150")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors().keySet())
                        .containsExactlyInAnyOrder("nameEn", "pointsTo", "extraValuePercent", "maxDiscountPercent"));
    }

    @Test
    void goingDownTheLadderOrOffItIsALoss() {
        Badge bronze = ladder.badges().get(0);
        Badge silver = ladder.badges().get(1);
        assertThat(BadgeLadder.isLoss(silver, bronze)).isTrue();
        assertThat(BadgeLadder.isLoss(silver, null)).isTrue();
        assertThat(BadgeLadder.isLoss(bronze, silver)).isFalse();
        assertThat(BadgeLadder.isLoss(null, bronze)).isFalse();
    }

    @Test
    void theWindowCountsLifetimeTheCalendarYearOrTheLastMonths() {
        LocalDate day = LocalDate.parse("2026-03-17");
        assertThat(BadgeWindow.LIFETIME.fromMonth(day)).isNull();
        assertThat(new BadgeWindow(BadgeWindow.Kind.CALENDAR_YEAR, 5).fromMonth(day)).isEqualTo("2026-01-01");
        assertThat(new BadgeWindow(BadgeWindow.Kind.ROLLING_MONTHS, 12).fromMonth(day)).isEqualTo("2025-04-01");
        assertThat(new BadgeWindow(BadgeWindow.Kind.ROLLING_MONTHS, 1).fromMonth(day)).isEqualTo("2026-03-01");
        assertThatThrownBy(() -> new BadgeWindow(BadgeWindow.Kind.ROLLING_MONTHS, null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new BadgeWindow(null, null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theReasonExplainsTheBadgeWithThePointsAndTheWindow() {
        Badge silver = ladder.badges().get(1);
        BadgeWindow year = new BadgeWindow(BadgeWindow.Kind.ROLLING_MONTHS, 12);
        assertThat(BadgeHolders.reason(null, silver, 1520, year, LocalDate.parse("2026-03-02")))
                .isEqualTo("Silver since 2026-03-02: 1,520 points in 12 months");
        assertThat(BadgeHolders.reason(silver, null, 80, year, LocalDate.parse("2027-03-01")))
                .isEqualTo("Silver lost on 2027-03-01: 80 points in 12 months, outside its range 200–499");
    }

    @Test
    void aBadgesDiscountBecomesARedemptionBonusNamedAfterIt() {
        assertThat(new BadgeDiscount(new BigDecimal("10"), null, null).bonus("Gold").orElseThrow().reason())
                .isEqualTo("Gold badge: +10 % on points' value");
        assertThat(new BadgeDiscount(BigDecimal.ZERO, null, new BigDecimal("50")).bonus("Gold").orElseThrow()
                .maxDiscountPercent()).isEqualByComparingTo("50");
        assertThat(BadgeDiscount.NONE.bonus("Gold")).isEmpty();
    }
}
