package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.rewards.LimitPeriod;
import org.loyaltyhub.rewards.Reward;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.RewardKind;
import org.loyaltyhub.shared.Money;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The reward table: rewards with their details, the stock taken one at a time, and images. */
@Component
class RewardRows {

    private static final String COLUMNS = "id, circuit_id, kind, title_en, title_it, description_en, description_it, "
            + "points, cash_amount, currency, discount_amount, discount_percent, discount_cap, product_id, valid_from, "
            + "valid_until, voucher_days, stock, limit_count, limit_period, tier_ids, badge_ids, plan_ids, company_ids, "
            + "store_ids, minimum_cart, funding_company_id, give_back_unused, active, image is not null as has_image, "
            + "created_at";

    private static final RowMapper<Reward> ROW = (rs, n) -> {
        String currency = rs.getString("currency");
        Integer limitCount = (Integer) rs.getObject("limit_count");
        RewardDetails d = new RewardDetails(RewardKind.valueOf(rs.getString("kind")),
                new RewardDetails.Text(rs.getString("title_en"), rs.getString("title_it")),
                new RewardDetails.Text(rs.getString("description_en"), rs.getString("description_it")),
                new RewardDetails.Cost(rs.getLong("points"), money(rs.getBigDecimal("cash_amount"), currency)),
                new RewardDetails.Benefit(money(rs.getBigDecimal("discount_amount"), currency),
                        rs.getBigDecimal("discount_percent"), money(rs.getBigDecimal("discount_cap"), currency),
                        rs.getString("product_id")),
                instant(rs, "valid_from"), instant(rs, "valid_until"), rs.getInt("voucher_days"),
                (Long) rs.getObject("stock"),
                limitCount == null ? null : new RewardDetails.Limit(limitCount,
                        LimitPeriod.valueOf(rs.getString("limit_period"))),
                new RewardDetails.Restrictions(ids(rs, "tier_ids"), ids(rs, "badge_ids"), ids(rs, "plan_ids"),
                        ids(rs, "company_ids"), ids(rs, "store_ids"),
                        money(rs.getBigDecimal("minimum_cart"), currency)),
                (Long) rs.getObject("funding_company_id"), rs.getBoolean("give_back_unused"), rs.getBoolean("active"));
        return new Reward(rs.getLong("id"), rs.getLong("circuit_id"), d, rs.getBoolean("has_image"),
                rs.getTimestamp("created_at").toInstant());
    };

    private final JdbcClient jdbc;

    RewardRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long circuitId, String currency, RewardDetails d) {
        return bind(jdbc.sql("insert into reward (circuit_id, currency, " + SETTABLE + ") values (:c, :currency, "
                + VALUES + ") returning id"), d).param("c", circuitId).param("currency", currency)
                .query(Long.class).single();
    }

    void update(long circuitId, long id, RewardDetails d) {
        String sets = Arrays.stream(SETTABLE.split(", ")).map(c -> c + " = " + value(c))
                .collect(Collectors.joining(", "));
        bind(jdbc.sql("update reward set " + sets + ", updated_at = now() where circuit_id = :c and id = :id"), d)
                .param("c", circuitId).param("id", id).update();
    }

    Optional<Reward> find(long circuitId, long id) {
        return jdbc.sql("select " + COLUMNS + " from reward where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(ROW).optional();
    }

    /** The reward, its row locked until the transaction ends: claims of one reward take their turn. */
    Optional<Reward> lock(long circuitId, long id) {
        return jdbc.sql("select " + COLUMNS + " from reward where circuit_id = :c and id = :id for no key update")
                .param("c", circuitId).param("id", id).query(ROW).optional();
    }

    List<Reward> list(long circuitId, boolean activeOnly) {
        return jdbc.sql("select " + COLUMNS + " from reward where circuit_id = :c"
                        + (activeOnly ? " and active" : "") + " order by active desc, points, id")
                .param("c", circuitId).query(ROW).list();
    }

    /** Takes one unit of stock; false when none is left. Unlimited stock always gives one. */
    boolean takeOne(long id) {
        return jdbc.sql("update reward set stock = stock - 1 where id = :id and (stock is null or stock > 0)")
                .param("id", id).update() == 1;
    }

    void putImage(long circuitId, long id, String type, byte[] bytes) {
        jdbc.sql("update reward set image = :b, image_type = :t, updated_at = now() where circuit_id = :c and id = :id")
                .param("b", bytes).param("t", type).param("c", circuitId).param("id", id).update();
    }

    Optional<RewardService.Image> image(long circuitId, long id) {
        return jdbc.sql("select image_type, image from reward where circuit_id = :c and id = :id and image is not null")
                .param("c", circuitId).param("id", id)
                .query((rs, n) -> new RewardService.Image(rs.getString(1), rs.getBytes(2))).optional();
    }

    private static final String SETTABLE = "kind, title_en, title_it, description_en, description_it, points, "
            + "cash_amount, discount_amount, discount_percent, discount_cap, product_id, valid_from, valid_until, "
            + "voucher_days, stock, limit_count, limit_period, tier_ids, badge_ids, plan_ids, company_ids, store_ids, "
            + "minimum_cart, funding_company_id, give_back_unused, active";
    private static final String VALUES = Arrays.stream(SETTABLE.split(", ")).map(RewardRows::value)
            .collect(Collectors.joining(", "));

    private static String value(String column) {
        return column.endsWith("_ids") ? "cast(:" + column + " as bigint[])" : ":" + column;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, RewardDetails d) {
        RewardDetails.Benefit b = d.benefit();
        RewardDetails.Restrictions r = d.restrictions();
        return s.param("kind", d.kind().name()).param("title_en", d.title().en()).param("title_it", d.title().it())
                .param("description_en", d.description().en()).param("description_it", d.description().it())
                .param("points", d.cost().points()).param("cash_amount", amount(d.cost().cash()))
                .param("discount_amount", amount(b.amount())).param("discount_percent", b.percent())
                .param("discount_cap", amount(b.cap())).param("product_id", b.productId())
                .param("valid_from", timestamp(d.validFrom())).param("valid_until", timestamp(d.validUntil()))
                .param("voucher_days", d.voucherDays()).param("stock", d.stock())
                .param("limit_count", d.limit() == null ? null : d.limit().count())
                .param("limit_period", d.limit() == null ? null : d.limit().period().name())
                .param("tier_ids", array(r.tierIds())).param("badge_ids", array(r.badgeIds()))
                .param("plan_ids", array(r.planIds())).param("company_ids", array(r.companyIds()))
                .param("store_ids", array(r.storeIds())).param("minimum_cart", amount(r.minimumCart()))
                .param("funding_company_id", d.fundingCompanyId()).param("give_back_unused", d.giveBackUnused())
                .param("active", d.active());
    }

    static String array(List<? extends Object> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }

    static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : Money.of(amount, currency);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<Long> ids(ResultSet rs, String column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
    }
}
