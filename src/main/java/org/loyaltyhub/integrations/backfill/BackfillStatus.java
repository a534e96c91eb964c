package org.loyaltyhub.integrations.backfill;

/** Where a backfill is: waiting for the job, being read, over, or stopped by the shop (a rerun resumes it). */
public enum BackfillStatus {
    QUEUED, RUNNING, DONE, FAILED;

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
