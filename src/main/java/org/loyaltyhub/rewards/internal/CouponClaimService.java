package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.members.Members;
import org.loyaltyhub.rewards.Campaign;
import org.loyaltyhub.rewards.CodeMode;
import org.loyaltyhub.rewards.CouponClaims;
import org.loyaltyhub.rewards.CouponRefused;
import org.loyaltyhub.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Members claiming a campaign's code by themselves. A unique code is taken by one statement that checks the dates,
 * the member's earlier claim and the stock together ({@link CampaignRows#claimNext}); two claims of one member at once
 * are put in line by a lock on the pair, so the second finds the first's code.
 */
@Service
@Transactional
class CouponClaimService implements CouponClaims {

    private final CampaignRows campaigns;
    private final Members members;
    private final Clock clock;

    CouponClaimService(CampaignRows campaigns, Members members, Clock clock) {
        this.campaigns = campaigns;
        this.members = members;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<Offer> offers(long circuitId) {
        Instant now = clock.instant();
        return campaigns.list(circuitId).stream().filter(c -> now.isBefore(c.details().validUntil()))
                .map(CouponClaimService::offer).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Offer> offer(long circuitId, long campaignId) {
        return campaigns.find(circuitId, campaignId).map(CouponClaimService::offer);
    }

    private static Offer offer(Campaign c) {
        return new Offer(c.id(), c.details().name(), c.details().codeMode(), c.details().validFrom(),
                c.details().validUntil());
    }

    @Override
    public Claimed claim(long circuitId, long memberId, long campaignId) {
        members.own(circuitId, memberId);
        Campaign c = campaigns.find(circuitId, campaignId).orElseThrow(() -> new NotFound("Campaign", campaignId));
        Instant now = clock.instant();
        if (c.details().codeMode() == CodeMode.SHARED) {
            refuseOutsideDates(c, now);
            return new Claimed(c.id(), c.details().name(), c.details().sharedCode(), c.details().validUntil(), false);
        }
        campaigns.lockClaim(c.id(), memberId);
        return campaigns.claimNext(c, memberId, now)
                .map(code -> new Claimed(c.id(), c.details().name(), code.code(), c.details().validUntil(),
                        code.before()))
                .orElseThrow(() -> {
                    refuseOutsideDates(c, now);
                    return new CouponRefused(CouponRefused.Reason.OUT_OF_STOCK);
                });
    }

    private static void refuseOutsideDates(Campaign c, Instant now) {
        if (now.isBefore(c.details().validFrom())) {
            throw new CouponRefused(CouponRefused.Reason.NOT_STARTED);
        }
        if (!now.isBefore(c.details().validUntil())) {
            throw new CouponRefused(CouponRefused.Reason.ENDED);
        }
    }
}
