package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.MoneyRates.ProductRate;
import org.loyaltyhub.programs.MoneyRates.StoreRate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The money programs' rules: the circuit's, companies' overrides, and the rates of products and stores. */
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

    /**
     * What a sale at a store earns by: the rule in force at its company, the rate for lines without a product rate
     * (the store's own, else the company's rule's, else the circuit's) and the rates of the given products.
     */
    public Applicable applicable(long circuitId, long companyId, long storeId, Purpose purpose,
                                 java.util.Collection<String> productIds) {
        Optional<MoneyProgram> company = own(circuitId, companyId, purpose);
        MoneyProgram program = company.or(() -> own(circuitId, null, purpose)).orElseGet(MoneyProgram::off);
        if (!program.enabled()) {
            return new Applicable(program, WalletEarningPolicy.Rates.of(program,
                    WalletEarningPolicy.RateSource.CIRCUIT));
        }
        Optional<java.math.BigDecimal> store = jdbc.sql("select percent from money_store_rate where store_id = :s "
                        + "and purpose = :p and circuit_id = :c")
                .param("s", storeId).param("p", purpose.name()).param("c", circuitId)
                .query(java.math.BigDecimal.class).optional();
        java.util.Map<String, java.math.BigDecimal> products = productIds.isEmpty() ? java.util.Map.of()
                : jdbc.sql("select product_id, percent from money_product_rule where circuit_id = :c and purpose = :p "
                        + "and product_id in (:ids)")
                .param("c", circuitId).param("p", purpose.name()).param("ids", productIds)
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros()))
                .list().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                        java.util.Map.Entry::getValue));
        WalletEarningPolicy.RateSource source = store.isPresent() ? WalletEarningPolicy.RateSource.STORE
                : company.isPresent() ? WalletEarningPolicy.RateSource.COMPANY : WalletEarningPolicy.RateSource.CIRCUIT;
        return new Applicable(program, new WalletEarningPolicy.Rates(
                store.map(java.math.BigDecimal::stripTrailingZeros).orElse(program.percent()), source, products));
    }

    /** The rule in force at a company and the rates a sale there earns by. */
    public record Applicable(MoneyProgram program, WalletEarningPolicy.Rates rates) {
    }

    List<ProductRate> productRates(long circuitId, Purpose purpose) {
        return jdbc.sql("select product_id, percent from money_product_rule where circuit_id = :c and purpose = :p "
                        + "order by product_id")
                .param("c", circuitId).param("p", purpose.name())
                .query((rs, n) -> new ProductRate(rs.getString(1), rs.getBigDecimal(2))).list();
    }

    void saveProductRate(long circuitId, Purpose purpose, ProductRate rate) {
        jdbc.sql("insert into money_product_rule (circuit_id, purpose, product_id, percent) values (:c, :p, :id, :pct) "
                        + "on conflict (circuit_id, purpose, product_id) do update set percent = excluded.percent, "
                        + "updated_at = now()")
                .param("c", circuitId).param("p", purpose.name()).param("id", rate.productId())
                .param("pct", rate.percent()).update();
    }

    void removeProductRate(long circuitId, Purpose purpose, String productId) {
        jdbc.sql("delete from money_product_rule where circuit_id = :c and purpose = :p and product_id = :id")
                .param("c", circuitId).param("p", purpose.name()).param("id", productId).update();
    }

    /** Stores' own rates in the circuit; {@code companyId} non-null keeps one company's. */
    List<StoreRate> storeRates(long circuitId, Purpose purpose, Long companyId) {
        return jdbc.sql("select r.store_id, s.name, s.company_id, r.percent from money_store_rate r "
                        + "join store s on s.id = r.store_id where r.circuit_id = :c and r.purpose = :p "
                        + "and (cast(:co as bigint) is null or s.company_id = :co) order by s.name, r.store_id")
                .param("c", circuitId).param("p", purpose.name()).param("co", companyId)
                .query((rs, n) -> new StoreRate(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }

    void saveStoreRate(long circuitId, long storeId, Purpose purpose, java.math.BigDecimal percent) {
        jdbc.sql("insert into money_store_rate (circuit_id, store_id, purpose, percent) values (:c, :s, :p, :pct) "
                        + "on conflict (store_id, purpose) do update set percent = excluded.percent, updated_at = now()")
                .param("c", circuitId).param("s", storeId).param("p", purpose.name()).param("pct", percent).update();
    }

    void removeStoreRate(long circuitId, long storeId, Purpose purpose) {
        jdbc.sql("delete from money_store_rate where circuit_id = :c and store_id = :s and purpose = :p")
                .param("c", circuitId).param("s", storeId).param("p", purpose.name()).update();
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
