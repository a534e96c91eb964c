package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.ReferralRewards.AwardStatus;
import org.loyaltyhub.programs.ReferralSettings;
import org.loyaltyhub.programs.internal.ReferralPolicy.Current;
import org.loyaltyhub.programs.internal.ReferralPolicy.Step;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static ReferralSettings settings(boolean on, String minSpend, int returnDays) {
        return new ReferralSettings(on, 100, 50, new BigDecimal(minSpend), 5, returnDays,
                ReferralSettings.Funding.CIRCUIT, List.of(), 0);
    }

    private static PurchaseFacts purchase(long id, String total, String refunded, Stage stage, boolean voided) {
        return new PurchaseFacts(1, id, 1, 1, 7, Money.of(new BigDecimal(total), "EUR"),
                Money.of(new BigDecimal(refunded), "EUR"), stage, voided, List.of(), "till");
    }

    @Test
    void aPaidPurchaseOfAtLeastTheMinimumSpendIsRewardedAndAnUnpaidOneIsNot() {
        ReferralSettings s = settings(true, "20", 14);
        assertThat(ReferralPolicy.next(s, Stage.PAID, null, purchase(1, "20.00", "0", Stage.PAID, false), NOW))
                .isEqualTo(Step.AWARD);
        assertThat(ReferralPolicy.next(s, Stage.PAID, null, purchase(1, "50.00", "0", Stage.CREATED, false), NOW))
                .as("not at sign-up, not before it is paid").isEqualTo(Step.NOTHING);
        assertThat(ReferralPolicy.next(s, Stage.PAID, null, purchase(1, "19.99", "0", Stage.PAID, false), NOW))
                .isEqualTo(Step.NOTHING);
        assertThat(ReferralPolicy.next(s, Stage.COMPLETED, null, purchase(1, "50", "0", Stage.PAID, false), NOW))
                .as("the program's award moment decides").isEqualTo(Step.NOTHING);
    }

    @Test
    void aSpendNetOfRefundsBelowTheMinimumOrAnEmptyPurchaseDoesNotQualify() {
        ReferralSettings s = settings(true, "20", 14);
        assertThat(ReferralPolicy.qualifies(s, Stage.PAID, purchase(1, "30", "15", Stage.PAID, false))).isFalse();
        assertThat(ReferralPolicy.qualifies(settings(true, "0", 14), Stage.PAID,
                purchase(1, "0", "0", Stage.PAID, false))).isFalse();
        assertThat(ReferralPolicy.qualifies(s, Stage.PAID, purchase(1, "30", "0", Stage.PAID, true))).isFalse();
    }

    @Test
    void onlyTheFirstQualifyingPurchaseIsRewardedAndAReplayGivesNothingMore() {
        ReferralSettings s = settings(true, "0", 14);
        Current awarded = new Current(AwardStatus.AWARDED, 1, NOW);
        assertThat(ReferralPolicy.next(s, Stage.PAID, awarded, purchase(1, "30", "0", Stage.PAID, false), NOW))
                .isEqualTo(Step.NOTHING);
        assertThat(ReferralPolicy.next(s, Stage.PAID, awarded, purchase(2, "30", "0", Stage.PAID, false), NOW))
                .isEqualTo(Step.NOTHING);
    }

    @Test
    void aRefundWithinTheReturnWindowTakesTheRewardBackAndAfterItKeepsIt() {
        ReferralSettings s = settings(true, "20", 14);
        Current awarded = new Current(AwardStatus.AWARDED, 1, NOW);
        PurchaseFacts refunded = purchase(1, "30", "30", Stage.PAID, false);
        assertThat(ReferralPolicy.next(s, Stage.PAID, awarded, refunded, NOW.plus(Duration.ofDays(13))))
                .isEqualTo(Step.REVERSE);
        assertThat(ReferralPolicy.next(s, Stage.PAID, awarded, refunded, NOW.plus(Duration.ofDays(14))))
                .isEqualTo(Step.NOTHING);
        assertThat(ReferralPolicy.next(s, Stage.PAID, awarded, purchase(1, "30", "5", Stage.PAID, false), NOW))
                .as("a partial refund still above the minimum").isEqualTo(Step.NOTHING);
        assertThat(ReferralPolicy.next(s, Stage.PAID, awarded, purchase(1, "30", "0", Stage.PAID, true), NOW))
                .as("cancelled").isEqualTo(Step.REVERSE);
    }

    @Test
    void afterATakeBackALaterQualifyingPurchaseIsRewardedButTheSameOneIsNot() {
        ReferralSettings s = settings(true, "0", 14);
        Current reversed = new Current(AwardStatus.REVERSED, 1, NOW);
        assertThat(ReferralPolicy.next(s, Stage.PAID, reversed, purchase(1, "30", "0", Stage.PAID, false), NOW))
                .isEqualTo(Step.NOTHING);
        assertThat(ReferralPolicy.next(s, Stage.PAID, reversed, purchase(2, "30", "0", Stage.PAID, false), NOW))
                .isEqualTo(Step.AWARD);
    }

    @Test
    void aProgramSwitchedOffRewardsNothingNewButStillTakesBack() {
        ReferralSettings off = settings(false, "0", 14);
        assertThat(ReferralPolicy.next(off, Stage.PAID, null, purchase(1, "30", "0", Stage.PAID, false), NOW))
                .isEqualTo(Step.NOTHING);
        assertThat(ReferralPolicy.next(off, Stage.PAID, new Current(AwardStatus.AWARDED, 1, NOW),
                purchase(1, "30", "30", Stage.PAID, false), NOW)).isEqualTo(Step.REVERSE);
    }

    @Test
    void levelsThatTogetherGiveMoreThanTheWholePointsAreRefusedWhereTheSettingsAreBuilt() {
        assertThatThrownBy(() -> new ReferralSettings(true, 1, 1, BigDecimal.ZERO, 1, 1,
                ReferralSettings.Funding.CIRCUIT, List.of(new BigDecimal("60"), new BigDecimal("41")), 0))
                .isInstanceOf(InvalidInput.class);
    }
}
