package org.loyaltyhub.ledger.internal;

import org.loyaltyhub.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Dashboard figures of a company, or of the whole circuit when no company is named: points issued and redeemed,
 * the latest movements touching members and, for a circuit, the points members hold.
 */
@Component
class CompanyActivityQuery {

    private final JdbcClient jdbc;

    CompanyActivityQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Ledger.CompanyActivity activity(long circuitId, long companyId, int latest) {
        long[] totals = totals(circuitId, companyId);
        return new Ledger.CompanyActivity(totals[0], totals[1], latest(circuitId, companyId, latest));
    }

    Ledger.CircuitActivity circuitActivity(long circuitId, int latest) {
        long[] totals = totals(circuitId, null);
        long[] held = jdbc.sql("select coalesce(sum(balance) filter (where kind in ('MEMBER_AVAILABLE', 'MEMBER_PENDING', "
                        + "'MEMBER_HELD')), 0), coalesce(sum(balance) filter (where kind = 'COMPANY_BUDGET'), 0) "
                        + "from account where circuit_id = :c and unit = 'PTS'")
                .param("c", circuitId).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        return new Ledger.CircuitActivity(totals[0], totals[1], held[0], held[1], latest(circuitId, null, latest));
    }

    private long[] totals(long circuitId, Long companyId) {
        // points leave members only towards the sinks, so members' net plus the sinks is what was issued
        return jdbc.sql("select coalesce(sum(p.amount) filter (where a.kind in ('MEMBER_AVAILABLE', "
                        + "'MEMBER_PENDING', 'MEMBER_HELD', 'REDEEMED', 'EXPIRED')), 0) as issued, "
                        + "coalesce(sum(p.amount) filter (where a.kind = 'REDEEMED'), 0) as redeemed "
                        + "from journal_entry e join posting p on p.entry_id = e.id join account a on a.id = p.account_id "
                        + "where e.circuit_id = :c and (cast(:co as bigint) is null or e.company_id = :co) "
                        + "and a.unit = 'PTS'")
                .param("c", circuitId).param("co", companyId)
                .query((rs, n) -> new long[]{rs.getLong("issued"), rs.getLong("redeemed")}).single();
    }

    private List<Ledger.CompanyMovement> latest(long circuitId, Long companyId, int latest) {
        return jdbc.sql("select e.id, e.created_at, e.kind, e.reason, e.member_id, "
                        + "e.company_id, e.store_id, coalesce(sum(p.amount) filter (where a.kind in ('MEMBER_AVAILABLE', "
                        + "'MEMBER_PENDING', 'MEMBER_HELD')), 0) as points "
                        + "from (select * from journal_entry where circuit_id = :c "
                        + "and (cast(:co as bigint) is null or company_id = :co) "
                        + "and member_id is not null and exists (select from posting pp join account aa "
                        + "on aa.id = pp.account_id where pp.entry_id = journal_entry.id and aa.unit = 'PTS') "
                        + "order by id desc limit :limit) e "
                        + "join posting p on p.entry_id = e.id join account a on a.id = p.account_id "
                        + "group by e.id, e.created_at, e.kind, e.reason, e.member_id, e.company_id, e.store_id "
                        + "order by e.id desc")
                .param("c", circuitId).param("co", companyId).param("limit", latest)
                .query((rs, n) -> new Ledger.CompanyMovement(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("kind"), rs.getString("reason"), (Long) rs.getObject("member_id"),
                        (Long) rs.getObject("company_id"), (Long) rs.getObject("store_id"), rs.getLong("points")))
                .list();
    }
}
