package org.loyaltyhub.ledger;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.internal.BudgetService;
import org.loyaltyhub.programs.internal.PointsService;
import org.loyaltyhub.programs.internal.RedemptionService;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.purchases.internal.PurchaseService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.support.Circuits;
import org.loyaltyhub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads earn (from one enforced company budget), redeem and debit on the same three members at once.
 * Nothing is lost or overspent: every balance equals what the successful operations add up to, and the budget
 * never goes below zero.
 */
class ConcurrentRedeemAndEarnTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    PurchaseService purchases;
    @Autowired
    RedemptionService redemptions;
    @Autowired
    PointsService points;
    @Autowired
    BudgetService budgets;
    @Autowired
    Ledger ledger;

    @Test
    void concurrentEarningAndRedeemingNeitherLosesUpdatesNorOverspends() throws Exception {
        Circuits c = Circuits.create(ctx, true, 3);
        budgets.recharge(c.admin(), c.companyId(), 3_000, "start");
        int threads = 12;
        int opsPerThread = 40;
        AtomicLong earned = new AtomicLong();
        AtomicLong captured = new AtomicLong();
        AtomicLong debited = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        ConcurrentHashMap<Long, AtomicLong> netPerMember = new ConcurrentHashMap<>();
        c.members().forEach(m -> netPerMember.put(m, new AtomicLong()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < opsPerThread; i++) {
                        long member = c.members().get(random.nextInt(c.members().size()));
                        try {
                            switch (random.nextInt(3)) {
                                case 0 -> {
                                    long pts = purchases.record(c.till(), new RecordPurchase("t" + thread + "-" + i, null,
                                            null, MemberIdentifier.byId(member), "EUR", BigDecimal.valueOf(5 + random.nextInt(40)),
                                            null, PurchaseStatus.PAID, null, null, null)).points().available();
                                    earned.addAndGet(pts);
                                    netPerMember.get(member).addAndGet(pts);
                                }
                                case 1 -> {
                                    long pts = 1 + random.nextInt(30);
                                    RedemptionService.Redemption r = redemptions.hold(c.till(), MemberIdentifier.byId(member),
                                            new RedemptionService.Cart(Money.of("500.00", "EUR"), List.of()), pts, null, null);
                                    redemptions.capture(c.till(), r.id(), null);
                                    captured.addAndGet(pts);
                                    netPerMember.get(member).addAndGet(-pts);
                                }
                                default -> {
                                    long pts = 1 + random.nextInt(20);
                                    points.adjust(c.admin(), member, PointsService.Direction.DEBIT, pts, "race", null);
                                    debited.addAndGet(pts);
                                    netPerMember.get(member).addAndGet(-pts);
                                }
                            }
                        } catch (LoyaltyException refused) {
                            assertThat(refused.code()).isIn("insufficient-points", "budget-exhausted", "too-many-points",
                                    "no-points");
                            refusals.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(earned.get()).as("some points were earned").isPositive();
        assertThat(captured.get() + debited.get()).as("some points were spent").isPositive();
        for (long m : c.members()) {
            assertThat(ledger.balance(c.circuitId(), AccountRef.available(m))).as("member " + m)
                    .isEqualTo(netPerMember.get(m).get()).isNotNegative();
            assertThat(ledger.balance(c.circuitId(), AccountRef.held(m))).isZero();
        }
        assertThat(ledger.balance(c.circuitId(), AccountRef.budget(c.companyId()))).isEqualTo(3_000 - earned.get());
        assertThat(ledger.balance(c.circuitId(), AccountRef.circuit(AccountKind.REDEEMED))).isEqualTo(captured.get());
        assertThat(ledger.check(c.circuitId()).differences()).isEmpty();
    }
}
