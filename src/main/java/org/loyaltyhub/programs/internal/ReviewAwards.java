package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.InsufficientBalance;
import org.loyaltyhub.programs.ActionAwards;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Review points for reviews a shop approved; the ledger's business key makes each review count once. */
@Component
class ReviewAwards implements ActionAwards {

    private final PointsService points;
    private final ProgramStore store;

    ReviewAwards(PointsService points, ProgramStore store) {
        this.points = points;
        this.store = store;
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NESTED)
    public long review(Caller caller, long memberId, String reference) {
        try {
            return points.awardAction(caller.circuit(), memberId, PointsService.Action.REVIEW, reference,
                            caller.companyId(), caller.storeId(), caller.actor())
                    .filter(posted -> !posted.replayed())
                    .map(posted -> store.settings(caller.circuit()).reviewPoints()).orElse(0L);
        } catch (InsufficientBalance budgetExhausted) {
            return 0;
        }
    }
}
