package org.loyaltyhub.privacy.audit;

import org.loyaltyhub.shared.Forbidden;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.TenantWall;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The append-only audit log: records are written once and never changed; circuit administrators read their
 * circuit's, company administrators their company's, platform administrators the platform's own.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records what the caller did, now. */
    public void record(Caller caller, AuditAction action, String operation, String entity, String entityId,
                       List<String> fields, int status) {
        AuditRecord r = AuditRecord.of(caller, clock.instant(), action, operation, entity, entityId, fields, status);
        jdbc.sql("""
                        insert into audit_record (circuit_id, company_id, store_id, at, actor_kind, actor, actor_name, action,
                                                  operation, entity, entity_id, fields, status)
                        values (:circuit, :company, :store, :at, :kind, :actor, :name, :action, :operation, :entity, :entityId,
                                :fields, :status)""")
                .param("circuit", r.circuitId()).param("company", r.companyId()).param("store", r.storeId())
                .param("at", Timestamp.from(r.at())).param("kind", r.actorKind().name()).param("actor", r.actor())
                .param("name", r.actorName()).param("action", r.action().name()).param("operation", r.operation())
                .param("entity", r.entity()).param("entityId", r.entityId())
                .param("fields", r.fields().toArray(String[]::new)).param("status", r.status()).update();
    }

    /** A page of the records the caller may see, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditRecord> search(Caller caller, AuditQuery query, PageQuery page) {
        Where where = where(caller, query);
        long total = jdbc.sql("select count(*) from audit_record where " + where.sql).params(where.params)
                .query(Long.class).single();
        List<AuditRecord> items = jdbc.sql("select * from audit_record where " + where.sql
                        + " order by at desc, id desc limit :limit offset :offset")
                .params(where.params).param("limit", page.size()).param("offset", page.offset())
                .query(AuditLog::row).list();
        return Page.of(items, page, total);
    }

    /** Every record the caller may see, newest first, one at a time (for the CSV export). */
    @Transactional(readOnly = true)
    public void each(Caller caller, AuditQuery query, Consumer<AuditRecord> consumer) {
        Where where = where(caller, query);
        jdbc.sql("select * from audit_record where " + where.sql + " order by at desc, id desc")
                .params(where.params).withFetchSize(500).query(AuditLog::row).stream().forEach(consumer);
    }

    /**
     * Removes a circuit's records older than the instant, for retention: the only delete the table accepts, made as
     * the platform role in a transaction that says it is the retention (V260). Returns how many were removed.
     */
    @Transactional
    public int removeOlderThan(long circuitId, Instant before) {
        asRetention();
        return jdbc.sql("delete from audit_record where circuit_id = :c and at < :before")
                .param("c", circuitId).param("before", Timestamp.from(before)).update();
    }

    /** Removes the platform's own records (no circuit) older than the instant, for retention, as above. */
    @Transactional
    public int removePlatformOlderThan(Instant before) {
        asRetention();
        return jdbc.sql("delete from audit_record where circuit_id is null and at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    private void asRetention() {
        jdbc.sql("select set_config('role', :role, true), set_config('loyaltyhub.audit_retention', 'on', true)")
                .param("role", TenantWall.PLATFORM_ROLE).query().singleRow();
    }

    /** Administrators read the log: the platform's, a circuit's, or a company's (a company administrator). */
    static void requireReader(Caller caller) {
        caller.require(Role.PLATFORM_ADMIN, Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        if (caller.is(Role.COMPANY_ADMIN) && caller.companyId() == null) {
            throw new Forbidden("Only administrators read the audit log");
        }
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Caller caller, AuditQuery query) {
        List<String> sql = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        requireReader(caller);
        if (caller.is(Role.PLATFORM_ADMIN)) {
            sql.add("circuit_id is null");
        } else {
            sql.add("circuit_id = :circuit");
            params.put("circuit", caller.circuit());
            if (!caller.isCircuitAdmin()) {
                sql.add("company_id = :company");
                params.put("company", caller.companyId());
            }
        }
        if (query.start() != null) {
            sql.add("at >= :start");
            params.put("start", Timestamp.from(query.start()));
        }
        if (query.end() != null) {
            sql.add("at < :end");
            params.put("end", Timestamp.from(query.end()));
        }
        if (query.action() != null) {
            sql.add("action = :action");
            params.put("action", query.action().name());
        }
        if (query.entity() != null) {
            sql.add("entity = :entity");
            params.put("entity", query.entity());
        }
        if (query.entityId() != null) {
            sql.add("entity_id = :entityId");
            params.put("entityId", query.entityId());
        }
        if (query.actor() != null) {
            sql.add("(actor = :actor or actor like :actorKind or actor_name ilike :actorLike escape '\\')");
            params.put("actor", query.actor());
            params.put("actorKind", query.actor().replace("%", "").replace("_", "") + ":%");
            params.put("actorLike", "%" + query.actor().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(String.join(" and ", sql), params);
    }

    private static AuditRecord row(ResultSet rs, int n) throws SQLException {
        String[] fields = (String[]) rs.getArray("fields").getArray();
        return new AuditRecord(rs.getLong("id"), (Long) rs.getObject("circuit_id"), (Long) rs.getObject("company_id"),
                (Long) rs.getObject("store_id"), rs.getTimestamp("at").toInstant(),
                ActorKind.valueOf(rs.getString("actor_kind")), rs.getString("actor"), rs.getString("actor_name"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("operation"), rs.getString("entity"),
                rs.getString("entity_id"), Arrays.asList(fields), rs.getInt("status"));
    }
}
