package org.loyaltyhub.programs;

import java.time.Instant;
import java.util.List;

/** The recorded changes of a member's status, newest first, each with its reason. */
public interface StatusHistory {

    List<StatusEvent> latest(long circuitId, long memberId, int limit);

    record StatusEvent(long id, Instant at, StatusEventKind kind, String from, String to, String reason,
                       String actor) {
    }
}
