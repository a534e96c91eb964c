package org.loyaltyhub.programs.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.loyaltyhub.programs.ProductRule;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.ProgramSettings.RedeemableProducts;
import org.loyaltyhub.programs.ProgramSettings.Rounding;
import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.ProgramSettings.Validity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Program settings and product rules per circuit; a circuit that never saved settings has the defaults. */
@Repository
public class ProgramStore implements org.loyaltyhub.programs.Programs {

    private final JdbcClient jdbc;
    private final Cache<Long, ProgramSettings> cache =
            Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofSeconds(5)).maximumSize(10_000).build();

    ProgramStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ProgramSettings settings(long circuitId) {
        return cache.get(circuitId, this::load);
    }

    private ProgramSettings load(long circuitId) {
        return jdbc.sql("select * from program_settings where circuit_id = :c").param("c", circuitId)
                .query((rs, n) -> new ProgramSettings(rs.getBoolean("points_enabled"), rs.getLong("earn_points"),
                        rs.getBigDecimal("earn_per_amount"), Rounding.valueOf(rs.getString("earn_rounding")),
                        Stage.valueOf(rs.getString("pending_from")), Stage.valueOf(rs.getString("award_moment")),
                        rs.getLong("registration_points"), rs.getLong("newsletter_points"),
                        rs.getLong("review_points"), rs.getBoolean("review_points_once"),
                        Validity.valueOf(rs.getString("validity")), (Integer) rs.getObject("validity_months"),
                        rs.getLong("redeem_points"), rs.getBigDecimal("redeem_value"), rs.getLong("min_balance"),
                        rs.getBigDecimal("min_cart_total"), rs.getBigDecimal("max_discount_amount"),
                        rs.getBigDecimal("max_discount_percent"), rs.getBoolean("exclude_discounted"),
                        RedeemableProducts.valueOf(rs.getString("redeemable_products")), rs.getInt("hold_minutes"),
                        rs.getString("intro_text"), rs.getBoolean("earn_on_tax_and_shipping"), rs.getString("time_zone")))
                .optional().orElseGet(ProgramSettings::defaults);
    }

    void save(long circuitId, ProgramSettings s) {
        jdbc.sql("""
                        insert into program_settings (circuit_id, points_enabled, earn_points, earn_per_amount, earn_rounding,
                            pending_from, award_moment, registration_points, newsletter_points, review_points,
                            review_points_once, validity, validity_months, redeem_points, redeem_value, min_balance,
                            min_cart_total, max_discount_amount, max_discount_percent, exclude_discounted,
                            redeemable_products, hold_minutes, intro_text, earn_on_tax_and_shipping, time_zone, updated_at)
                        values (:c, :enabled, :earnPoints, :earnPer, :rounding, :pendingFrom, :award, :registration,
                            :newsletter, :review, :reviewOnce, :validity, :months, :redeemPoints, :redeemValue,
                            :minBalance, :minCart, :maxAmount, :maxPercent, :excludeDiscounted, :products, :hold,
                            :intro, :taxAndShipping, :zone, now())
                        on conflict (circuit_id) do update set points_enabled = excluded.points_enabled,
                            earn_points = excluded.earn_points, earn_per_amount = excluded.earn_per_amount,
                            earn_rounding = excluded.earn_rounding, pending_from = excluded.pending_from,
                            award_moment = excluded.award_moment, registration_points = excluded.registration_points,
                            newsletter_points = excluded.newsletter_points, review_points = excluded.review_points,
                            review_points_once = excluded.review_points_once, validity = excluded.validity,
                            validity_months = excluded.validity_months, redeem_points = excluded.redeem_points,
                            redeem_value = excluded.redeem_value, min_balance = excluded.min_balance,
                            min_cart_total = excluded.min_cart_total, max_discount_amount = excluded.max_discount_amount,
                            max_discount_percent = excluded.max_discount_percent,
                            exclude_discounted = excluded.exclude_discounted,
                            redeemable_products = excluded.redeemable_products, hold_minutes = excluded.hold_minutes,
                            intro_text = excluded.intro_text,
                            earn_on_tax_and_shipping = excluded.earn_on_tax_and_shipping,
                            time_zone = excluded.time_zone, updated_at = now()""")
                .param("c", circuitId).param("enabled", s.pointsEnabled()).param("earnPoints", s.earnPoints())
                .param("earnPer", s.earnPerAmount()).param("rounding", s.earnRounding().name())
                .param("pendingFrom", s.pendingFrom().name()).param("award", s.awardMoment().name())
                .param("registration", s.registrationPoints()).param("newsletter", s.newsletterPoints())
                .param("review", s.reviewPoints()).param("reviewOnce", s.reviewPointsOnce())
                .param("validity", s.validity().name()).param("months", s.validityMonths())
                .param("redeemPoints", s.redeemPoints()).param("redeemValue", s.redeemValue())
                .param("minBalance", s.minBalance()).param("minCart", s.minCartTotal())
                .param("maxAmount", s.maxDiscountAmount()).param("maxPercent", s.maxDiscountPercent())
                .param("excludeDiscounted", s.excludeDiscounted()).param("products", s.redeemableProducts().name())
                .param("hold", s.holdMinutes()).param("intro", s.introText())
                .param("taxAndShipping", s.earnOnTaxAndShipping()).param("zone", s.timeZone()).update();
        cache.invalidate(circuitId);
    }

    public Map<String, ProductRule> rules(long circuitId, List<String> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from product_rule where circuit_id = :c and product_id in (:ids)")
                .param("c", circuitId).param("ids", productIds).query((rs, n) -> row(rs)).list().stream()
                .collect(Collectors.toMap(ProductRule::productId, Function.identity()));
    }

    List<ProductRule> allRules(long circuitId) {
        return jdbc.sql("select * from product_rule where circuit_id = :c order by product_id").param("c", circuitId)
                .query((rs, n) -> row(rs)).list();
    }

    void saveRule(long circuitId, ProductRule r) {
        jdbc.sql("insert into product_rule (circuit_id, product_id, earn_mode, fixed_points, percent, redeem_listed) "
                        + "values (:c, :p, :mode, :fixed, :pct, :listed) on conflict (circuit_id, product_id) do update "
                        + "set earn_mode = excluded.earn_mode, fixed_points = excluded.fixed_points, "
                        + "percent = excluded.percent, redeem_listed = excluded.redeem_listed")
                .param("c", circuitId).param("p", r.productId()).param("mode", r.earnMode().name())
                .param("fixed", r.fixedPoints()).param("pct", r.percent()).param("listed", r.redeemListed()).update();
    }

    boolean deleteRule(long circuitId, String productId) {
        return jdbc.sql("delete from product_rule where circuit_id = :c and product_id = :p").param("c", circuitId)
                .param("p", productId).update() == 1;
    }

    private static ProductRule row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ProductRule(rs.getString("product_id"), ProductRule.EarnMode.valueOf(rs.getString("earn_mode")),
                (Long) rs.getObject("fixed_points"), rs.getBigDecimal("percent"), rs.getBoolean("redeem_listed"));
    }
}
