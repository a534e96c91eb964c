package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.programs.CampaignPoints;
import org.loyaltyhub.programs.SharePoints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Bonus points from the circuit's issuance, once per key, as ledger entries of their own kind: coupon campaigns'
 * ({@code COUPON_BONUS}) and visits brought by members' shared links ({@code SHARE_VISIT}).
 */
@Service
@Transactional
class CampaignPointsService implements CampaignPoints, SharePoints {

    static final String KIND = "COUPON_BONUS";
    static final String SHARE_VISIT = "SHARE_VISIT";

    private final Ledger ledger;
    private final ProgramStore store;
    private final Clock clock;

    CampaignPointsService(Ledger ledger, ProgramStore store, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void award(long circuitId, long memberId, long points, String key, String campaign, Long companyId,
                      Long storeId, String actor) {
        credit(circuitId, memberId, points, "coupon:" + key, KIND, "Coupon: " + campaign, companyId, storeId, actor);
    }

    @Override
    public void awardVisit(long circuitId, long memberId, long points, long visitId, Long storeId, String actor) {
        credit(circuitId, memberId, points, "share-visit:" + visitId, SHARE_VISIT, "Visit through a shared link",
                null, storeId, actor);
    }

    private void credit(long circuitId, long memberId, long points, String businessKey, String kind, String reason,
                        Long companyId, Long storeId, String actor) {
        if (points <= 0) {
            throw new IllegalArgumentException("a bonus gives at least one point");
        }
        ledger.post(EntryDraft.transfer(circuitId, businessKey, kind, reason)
                .move(AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE), AccountRef.available(memberId), points, null,
                        new LotRule.NewLot(companyId, Expiry.of(store.settings(circuitId), clock.instant())))
                .member(memberId).company(companyId).store(storeId).actor(actor).build());
    }
}
