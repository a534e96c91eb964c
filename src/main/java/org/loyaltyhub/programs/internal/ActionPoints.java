package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.InsufficientBalance;
import org.loyaltyhub.members.ConsentChanged;
import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.MemberEnrolled;
import org.loyaltyhub.members.MemberSignUpConfirmed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the fixed points for signing up (online: once the e-mail is confirmed) and for subscribing to the newsletter,
 * in the same transaction as the member's change. An exhausted company budget skips the bonus (logged) instead of refusing the enrolment.
 */
@Component
class ActionPoints {

    private static final Logger log = LoggerFactory.getLogger(ActionPoints.class);

    private final PointsService points;

    ActionPoints(PointsService points) {
        this.points = points;
    }

    @EventListener
    @Transactional(propagation = Propagation.NESTED)
    public void on(MemberEnrolled e) {
        if (e.awaitsConfirmation()) {
            return; // points for an online sign-up wait for the confirmed e-mail: scripted sign-ups earn nothing
        }
        award(() -> points.awardAction(e.circuitId(), e.memberId(), PointsService.Action.REGISTRATION, null,
                e.companyId(), e.storeId(), e.actor()), e.memberId());
    }

    /** The registration points of an online sign-up; their business key gives them once whatever happens. */
    @EventListener
    @Transactional(propagation = Propagation.NESTED)
    public void on(MemberSignUpConfirmed e) {
        award(() -> points.awardAction(e.circuitId(), e.memberId(), PointsService.Action.REGISTRATION, null,
                e.companyId(), e.storeId(), "member:" + e.memberId()), e.memberId());
    }

    @EventListener
    @Transactional(propagation = Propagation.NESTED)
    public void on(ConsentChanged e) {
        if (e.kind() == ConsentKind.NEWSLETTER && e.granted()) {
            award(() -> points.awardAction(e.circuitId(), e.memberId(), PointsService.Action.NEWSLETTER, null,
                    e.companyId(), null, e.actor()), e.memberId());
        }
    }

    private static void award(Runnable action, long memberId) {
        try {
            action.run();
        } catch (InsufficientBalance refused) {
            log.warn("No action points for member {}: {}", memberId, refused.getMessage());
        }
    }
}
