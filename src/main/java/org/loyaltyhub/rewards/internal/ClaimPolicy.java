package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.rewards.RewardDetails;

import java.time.Instant;

/**
 * Whether a member may claim a reward now: it is active and within its validity window, in stock, open to the
 * member's tier, badges and plan, within the member's limit, and affordable. The first rule broken is the answer.
 */
public final class ClaimPolicy {

    private ClaimPolicy() {
    }

    public static Decision decide(RewardDetails r, MemberStatus status, long balance, long claimsInPeriod,
                                  Instant now) {
        if (!r.active()) {
            return Decision.refuse("reward-inactive", "This reward is no longer offered");
        }
        if (r.validFrom() != null && now.isBefore(r.validFrom())) {
            return Decision.refuse("reward-not-yet-valid", "This reward can be claimed from " + r.validFrom());
        }
        if (r.validUntil() != null && !now.isBefore(r.validUntil())) {
            return Decision.refuse("reward-ended", "This reward could be claimed until " + r.validUntil());
        }
        if (r.stock() != null && r.stock() <= 0) {
            return Decision.refuse("reward-out-of-stock", "This reward is out of stock");
        }
        Decision restricted = restrictions(r.restrictions(), status);
        if (!restricted.allowed()) {
            return restricted;
        }
        if (r.limit() != null && claimsInPeriod >= r.limit().count()) {
            return Decision.refuse("reward-limit-reached", "This reward can be claimed " + r.limit().count()
                    + " time(s) per " + r.limit().period().name().toLowerCase() + " and the limit is reached");
        }
        if (balance < r.cost().points()) {
            long missing = r.cost().points() - balance;
            return new Decision(false, "insufficient-points", "The member has " + balance + " points, "
                    + r.cost().points() + " are needed (" + missing + " missing)", missing);
        }
        return Decision.ALLOW;
    }

    /** Tier, badge and plan restrictions: each list, when not empty, needs the member to hold one of its ids. */
    static Decision restrictions(RewardDetails.Restrictions r, MemberStatus status) {
        MemberStatus s = status == null ? MemberStatus.NONE : status;
        if (!r.tierIds().isEmpty() && r.tierIds().stream().noneMatch(s::hasTier)) {
            return Decision.refuse("reward-restricted", "This reward is reserved to members of another tier");
        }
        if (!r.badgeIds().isEmpty() && r.badgeIds().stream().noneMatch(s::hasBadge)) {
            return Decision.refuse("reward-restricted", "This reward is reserved to members holding a badge");
        }
        if (!r.planIds().isEmpty() && r.planIds().stream().noneMatch(s::hasPlan)) {
            return Decision.refuse("reward-restricted", "This reward is reserved to members of a membership plan");
        }
        return Decision.ALLOW;
    }
}
