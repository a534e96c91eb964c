package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.MembershipExpiring;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Ends memberships past their end date and publishes the renewal reminder of those ending within a week. Runs on one
 * node at a time; each membership is settled in its own transaction and marked, so a crash midway or a second round
 * does it once.
 */
@Component
public class MembershipJobs {

    private static final Logger log = LoggerFactory.getLogger(MembershipJobs.class);
    private static final int BATCH = 500;

    private final MembershipRows rows;
    private final MembershipService memberships;
    private final ClusterJobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MembershipJobs(MembershipRows rows, MembershipService memberships, ClusterJobs jobs,
                   ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.memberships = memberships;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    public record Run(int ended, int reminded) {
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.expiry-interval:PT1M}", initialDelayString = "PT40S")
    void scheduled() {
        Run run = runAt(clock.instant());
        if (run != null && (run.ended() > 0 || run.reminded() > 0)) {
            log.info("Memberships: {} ended, {} renewal reminders", run.ended(), run.reminded());
        }
    }

    /** Runs one round as of {@code asOf}; null when another node is running it. */
    public Run runAt(Instant asOf) {
        return jobs.runExclusively("memberships", () -> {
            int ended = 0;
            int reminded = 0;
            for (Membership m : rows.due(asOf, BATCH)) {
                ended += jobs.runItem("Memberships", "membership " + m.id(),
                        () -> memberships.expire(rows.circuitOf(m.id()), m.id(), asOf)) ? 1 : 0;
            }
            for (Membership m : rows.toRemind(asOf, asOf.plus(MembershipTerm.REMINDER), BATCH)) {
                reminded += jobs.runItem("Memberships", "reminder of membership " + m.id(), () -> remind(m)) ? 1 : 0;
            }
            return new Run(ended, reminded);
        });
    }

    private boolean remind(Membership m) {
        if (!rows.markReminded(m.id())) {
            return false;
        }
        events.publishEvent(new MembershipExpiring(rows.circuitOf(m.id()), m.memberId(), m.id(), m.endsAt()));
        return true;
    }
}
