package org.loyaltyhub.privacy;

import org.loyaltyhub.tenancy.Caller;

import java.time.Instant;
import java.util.List;

/** Each circuit's retention settings, what they would erase, and what the retention job did. */
public interface Retention {

    /** The circuit's settings ({@link RetentionSettings#DEFAULTS} until changed): the audit log reads its years here. */
    RetentionSettings settings(long circuitId);

    /** The caller's circuit's settings (circuit administrators). */
    RetentionSettings settings(Caller caller);

    RetentionSettings change(Caller caller, RetentionSettings settings);

    /** How many members would be erased now as inactive for {@code years} (the preview before switching it on). */
    long inactiveMembers(Caller caller, int years);

    /** What the job did in the caller's circuit, newest first. */
    List<Run> runs(Caller caller);

    /** One round of the retention job in one circuit. */
    record Run(Instant ranAt, int membersErased, int bodiesEmptied, int answersDeleted) {
    }
}
