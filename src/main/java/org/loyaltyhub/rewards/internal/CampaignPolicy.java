package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.rewards.Campaign;
import org.loyaltyhub.rewards.CampaignDetails;
import org.loyaltyhub.rewards.CampaignGift;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Whether a campaign's code may be used now, at a store, by a member: within the campaign's window, at one of its
 * stores, by a known member when it gives points or its code is shared, under the total limit and the member's limit.
 * And what a use took off the cart, when that can be known.
 */
public final class CampaignPolicy {

    private CampaignPolicy() {
    }

    public static Decision decide(Campaign c, Store store, Long memberId, long redeemedInAll, long redeemedByMember,
                                  Instant now) {
        CampaignDetails d = c.details();
        if (c.circuitId() != store.circuitId()) {
            return Decision.refuse("voucher-other-circuit", "This coupon was issued by another circuit");
        }
        if (now.isBefore(d.validFrom())) {
            return Decision.refuse("campaign-not-started", "The campaign " + d.name() + " starts on " + d.validFrom());
        }
        if (!now.isBefore(d.validUntil())) {
            return Decision.refuse("voucher-expired", "The campaign " + d.name() + " ended on " + d.validUntil());
        }
        if (!d.restrictions().validAt(store.companyId(), store.id())) {
            return Decision.refuse("voucher-wrong-store", "This coupon is not valid at " + store.name());
        }
        if (memberId == null && (d.gives() == CampaignGift.BONUS_POINTS || d.sharedCode() != null)) {
            return Decision.refuse("campaign-member-needed", "This coupon is used by a member: say which member");
        }
        if (d.totalLimit() != null && redeemedInAll >= d.totalLimit()) {
            return Decision.refuse("campaign-limit-reached", "The campaign " + d.name() + " has been used "
                    + d.totalLimit() + " times, its limit");
        }
        if (memberId != null && redeemedByMember >= d.perMemberLimit()) {
            return Decision.refuse("campaign-member-limit-reached", "This member already used the campaign "
                    + d.name() + (d.perMemberLimit() == 1 ? "" : " " + d.perMemberLimit() + " times"));
        }
        return Decision.ALLOW;
    }

    /**
     * What a use takes off a cart: a fixed amount (never more than the cart, when it is known), a percentage of the
     * cart up to the cap (only when the cart is known); nothing known for the other kinds.
     */
    public static BigDecimal discount(CampaignDetails d, Money cart) {
        RewardDetails.Benefit b = d.benefit();
        return switch (d.gives()) {
            case FIXED_AMOUNT -> cart == null ? b.amount().amount() : b.amount().amount().min(cart.amount());
            case PERCENT -> {
                if (cart == null) {
                    yield null;
                }
                BigDecimal off = cart.amount().multiply(b.percent()).divide(BigDecimal.valueOf(100), 2,
                        RoundingMode.HALF_UP);
                yield b.cap() == null ? off : off.min(b.cap().amount());
            }
            case FREE_PRODUCT, FREE_SHIPPING, BONUS_POINTS -> null;
        };
    }
}
