package org.loyaltyhub.marketing.internal.reservations;

import org.loyaltyhub.shared.ClusterJobs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the reminders that fell due, on one node at a time; each reservation in a transaction of its own that marks
 * it reminded, so a reminder goes once however often the job runs or restarts.
 */
@Component
public class ReservationReminders {

    static final String JOB = "reservation-reminders";

    private final ClusterJobs jobs;
    private final ReservationRows rows;
    private final ReservationService reservations;
    private final java.time.Clock clock;

    ReservationReminders(ClusterJobs jobs, ReservationRows rows, ReservationService reservations,
                         java.time.Clock clock) {
        this.jobs = jobs;
        this.rows = rows;
        this.reservations = reservations;
        this.clock = clock;
    }

    /** The reminders sent this round (0 when another node holds the job). */
    @Scheduled(fixedDelayString = "${loyaltyhub.reservations.reminder-interval:PT1M}", initialDelayString = "${loyaltyhub.reservations.reminder-delay:PT30S}")
    public int sendDue() {
        Integer sent = jobs.runExclusively(JOB, () -> {
            int done = 0;
            for (long id : rows.remindersDue(clock.instant(), 500)) {
                if (jobs.runItem(JOB, "reservation " + id, () -> reservations.remind(id))) {
                    done++;
                }
            }
            return done;
        });
        return sent == null ? 0 : sent;
    }
}
