package org.loyaltyhub.privacy.retention;

import org.loyaltyhub.privacy.MemberRights;
import org.loyaltyhub.privacy.Retention;
import org.loyaltyhub.privacy.RetentionSettings;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies each circuit's retention settings (the defaults where it saved none) once a day (on one node at a time): erases members inactive for the
 * years set, one per transaction, so a crash midway leaves the rest for the next round and an erased member is
 * never erased twice; empties old webhook bodies and stored API answers; records and logs what it did.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 500;

    private final RetentionService retention;
    private final MemberRights rights;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final org.loyaltyhub.privacy.audit.AuditLog audit;

    RetentionJob(RetentionService retention, MemberRights rights, ClusterJobs jobs, Clock clock,
                 org.loyaltyhub.privacy.audit.AuditLog audit) {
        this.audit = audit;
        this.retention = retention;
        this.rights = rights;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.retention-interval:PT6H}", initialDelayString = "PT5M")
    void scheduled() {
        runAt(clock.instant());
    }

    /**
     * One round as of {@code asOf}: per circuit (its settings, or the defaults), what was done (recorded when the
     * circuit saved settings or something was done), then the platform's own audit records past the default years;
     * null when another node runs it.
     */
    public List<Retention.Run> runAt(Instant asOf) {
        return jobs.runExclusively("privacy-retention", () -> {
            List<Retention.Run> runs = new ArrayList<>();
            for (RetentionService.Due due : retention.circuits()) {
                long circuitId = due.circuitId();
                Retention.Run run = circuit(circuitId, due.settings(), asOf);
                boolean didSomething = run.membersErased() + run.bodiesEmptied() + run.answersDeleted() > 0;
                if (didSomething || due.saved()) { // a circuit on the defaults keeps no list of rounds that did nothing
                    retention.recordRun(circuitId, run);
                }
                runs.add(run);
                if (didSomething) {
                    log.info("Retention in circuit {}: {} inactive members erased, {} webhook bodies emptied, {} stored "
                            + "answers deleted", circuitId, run.membersErased(), run.bodiesEmptied(), run.answersDeleted());
                }
            }
            int platform = audit.removePlatformOlderThan(yearsBefore(asOf, RetentionSettings.DEFAULTS.auditYears()));
            if (platform > 0) {
                log.info("Retention: {} platform audit records older than {} years removed", platform,
                        RetentionSettings.DEFAULTS.auditYears());
            }
            return runs;
        });
    }

    private Retention.Run circuit(long circuitId, RetentionSettings settings, Instant asOf) {
        int erased = 0;
        if (settings.erasesInactiveMembers()) {
            int years = settings.inactiveMemberYears();
            List<Long> due;
            do {
                due = retention.inactive(circuitId, years, asOf, BATCH);
                int before = erased;
                for (long memberId : due) {
                    erased += jobs.runItem("Retention", "member " + memberId, () -> {
                        rights.eraseInactive(circuitId, memberId, years);
                        return true;
                    }) ? 1 : 0;
                }
                if (erased == before) {
                    break; // every item failed: leave them for the next round
                }
            } while (due.size() == BATCH);
        }
        Instant before = asOf.minus(Duration.ofDays(settings.deliveryBodyDays()));
        // audit records are kept the years set, then removed (as the platform role: nobody else may delete them)
        int audits = audit.removeOlderThan(circuitId, yearsBefore(asOf, settings.auditYears()));
        if (audits > 0) {
            log.info("Retention in circuit {}: {} audit records older than {} years removed", circuitId, audits,
                    settings.auditYears());
        }
        return new Retention.Run(asOf, erased, retention.emptyBodies(circuitId, before),
                retention.deleteAnswers(circuitId, before));
    }

    private static Instant yearsBefore(Instant asOf, int years) {
        return asOf.atZone(java.time.ZoneOffset.UTC).minusYears(years).toInstant();
    }
}
