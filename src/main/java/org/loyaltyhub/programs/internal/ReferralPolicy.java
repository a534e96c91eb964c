package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.ReferralRewards.AwardStatus;
import org.loyaltyhub.programs.ReferralSettings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * When a referred friend's purchase rewards the referrer and the friend, and when a refund takes it back. A purchase
 * qualifies once it reaches the program's award moment, not cancelled, with at least the minimum spend net of refunds
 * (and more than zero). The first qualifying purchase after the referral is rewarded, once; a refund or cancellation
 * that makes it no longer qualify takes the reward back while the return window (days from the reward) is open, and a
 * later qualifying purchase may then be rewarded. A program switched off rewards nothing new but still takes back.
 */
final class ReferralPolicy {

    private ReferralPolicy() {
    }

    /** What to do with a settled purchase of a referred friend. */
    enum Step {
        AWARD, REVERSE, NOTHING
    }

    /** The friend's current award: its status, the purchase it rewarded and when. */
    record Current(AwardStatus status, long purchaseId, Instant awardedAt) {
    }

    static Step next(ReferralSettings s, Stage awardMoment, Current current, PurchaseFacts f, Instant now) {
        boolean qualifies = qualifies(s, awardMoment, f);
        if (current == null || current.status() == AwardStatus.REVERSED && current.purchaseId() != f.purchaseId()) {
            return s.enabled() && qualifies && s.givesAnything() ? Step.AWARD : Step.NOTHING;
        }
        if (current.status() == AwardStatus.AWARDED && current.purchaseId() == f.purchaseId() && !qualifies
                && withinReturnWindow(s, current.awardedAt(), now)) {
            return Step.REVERSE;
        }
        return Step.NOTHING;
    }

    static boolean qualifies(ReferralSettings s, Stage awardMoment, PurchaseFacts f) {
        if (f.voided() || awardMoment == Stage.NONE || f.stage().ordinal() < awardMoment.ordinal()) {
            return false;
        }
        BigDecimal net = f.total().amount().subtract(f.refunded().amount());
        return net.signum() > 0 && net.compareTo(s.minSpend()) >= 0;
    }

    /** Whether {@code now} is before the end of the return window that opened at {@code awardedAt}. */
    static boolean withinReturnWindow(ReferralSettings s, Instant awardedAt, Instant now) {
        return now.isBefore(awardedAt.plus(Duration.ofDays(s.returnDays())));
    }
}
