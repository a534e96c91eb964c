package org.loyaltyhub.programs;

import java.util.List;

/**
 * What targets a segment, asked by the marketing module before a segment is deleted: a segment in use is kept. Each
 * module whose campaigns keep a segment as their target implements it (programs for its promotions and funnels,
 * marketing for its e-mail campaigns not yet sent).
 */
public interface SegmentUsers {

    /** The campaigns of the circuit that target the segment, whatever their status. */
    List<SegmentUse> targeting(long circuitId, long segmentId);

    /** A campaign that targets a segment: its kind, id and name. */
    record SegmentUse(Kind kind, long id, String name) {

        public enum Kind {
            PROMOTION, FUNNEL, EMAIL_CAMPAIGN
        }
    }
}
