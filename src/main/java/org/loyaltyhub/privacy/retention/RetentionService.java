package org.loyaltyhub.privacy.retention;

import org.loyaltyhub.privacy.Retention;
import org.loyaltyhub.privacy.RetentionSettings;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Retention settings per circuit, and the queries the job and the preview share. */
@Service
@Transactional
class RetentionService implements Retention {

    /** A member is inactive when enrolled before the cut-off and without a movement or purchase since. */
    private static final String INACTIVE = "from member m where m.circuit_id = :c and m.created_at < :cutoff "
            + "and not exists (select 1 from member_erasure x where x.member_id = m.id) "
            + "and not exists (select 1 from journal_entry e where e.member_id = m.id and e.created_at >= :cutoff) "
            + "and not exists (select 1 from purchase p where p.circuit_id = :c and p.member_id = m.id "
            + "and p.occurred_at >= :cutoff)";

    private final JdbcClient jdbc;
    private final Clock clock;

    RetentionService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionSettings settings(long circuitId) {
        return jdbc.sql("select inactive_member_years, delivery_body_days, audit_years from retention_settings "
                        + "where circuit_id = :c").param("c", circuitId)
                .query((rs, n) -> new RetentionSettings((Integer) rs.getObject(1), rs.getInt(2), rs.getInt(3)))
                .optional().orElse(RetentionSettings.DEFAULTS);
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionSettings settings(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return settings(caller.circuit());
    }

    @Override
    public RetentionSettings change(Caller caller, RetentionSettings s) {
        caller.require(Role.CIRCUIT_ADMIN);
        jdbc.sql("insert into retention_settings (circuit_id, inactive_member_years, delivery_body_days, audit_years, "
                        + "updated_at) values (:c, :years, :days, :audit, :at) on conflict (circuit_id) do update set "
                        + "inactive_member_years = excluded.inactive_member_years, delivery_body_days = "
                        + "excluded.delivery_body_days, audit_years = excluded.audit_years, updated_at = excluded.updated_at")
                .param("c", caller.circuit()).param("years", s.inactiveMemberYears())
                .param("days", s.deliveryBodyDays()).param("audit", s.auditYears())
                .param("at", Timestamp.from(clock.instant())).update();
        return s;
    }

    @Override
    @Transactional(readOnly = true)
    public long inactiveMembers(Caller caller, int years) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (years < 1 || years > 30) {
            throw new org.loyaltyhub.shared.InvalidInput("years", "Members inactive for 1 to 30 years");
        }
        return jdbc.sql("select count(*) " + INACTIVE).param("c", caller.circuit())
                .param("cutoff", cutoff(clock.instant(), years)).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Run> runs(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return jdbc.sql("select * from retention_run where circuit_id = :c order by ran_at desc, id desc limit 20")
                .param("c", caller.circuit()).query(RetentionService::run).list();
    }

    /** A circuit the job applies retention to, with its settings; {@code saved}: the circuit saved them itself. */
    record Due(long circuitId, RetentionSettings settings, boolean saved) {
    }

    /**
     * Every circuit, with {@link RetentionSettings#DEFAULTS} where none were saved (so webhook bodies, stored answers
     * and audit records are not kept forever by a circuit that never opened the page; erasing inactive members stays
     * off until a circuit switches it on).
     */
    @Transactional(readOnly = true)
    List<Due> circuits() {
        return jdbc.sql("select c.id, s.circuit_id is not null as saved, s.inactive_member_years, s.delivery_body_days, "
                        + "s.audit_years from circuit c left join retention_settings s on s.circuit_id = c.id order by c.id")
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getBoolean("saved")
                        ? new RetentionSettings((Integer) rs.getObject("inactive_member_years"),
                        rs.getInt("delivery_body_days"), rs.getInt("audit_years"))
                        : RetentionSettings.DEFAULTS, rs.getBoolean("saved"))).list();
    }

    @Transactional(readOnly = true)
    List<Long> inactive(long circuitId, int years, Instant asOf, int limit) {
        return jdbc.sql("select m.id " + INACTIVE + " order by m.id limit :limit").param("c", circuitId)
                .param("cutoff", cutoff(asOf, years)).param("limit", limit).query(Long.class).list();
    }

    /** Empties shops' webhook bodies (the delivery's outcome stays) received before the cut-off. */
    int emptyBodies(long circuitId, Instant before) {
        return jdbc.sql("update shop_delivery set body = null, headers = '{}' where circuit_id = :c "
                        + "and received_at < :before and status <> 'RECEIVED' and (body is not null or headers <> '{}')")
                .param("c", circuitId).param("before", Timestamp.from(before)).update();
    }

    /** Deletes the circuit's operators' and API keys' stored answers to idempotent requests made before the cut-off. */
    int deleteAnswers(long circuitId, Instant before) {
        return jdbc.sql("delete from idempotent_request where created_at < :before and (owner in (select 'operator:' "
                        + "|| id from operator where circuit_id = :c) or owner in (select 'api-key:' || id from api_key "
                        + "where circuit_id = :c))")
                .param("c", circuitId).param("before", Timestamp.from(before)).update();
    }

    void recordRun(long circuitId, Run run) {
        jdbc.sql("insert into retention_run (circuit_id, ran_at, members_erased, bodies_emptied, answers_deleted) "
                        + "values (:c, :at, :members, :bodies, :answers)")
                .param("c", circuitId).param("at", Timestamp.from(run.ranAt())).param("members", run.membersErased())
                .param("bodies", run.bodiesEmptied()).param("answers", run.answersDeleted()).update();
    }

    static Timestamp cutoff(Instant asOf, int years) {
        return Timestamp.from(asOf.atOffset(ZoneOffset.UTC).minusYears(years).toInstant());
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        return new Run(rs.getTimestamp("ran_at").toInstant(), rs.getInt("members_erased"), rs.getInt("bodies_emptied"),
                rs.getInt("answers_deleted"));
    }
}
