package org.loyaltyhub.bench;

import org.loyaltyhub.programs.internal.promotions.PromotionBacktest;
import org.loyaltyhub.programs.internal.promotions.PromotionInput;
import org.loyaltyhub.programs.internal.promotions.Promotion;
import org.loyaltyhub.programs.internal.promotions.PromotionEffect;
import org.loyaltyhub.programs.internal.promotions.PromotionTrigger;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The backtest phase: a circuit of its own with {@code purchases} purchases over the last 30 days by 50,000 members
 * (every fourth with a line in a category), seeded by SQL with their awards; then one dry run of a promotion with
 * conditions (spend, category, days of the week), a per-member weekly limit and a budget, timed.
 */
final class BacktestBench {

    record Result(long purchases, double seedSeconds, double seconds, PromotionBacktest.DryRun run) {
    }

    private BacktestBench() {
    }

    static Result run(ApplicationContext context, DataSource ds, int purchases) throws SQLException {
        int members = 50_000;
        long t0 = System.nanoTime();
        long circuit;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            circuit = single(s, "insert into circuit (name, currency) values ('Bench backtest "
                    + System.currentTimeMillis() + "', 'EUR') returning id");
            s.execute("insert into program_settings (circuit_id) values (" + circuit + ")");
            long company = single(s, "insert into company (circuit_id, name) values (" + circuit + ", 'Bench') returning id");
            long store = single(s, "insert into store (circuit_id, company_id, name) values (" + circuit + ", " + company
                    + ", 'Bench') returning id");
            s.execute("insert into member (circuit_id, first_name, last_name) select " + circuit
                    + ", 'Bench', 'Backtest ' || g from generate_series(1, " + members + ") g");
            long first = single(s, "select min(id) from member where circuit_id = " + circuit);
            s.execute("insert into purchase (circuit_id, company_id, store_id, member_id, channel, order_id, currency, "
                    + "total, status, stage, occurred_at) select " + circuit + ", " + company + ", " + store + ", "
                    + first + " + (g % " + members + "), 'pos', 'B-' || g, 'EUR', 5 + (g % 60), 'PAID', 'PAID', "
                    + "now() - make_interval(secs => (g % 2592000)) from generate_series(1, " + purchases + ") g");
            s.execute("insert into purchase_award (purchase_id, circuit_id, base_points, available) select id, circuit_id, "
                    + "floor(total), floor(total) from purchase where circuit_id = " + circuit);
            s.execute("insert into purchase_line (purchase_id, line_no, product_id, quantity, unit_price, category) "
                    + "select id, 1, 'P' || (id % 100), 1, total, case when id % 2 = 0 then 'coffee' else 'food' end "
                    + "from purchase where circuit_id = " + circuit + " and id % 4 = 0");
            s.execute("analyze purchase");
            s.execute("analyze purchase_line");
            s.execute("analyze purchase_award");
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        PromotionInput input = new PromotionInput("Bench backtest", Instant.now().minus(400, ChronoUnit.DAYS), null, null,
                new PromotionInput.TriggerInput(PromotionTrigger.Kind.PURCHASE, List.of(
                        new PromotionInput.ConditionInput("minSpend", "20", null, null, null),
                        new PromotionInput.ConditionInput("daysOfWeek", null,
                                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), null, null))),
                new PromotionInput.EffectInput(PromotionEffect.Kind.MULTIPLIER, null, new BigDecimal("2"), null),
                new PromotionInput.LimitsInput(2, Promotion.Period.WEEK, 5_000_000L), 10, Promotion.Stacking.STACKABLE);
        Promotion promotion = input.toPromotion(null, Promotion.Status.DRAFT);
        long t1 = System.nanoTime();
        PromotionBacktest.DryRun run = context.getBean(PromotionBacktest.class).run(circuit, promotion, 30, Instant.now());
        double seconds = (System.nanoTime() - t1) / 1e9;
        if (run.purchases() != purchases) {
            throw new IllegalStateException("replayed " + run.purchases() + " of " + purchases + " purchases");
        }
        return new Result(purchases, seedSeconds, seconds, run);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
