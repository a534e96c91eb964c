package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.ledger.EntryPosted;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotFlow;
import org.loyaltyhub.ledger.Purpose;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clearing trail: what each posted entry took from members' lots towards a redemption, or gave back, as the
 * ledger reports it ({@link Ledger#lotFlows}, counted by {@link ClearingPolicy}), written as deltas in the posting's own
 * transaction (so they commit or roll back with it, and a replayed entry, which publishes nothing, adds nothing),
 * folded into daily and monthly rows by {@link ClearingFold}, and read back summed per issuer, redeemer and purpose.
 */
@Repository
class ClearingFlows {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    ClearingFlows(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @EventListener
    void on(EntryPosted posted) {
        if (!posted.postedToAny(ClearingPolicy.redemptionAccounts())) {
            return; // no lot movement of this entry can count (most entries: earning, opening balances, expiry)
        }
        List<LotFlow> counted = ledger.lotFlows(posted.entryId(), ClearingPolicy.redemptionAccounts());
        if (counted.isEmpty()) {
            return;
        }
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (LotFlow f : counted) {
            values.append(values.isEmpty() ? "" : ",").append("(?, ?, ?::bigint, ?::bigint, ?, ?)");
            params.addAll(Arrays.asList(posted.circuitId(), f.day(), f.issuerCompanyId(), f.companyId(),
                    f.purpose().name(), f.amount()));
        }
        jdbc.sql("insert into clearing_delta (circuit_id, day, issuer_company_id, redeemer_company_id, purpose, amount) "
                + "values " + values).params(params).update();
    }

    /**
     * Gross flows of a circuit over a period, in one snapshot: its whole months from the monthly rows, the days
     * around them from the daily rows, and the deltas not folded yet.
     */
    List<Flow> between(long circuitId, Period period) {
        // no whole month: an empty range of months (its first after its last), so every day is in the head
        Optional<Period> months = period.wholeMonths();
        LocalDate monthsFirst = months.map(Period::first).orElse(period.last().plusDays(1));
        LocalDate monthsLast = months.map(Period::last).orElse(period.last());
        return jdbc.sql("select issuer_company_id, redeemer_company_id, purpose, sum(amount) from ("
                        + "select issuer_company_id, redeemer_company_id, purpose, amount from clearing_month "
                        + "where circuit_id = :c and month between :mfirst and :mlast union all "
                        + "select issuer_company_id, redeemer_company_id, purpose, amount from clearing_day "
                        + "where circuit_id = :c and day between :first and :headLast union all "
                        + "select issuer_company_id, redeemer_company_id, purpose, amount from clearing_day "
                        + "where circuit_id = :c and day between :tailFirst and :last union all "
                        + "select issuer_company_id, redeemer_company_id, purpose, amount from clearing_delta "
                        + "where circuit_id = :c and day between :first and :last) f "
                        + "group by 1, 2, 3 having sum(amount) <> 0 order by 1 nulls first, 2 nulls first, 3")
                .param("c", circuitId).param("first", period.first()).param("last", period.last())
                .param("mfirst", monthsFirst).param("mlast", monthsLast)
                .param("headLast", monthsFirst.minusDays(1)).param("tailFirst", monthsLast.plusDays(1))
                .query((rs, n) -> new Flow(Party.of((Long) rs.getObject(1)), Party.of((Long) rs.getObject(2)),
                        Purpose.valueOf(rs.getString(3)), rs.getLong(4))).list();
    }

    /**
     * The same flows recomputed straight from the journal's lot movements, ignoring the daily rows: what the
     * reconciliation compares with.
     */
    List<Flow> fromJournal(long circuitId, Period period) {
        Map<Flow, Long> sums = new LinkedHashMap<>();
        for (LotFlow f : ledger.lotFlows(circuitId, period.first(), period.last(),
                ClearingPolicy.redemptionAccounts())) {
            sums.merge(new Flow(Party.of(f.issuerCompanyId()), Party.of(f.companyId()), f.purpose(), 0), f.amount(),
                    Long::sum);
        }
        return sums.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new Flow(e.getKey().issuer(), e.getKey().redeemer(), e.getKey().purpose(), e.getValue()))
                .toList();
    }

    /** Folds up to {@code limit} deltas into the daily and the monthly rows; returns how many it folded. */
    int fold(int limit) {
        return jdbc.sql("with folded as (delete from clearing_delta where id in (select id from clearing_delta "
                        + "order by id limit :n for update skip locked) returning circuit_id, day, issuer_company_id, "
                        + "redeemer_company_id, purpose, amount), summed as (insert into clearing_day (circuit_id, day, "
                        + "issuer_company_id, redeemer_company_id, purpose, amount) select circuit_id, day, "
                        + "issuer_company_id, redeemer_company_id, purpose, sum(amount) from folded group by 1, 2, 3, 4, 5 "
                        + "on conflict on constraint clearing_day_key do update "
                        + "set amount = clearing_day.amount + excluded.amount), monthly as (insert into "
                        + "clearing_month (circuit_id, month, issuer_company_id, redeemer_company_id, purpose, amount) "
                        + "select circuit_id, date_trunc('month', day)::date, issuer_company_id, redeemer_company_id, "
                        + "purpose, sum(amount) from folded group by 1, 2, 3, 4, 5 "
                        + "on conflict on constraint clearing_month_key do update "
                        + "set amount = clearing_month.amount + excluded.amount) select count(*) from folded")
                .param("n", limit).query(Integer.class).single();
    }
}
