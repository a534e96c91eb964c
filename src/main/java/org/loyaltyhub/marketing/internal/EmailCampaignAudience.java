package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.EmailCampaignDraft;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Whom a campaign is for, as a query over the circuit's members: its saved segment as it stands at sending time, or
 * the members whose name, e-mail or city contains the search filter. Only members with an e-mail address and the
 * marketing consent in force receive it.
 */
@Component
class EmailCampaignAudience {

    private final SegmentRows segments;
    private final SegmentQueries queries;
    private final JdbcClient jdbc;

    EmailCampaignAudience(SegmentRows segments, SegmentQueries queries, JdbcClient jdbc) {
        this.segments = segments;
        this.queries = queries;
        this.jdbc = jdbc;
    }

    /** The audience's query; empty when its segment was deleted since. */
    Optional<SegmentSql.Compiled> of(long circuitId, EmailCampaignDraft draft, Instant now) {
        if (draft.segmentId() != null) {
            return segments.find(circuitId, draft.segmentId())
                    .map(s -> SegmentSql.compile(circuitId, s.definition(), now, null));
        }
        String like = "%" + draft.filter().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Optional.of(new SegmentSql.Compiled("from segment_member m where m.circuit_id = :c and ("
                + "m.first_name ilike :q or m.last_name ilike :q or m.email ilike :q or m.city ilike :q)",
                Map.of("c", circuitId, "q", like)));
    }

    /** How many members would receive it now. */
    long size(long circuitId, EmailCampaignDraft draft, Instant now) {
        return of(circuitId, draft, now).map(q -> {
            queries.roomToHash();
            return jdbc.sql("select count(*) " + q.from() + " and m.email is not null and "
                    + EmailCampaignRows.MARKETING_CONSENT).params(q.params()).query(Long.class).single();
        }).orElse(0L);
    }
}
