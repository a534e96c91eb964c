package org.loyaltyhub.programs.internal;

import org.loyaltyhub.members.ConsentChanged;
import org.loyaltyhub.members.MemberEnrolled;
import org.loyaltyhub.programs.MemberScores;
import org.loyaltyhub.programs.PurchaseFacts;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The member-facts row of each member: written at enrolment, its last purchase moved by each purchase recorded
 * (in the purchase's transaction), its scores by the nightly {@link ScoreJobs}; the running totals of its monthly
 * activity and the consents in force (what segments read, V180) recomputed from their sources in the transaction
 * of each change.
 */
@Component
public class MemberFacts implements MemberScores, PurchaseListener, ActivityListener {

    private final JdbcClient jdbc;
    private final Clock clock;

    MemberFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    public void on(MemberEnrolled e) {
        enrolled(e.circuitId(), e.memberId());
    }

    private void enrolled(long circuitId, long memberId) {
        jdbc.sql("insert into member_facts (member_id, circuit_id, enrolled_at) values (:m, :c, :at) "
                        + "on conflict do nothing")
                .param("m", memberId).param("c", circuitId).param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Members brought over by an import have facts too, with the consents the import recorded: two statements for the
     * whole chunk.
     */
    @EventListener
    public void on(org.loyaltyhub.members.MembersMovedIn e) {
        Long[] members = e.memberIds().toArray(Long[]::new);
        jdbc.sql("insert into member_facts (member_id, circuit_id, enrolled_at) select m, ?, ? from unnest(?::bigint[]) m "
                        + "on conflict do nothing")
                .params(e.circuitId(), Timestamp.from(clock.instant()), members).update();
        jdbc.sql(CONSENTS_GIVEN + " where f.member_id = any(?::bigint[])").params((Object) members).update();
    }

    /**
     * The running totals again from member_activity: what the database function {@code member_activity_windows}
     * computes, written for the one member, so that each read of member_activity is an index scan on its key (the
     * function, planned for any number of members, joined the whole table and scanned member_facts on every call).
     * A member without activity keeps their row as it is, as with the function.
     */
    @Override
    public void activityChanged(long circuitId, long memberId) {
        jdbc.sql("""
                        update member_facts f
                           set (activity_to, purchases_back, spent_back, points_back) = (
                               select max(c.mi), array_agg(c.p order by c.mi desc), array_agg(c.s order by c.mi desc),
                                      array_agg(c.pts order by c.mi desc)
                                 from (select g.mi,
                                              sum(coalesce(a.purchases, 0)) over w as p,
                                              sum(coalesce(a.spent, 0)) over w as s,
                                              sum(coalesce(a.points, 0)) over w as pts
                                         from (select generate_series(min(x.mi), max(x.mi)) as mi
                                                 from (select extract(year from m.month)::int * 12
                                                              + extract(month from m.month)::int - 1 as mi
                                                         from member_activity m where m.member_id = :m) x) g
                                         left join member_activity a on a.member_id = :m
                                          and a.month = make_date(g.mi / 12, g.mi % 12 + 1, 1)
                                       window w as (order by g.mi desc)) c)
                         where f.member_id = :m and exists (select from member_activity where member_id = :m)""")
                .param("m", memberId).update();
    }

    /** The kinds whose latest consent is a grant, again from the consent rows. */
    @EventListener
    public void on(ConsentChanged e) {
        consentsChanged(e.memberId());
    }

    /** The kinds whose latest consent is a grant, for the members the statement's condition picks. */
    private static final String CONSENTS_GIVEN = """
            update member_facts f set consents_given = array(
                select kind from (select distinct on (kind) kind, granted from consent
                                   where member_id = f.member_id order by kind, id desc) latest
                 where granted order by kind)""";

    private void consentsChanged(long memberId) {
        jdbc.sql(CONSENTS_GIVEN + " where f.member_id = ?").params(memberId).update();
    }

    /** A purchase just recorded (and not cancelled on arrival) is the member's latest; replays change nothing. */
    @Override
    public void settled(PurchaseFacts facts) {
        if (!facts.fresh() || facts.voided()) {
            return;
        }
        jdbc.sql("update member_facts set last_purchase_at = greatest(last_purchase_at, :at) where member_id = :m")
                .param("at", Timestamp.from(clock.instant())).param("m", facts.memberId()).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Scores of(long circuitId, long memberId) {
        return jdbc.sql("""
                        select score, loyalty_score, recency_days, purchases_12m, tenure_months, computed_on
                          from member_facts where circuit_id = :c and member_id = :m""")
                .param("c", circuitId).param("m", memberId)
                .query((rs, n) -> new Scores(rs.getLong("score"), rs.getInt("loyalty_score"),
                        (Integer) rs.getObject("recency_days"), rs.getInt("purchases_12m"), rs.getInt("tenure_months"),
                        rs.getObject("computed_on", LocalDate.class)))
                .optional().orElse(Scores.NONE);
    }
}
