package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.programs.CampaignVouchers;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.RewardRefused;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.rewards.VoucherSource;
import org.loyaltyhub.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Vouchers given by promotions and funnels: the reward's voucher, one unit of its stock, no points spent. */
@Service
@Transactional
class PromotionVouchers implements CampaignVouchers {

    private final RewardRows rewards;
    private final VoucherRows vouchers;
    private final VoucherService issued;
    private final Clock clock;

    PromotionVouchers(RewardRows rewards, VoucherRows vouchers, VoucherService issued, Clock clock) {
        this.rewards = rewards;
        this.vouchers = vouchers;
        this.issued = issued;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean rewardExists(long circuitId, long rewardId) {
        return rewards.find(circuitId, rewardId).isPresent();
    }

    @Override
    public String issue(long circuitId, long memberId, long rewardId, String key, String actor) {
        Optional<Voucher> replay = vouchers.byRequest(circuitId, VoucherSource.PROMOTION, memberId, key);
        if (replay.isPresent()) {
            return replay.get().code().value();
        }
        var reward = rewards.lock(circuitId, rewardId).orElseThrow(() -> new NotFound("Reward", rewardId));
        if (!rewards.takeOne(reward.id())) {
            throw new RewardRefused("reward-out-of-stock", "This reward is out of stock");
        }
        RewardDetails d = reward.details();
        return issued.issue(new VoucherRows.NewVoucher(circuitId, null, VoucherSource.PROMOTION, reward.id(), null,
                memberId, key, 0, null, null,
                d.kind().fulfilledByStore() ? org.loyaltyhub.rewards.FulfilmentStatus.REQUESTED : null,
                clock.instant().plus(Duration.ofDays(d.voucherDays()))), actor, null).code().value();
    }
}
