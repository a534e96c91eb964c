package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.programs.SegmentMembers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Segments as programs and rewards see them: whole-circuit membership now, with no caller (their own checks ran). */
@Service
@Transactional(readOnly = true)
class SegmentMembership implements SegmentMembers {

    private final SegmentRows rows;
    private final SegmentQueries queries;
    private final Clock clock;

    SegmentMembership(SegmentRows rows, SegmentQueries queries, Clock clock) {
        this.rows = rows;
        this.queries = queries;
        this.clock = clock;
    }

    /** Kept existing until the caller's transaction ends: a campaign saved with it as target is seen by a deletion. */
    @Override
    @Transactional
    public boolean exists(long circuitId, long segmentId) {
        return rows.existsKept(circuitId, segmentId);
    }

    @Override
    public boolean contains(long circuitId, long segmentId, long memberId) {
        return rows.find(circuitId, segmentId)
                .map(s -> queries.contains(SegmentSql.compile(circuitId, s.definition(), clock.instant(), null), memberId))
                .orElse(false);
    }

    @Override
    public long[] all(long circuitId, long segmentId) {
        return rows.find(circuitId, segmentId)
                .map(s -> queries.ids(SegmentSql.compile(circuitId, s.definition(), clock.instant(), null)))
                .orElse(new long[0]);
    }

    @Override
    public List<Long> members(long circuitId, long segmentId, long afterMemberId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit);
        }
        return rows.find(circuitId, segmentId)
                .map(s -> queries.page(SegmentSql.compile(circuitId, s.definition(), clock.instant(), null),
                        afterMemberId, limit))
                .orElse(List.of());
    }

    @Override
    public List<Named> named(long circuitId) {
        return rows.list(circuitId).stream().map(s -> new Named(s.id(), s.name())).toList();
    }
}
