package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.programs.CampaignPoints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Coupon campaigns' bonus points as ledger entries of their own kind, from the circuit's issuance, once per key. */
@Service
@Transactional
class CampaignPointsService implements CampaignPoints {

    static final String KIND = "COUPON_BONUS";

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
        if (points <= 0) {
            throw new IllegalArgumentException("a campaign gives at least one point");
        }
        ledger.post(EntryDraft.transfer(circuitId, "coupon:" + key, KIND, "Coupon: " + campaign)
                .move(AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE), AccountRef.available(memberId), points, null,
                        new LotRule.NewLot(companyId, Expiry.of(store.settings(circuitId), clock.instant())))
                .member(memberId).company(companyId).store(storeId).actor(actor).build());
    }
}
