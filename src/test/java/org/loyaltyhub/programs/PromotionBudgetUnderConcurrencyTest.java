package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.internal.promotions.Promotion;
import org.loyaltyhub.programs.internal.promotions.PromotionAdmin;
import org.loyaltyhub.programs.internal.promotions.PromotionEffect;
import org.loyaltyhub.programs.internal.promotions.PromotionInput;
import org.loyaltyhub.programs.internal.promotions.PromotionTrigger;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.purchases.internal.PurchaseService;
import org.loyaltyhub.support.Circuits;
import org.loyaltyhub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A promotion's budget and per-member limit hold when many purchases are decided at the same time. */
class PromotionBudgetUnderConcurrencyTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void concurrentPurchasesNeverSpendMoreThanTheBudgetNorGiveAMemberTwice() throws Exception {
        Circuits c = Circuits.create(context, false, 8);
        PromotionAdmin admin = context.getBean(PromotionAdmin.class);
        PromotionAdmin.View v = admin.create(c.admin(), new PromotionInput("Rush +30", Instant.now().minus(1, ChronoUnit.DAYS),
                null, null, new PromotionInput.TriggerInput(PromotionTrigger.Kind.PURCHASE, List.of()),
                new PromotionInput.EffectInput(PromotionEffect.Kind.FIXED_POINTS, 30L, null, null),
                new PromotionInput.LimitsInput(1, Promotion.Period.EVER, 200L), 0, null));
        admin.activate(c.admin(), v.id());
        PurchaseService purchases = context.getBean(PurchaseService.class);
        List<Callable<Object>> buys = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long member = c.members().get(i % 8);
            String order = "rush-" + i;
            buys.add(() -> purchases.record(c.till(), new RecordPurchase(order, null, null, MemberIdentifier.byId(member),
                    "EUR", new BigDecimal("5.00"), null, PurchaseStatus.PAID, null, null, null)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Object> f : pool.invokeAll(buys)) {
                f.get();
            }
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select sum(given) from promotion_grant where promotion_id = :p").param("p", v.id())
                .query(Long.class).single()).as("6 × 30 and the 20 left: exactly the budget").isEqualTo(200);
        assertThat(jdbc.sql("select max(n) from (select count(*) n from promotion_grant where promotion_id = :p "
                + "group by member_id) x").param("p", v.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(admin.get(c.admin(), v.id()).budgetLeft()).isZero();
        assertThat(context.getBean(Ledger.class).check(c.circuitId()).differences()).isEmpty();
    }
}
