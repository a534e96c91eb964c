package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.MoneyProgram;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The money programs' rules: the circuit's, and companies' overrides. */
@Repository
public class MoneyPrograms {

    private static final RowMapper<MoneyProgram> ROW = (rs, n) -> new MoneyProgram(rs.getBoolean("enabled"),
            rs.getBigDecimal("percent").stripTrailingZeros(), (Integer) rs.getObject("expiry_months"),
            rs.getBigDecimal("min_order").stripTrailingZeros(), rs.getBigDecimal("max_share_percent").stripTrailingZeros());

    private final JdbcClient jdbc;

    private final CircuitFeatures features;
    private final PrepaidStore prepaid;

    MoneyPrograms(JdbcClient jdbc, CircuitFeatures features, PrepaidStore prepaid) {
        this.features = features;
        this.prepaid = prepaid;
        this.jdbc = jdbc;
    }

    /** The rule set for the circuit (companyId null) or a company's own; empty when none was saved. */
    public Optional<MoneyProgram> own(long circuitId, Long companyId, Purpose purpose) {
        return jdbc.sql("select * from money_program where circuit_id = :c and company_id is not distinct from :co "
                        + "and purpose = :p")
                .param("c", circuitId).param("co", companyId).param("p", purpose.name()).query(ROW).optional();
    }

    /**
     * The rule that applies at a company: its own, else the circuit's, else off. Prepaid credit (on a member's account
     * or a gift card) follows the circuit's prepaid settings instead.
     */
    public MoneyProgram effective(long circuitId, Long companyId, Purpose purpose) {
        if (purpose == Purpose.PREPAID || purpose == Purpose.GIFT_CARD) {
            return MoneyProgram.prepaid(prepaid.settings(circuitId), companyId == null ? -1 : companyId);
        }
        return (companyId == null ? Optional.<MoneyProgram>empty() : own(circuitId, companyId, purpose))
                .or(() -> own(circuitId, null, purpose)).orElseGet(MoneyProgram::off);
    }

    void save(long circuitId, Long companyId, Purpose purpose, MoneyProgram p) {
        features.changed(circuitId);
        jdbc.sql("""
                        insert into money_program (circuit_id, company_id, purpose, enabled, percent, expiry_months,
                            min_order, max_share_percent)
                        values (:c, :co, :p, :enabled, :percent, :months, :min, :share)
                        on conflict (circuit_id, company_id, purpose) do update set enabled = excluded.enabled,
                            percent = excluded.percent, expiry_months = excluded.expiry_months,
                            min_order = excluded.min_order, max_share_percent = excluded.max_share_percent,
                            updated_at = now()""")
                .param("c", circuitId).param("co", companyId).param("p", purpose.name())
                .param("enabled", p.enabled()).param("percent", p.percent()).param("months", p.expiryMonths())
                .param("min", p.minOrder()).param("share", p.maxSharePercent()).update();
    }

    void removeOverride(long circuitId, long companyId, Purpose purpose) {
        jdbc.sql("delete from money_program where circuit_id = :c and company_id = :co and purpose = :p")
                .param("c", circuitId).param("co", companyId).param("p", purpose.name()).update();
    }
}
