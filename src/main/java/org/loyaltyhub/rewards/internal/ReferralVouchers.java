package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.programs.ReferralReversed;
import org.loyaltyhub.programs.ReferralRewarded;
import org.loyaltyhub.programs.RewardOffers;
import org.loyaltyhub.rewards.FulfilmentStatus;
import org.loyaltyhub.rewards.Reward;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.VoucherSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Referral rewards as vouchers (the circuit's referral settings name a reward for the referrer and/or the friend):
 * issued in the award's transaction with no points spent, once per award (the request key names the friend, the
 * purchase and the side); when the award is taken back, the vouchers not used yet are withdrawn. A reward that is no
 * longer active or out of stock gives no voucher (the points of the award stand) and is logged.
 */
@Component
class ReferralVouchers implements RewardOffers {

    private static final Logger log = LoggerFactory.getLogger(ReferralVouchers.class);

    private final RewardRows rewards;
    private final VoucherRows vouchers;
    private final VoucherService issuer;
    private final Clock clock;

    ReferralVouchers(RewardRows rewards, VoucherRows vouchers, VoucherService issuer, Clock clock) {
        this.rewards = rewards;
        this.vouchers = vouchers;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public List<Offer> offered(long circuitId) {
        return rewards.list(circuitId, true).stream()
                .map(r -> new Offer(r.id(), r.details().title().en(), r.details().title().it())).toList();
    }

    @EventListener
    void on(ReferralRewarded e) {
        give(e.circuitId(), e.referrerId(), e.referrerRewardId(), key(e.friendId(), e.purchaseId(), "referrer"));
        give(e.circuitId(), e.friendId(), e.friendRewardId(), key(e.friendId(), e.purchaseId(), "friend"));
    }

    @EventListener
    void on(ReferralReversed e) {
        issuer.withdraw(e.circuitId(), VoucherSource.REFERRAL, e.referrerId(),
                key(e.friendId(), e.purchaseId(), "referrer"), "referral taken back");
        issuer.withdraw(e.circuitId(), VoucherSource.REFERRAL, e.friendId(),
                key(e.friendId(), e.purchaseId(), "friend"), "referral taken back");
    }

    private static String key(long friendId, long purchaseId, String side) {
        return "referral:" + friendId + ":" + purchaseId + ":" + side;
    }

    private void give(long circuitId, long memberId, Long rewardId, String key) {
        if (rewardId == null || vouchers.byRequest(circuitId, VoucherSource.REFERRAL, memberId, key).isPresent()) {
            return;
        }
        Reward reward = rewards.lock(circuitId, rewardId).orElse(null);
        if (reward == null || !reward.details().active() || !rewards.takeOne(reward.id())) {
            log.warn("Circuit {}: referral reward {} for member {} not given (inactive, gone or out of stock)",
                    circuitId, rewardId, memberId);
            return;
        }
        RewardDetails d = reward.details();
        issuer.issue(new VoucherRows.NewVoucher(circuitId, null, VoucherSource.REFERRAL, reward.id(), null, memberId,
                key, 0, null, d.cost().cash(), d.kind().fulfilledByStore() ? FulfilmentStatus.REQUESTED : null,
                clock.instant().plus(Duration.ofDays(d.voucherDays()))), "referral", null);
    }
}
