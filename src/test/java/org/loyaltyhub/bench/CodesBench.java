package org.loyaltyhub.bench;

import org.loyaltyhub.rewards.internal.CampaignService;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The codes phase: a circuit of its own with a unique-code campaign, then {@code codes} codes generated through
 * {@link CampaignService#generate} (batches of multi-row inserts), timed; meanwhile a "counter" issues one voucher
 * row at a time on the same table, and its slowest insert shows whether the generation held a lock that stopped it.
 */
final class CodesBench {

    record Result(int codes, double seconds, long counterInserts, double counterMaxMillis) {
        double perSecond() {
            return codes / seconds;
        }
    }

    private CodesBench() {
    }

    static Result run(ApplicationContext context, DataSource ds, int codes) throws Exception {
        long circuit;
        long campaign;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            circuit = single(s, "insert into circuit (name, currency) values ('Bench codes "
                    + System.currentTimeMillis() + "', 'EUR') returning id");
            campaign = single(s, "insert into coupon_campaign (circuit_id, name, gives, currency, discount_amount, "
                    + "valid_from, valid_until, code_mode, per_member_limit) values (" + circuit + ", 'Bench', "
                    + "'FIXED_AMOUNT', 'EUR', 5, now() - interval '1 day', now() + interval '30 days', 'UNIQUE', 1) "
                    + "returning id");
        }
        Caller admin = new Caller(Role.CIRCUIT_ADMIN, circuit, null, null, null, null, "bench");
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong inserts = new AtomicLong();
        AtomicLong maxNanos = new AtomicLong();
        Thread counter = Thread.ofPlatform().start(() -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                while (!done.get()) {
                    long t = System.nanoTime();
                    s.executeUpdate("insert into voucher (circuit_id, code, source, request_key, status, expires_at) "
                            + "values (" + circuit + ", 'BENCH" + inserts.get() + "-" + t + "', 'REWARD_CLAIM', 'b"
                            + t + "', 'ISSUED', now() + interval '1 day')");
                    maxNanos.accumulateAndGet(System.nanoTime() - t, Math::max);
                    inserts.incrementAndGet();
                    Thread.sleep(5);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long t0 = System.nanoTime();
        CampaignService.Generated g = context.getBean(CampaignService.class).generate(admin, campaign, codes);
        double seconds = (System.nanoTime() - t0) / 1e9;
        done.set(true);
        counter.join();
        return new Result(g.total(), seconds, inserts.get(), maxNanos.get() / 1e6);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
