package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.programs.RewardPoints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reward claims as ledger entries: a hold (available to held) and its capture (held to redeemed) under the claim's
 * key, and a give-back (redeemed to available, to the lots the hold consumed). Entry kinds of their own, so history
 * shows the reward's reason ("Reward: Coffee") rather than a generic label.
 */
@Service
@Transactional
class RewardPointsService implements RewardPoints {

    static final String HOLD = "REWARD_HOLD";
    static final String CAPTURE = "REWARD";
    static final String GIVE_BACK = "REWARD_REFUND";

    private final Ledger ledger;

    RewardPointsService(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void spend(long circuitId, long memberId, long points, String key, String reason, Long companyId,
                      Long storeId, String actor) {
        if (points <= 0) {
            throw new IllegalArgumentException("a reward costs at least one point");
        }
        ledger.post(EntryDraft.transfer(circuitId, "reward:" + key + ":hold", HOLD, reason)
                .move(AccountRef.available(memberId), AccountRef.held(memberId), points)
                .member(memberId).company(companyId).store(storeId).actor(actor).build());
        ledger.post(EntryDraft.transfer(circuitId, "reward:" + key + ":capture", CAPTURE, reason)
                .move(AccountRef.held(memberId), AccountRef.circuit(AccountKind.REDEEMED), points)
                .member(memberId).company(companyId).store(storeId).actor(actor).build());
    }

    @Override
    public boolean giveBack(long circuitId, String key, String reason, String actor) {
        return ledger.entryByKey(circuitId, "reward:" + key + ":hold").map(hold -> {
            long points = hold.postings().stream().filter(p -> p.account().kind() == AccountKind.MEMBER_HELD)
                    .mapToLong(Ledger.Posting::amount).sum();
            ledger.post(EntryDraft.transfer(circuitId, "reward:" + key + ":give-back", GIVE_BACK, reason)
                    .move(AccountRef.circuit(AccountKind.REDEEMED), AccountRef.available(hold.memberId()), points,
                            null, new LotRule.Restore(hold.id()))
                    .member(hold.memberId()).company(hold.companyId()).store(hold.storeId()).actor(actor).build());
            return true;
        }).orElse(false);
    }
}
