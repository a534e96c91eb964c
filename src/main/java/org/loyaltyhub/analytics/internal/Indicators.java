package org.loyaltyhub.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.loyaltyhub.analytics.MemberDates;
import org.loyaltyhub.analytics.MemberIndicators;
import org.loyaltyhub.marketing.RfmSegment;
import org.loyaltyhub.members.AgeGroup;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's indicators for whoever may see the member: the dates from the record, the figures counted from the
 * member's purchases now (by the purchases' member index: cheap for one member, so always current), the RFM scores
 * from the nightly job.
 */
@Component("memberIndicators")
public class Indicators {

    private final JdbcClient jdbc;
    private final Members members;
    private final Tenancy tenancy;
    private final Clock clock;

    Indicators(JdbcClient jdbc, Members members, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * Circuit administrators, company administrators and API keys, for a member they may see. When the circuit keeps
     * companies apart, a company's caller gets the figures of its own company's purchases and no RFM scores (they are
     * ranked over every company's).
     */
    @Transactional(readOnly = true)
    public MemberIndicators of(Caller caller, long memberId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.API_KEY);
        Member member = members.visible(caller, memberId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Circuit circuit = tenancy.circuit(member.circuitId());
        Long onlyCompany = !caller.isCircuitAdmin() && circuit.companiesKeptApart() ? caller.companyId() : null;
        String currency = circuit.currency();
        LocalDate born = member.birthDate();
        AgeGroup age = AgeGroup.of(born, today).orElse(null);
        return new MemberIndicators(memberId, age, MemberDates.next(born, today),
                MemberDates.nextAnniversary(LocalDate.ofInstant(member.createdAt(), ZoneOffset.UTC), today),
                figures(member.circuitId(), memberId, onlyCompany, IndicatorWindows.at(now), currency),
                onlyCompany == null ? rfm(member.circuitId(), memberId) : null, rating(member.circuitId(), memberId));
    }

    private MemberIndicators.Rating rating(long circuit, long memberId) {
        return jdbc.sql("select count(*), round(avg(rating), 1) from member_review where circuit_id = :c "
                        + "and member_id = :m").param("c", circuit).param("m", memberId)
                .query((rs, n) -> new MemberIndicators.Rating(rs.getLong(1), rs.getBigDecimal(2))).single();
    }

    private MemberIndicators.Figures figures(long circuit, long memberId, Long onlyCompany, IndicatorWindows w,
                                             String currency) {
        var sql = jdbc.sql(IndicatorWindows.figures(true, onlyCompany != null) + " select * from agg")
                .params(w.params()).param("c", circuit).param("m", memberId);
        if (onlyCompany != null) {
            sql = sql.param("company", onlyCompany);
        }
        return sql.query((rs, n) -> figures(rs, w.year(), currency)).optional()
                .map(f -> f.mostVisitedStoreId() == null ? f : new MemberIndicators.Figures(f.visits12m(),
                        f.mostVisitedStoreId(), tenancy.store(circuit, f.mostVisitedStoreId()).name(), f.visits3y(),
                        f.spend3y(), f.years(), f.lastPurchaseAt()))
                .orElseGet(() -> new MemberIndicators.Figures(0, null, null, 0, Money.of("0", currency),
                        years(w.year(), currency, "0", "0", "0"), null));
    }

    private static MemberIndicators.Figures figures(ResultSet rs, int year, String currency) throws SQLException {
        return new MemberIndicators.Figures(rs.getInt("visits_12m"), (Long) rs.getObject("most_visited_store_id"),
                null, rs.getInt("visits_3y"), Money.of(rs.getBigDecimal("spend_3y"), currency),
                years(year, currency, rs.getString("spend_this_year"), rs.getString("spend_last_year"),
                        rs.getString("spend_year_before")),
                rs.getTimestamp("last_purchase_at").toInstant());
    }

    private static List<MemberIndicators.YearSpend> years(int year, String currency, String... spends) {
        return List.of(new MemberIndicators.YearSpend(year, Money.of(spends[0], currency)),
                new MemberIndicators.YearSpend(year - 1, Money.of(spends[1], currency)),
                new MemberIndicators.YearSpend(year - 2, Money.of(spends[2], currency)));
    }

    private MemberIndicators.Rfm rfm(long circuit, long memberId) {
        return jdbc.sql("""
                        select i.recency_score, i.frequency_score, i.monetary_score, i.rfm_segment, r.computed_on
                          from member_indicator i join member_indicator_run r on r.circuit_id = i.circuit_id
                         where i.circuit_id = :c and i.member_id = :m and i.rfm_segment is not null""")
                .param("c", circuit).param("m", memberId)
                .query((rs, n) -> new MemberIndicators.Rfm(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                        RfmSegment.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class)))
                .optional().orElse(null);
    }
}
