package org.loyaltyhub.imports;

/** Where an import's real run stands: waiting for the background job, being written, or finished. */
public enum ImportStatus {
    QUEUED, RUNNING, DONE;

    /** The next status when the job takes the file up or finishes it; a finished import never runs again. */
    public ImportStatus next() {
        return switch (this) {
            case QUEUED -> RUNNING;
            case RUNNING -> DONE;
            case DONE -> throw new IllegalStateException("a finished import does not run again");
        };
    }
}
