package org.loyaltyhub.programs;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.internal.BudgetService;
import org.loyaltyhub.programs.internal.promotions.Promotion;
import org.loyaltyhub.programs.internal.promotions.PromotionAdmin;
import org.loyaltyhub.programs.internal.promotions.PromotionEffect;
import org.loyaltyhub.programs.internal.promotions.PromotionInput;
import org.loyaltyhub.programs.internal.promotions.PromotionTrigger;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.purchases.internal.PurchaseService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.support.Circuits;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of purchases (paid or not yet), payments, partial and full refunds, cancellations and events (wifi
 * logins, some of them received late, some at the company's store and paid from its budget) in a coalition circuit
 * with a small company budget: after every step no promotion, on purchases or on events, has given more than its
 * budget or any member more times than its limit in its window, what each promotion says it gave is what the journal
 * holds, the company's budget is never below zero, and the books balance.
 */
class PromotionLimitsProperties {

    sealed interface Op permits Buy, Change, Visit {
    }

    record Buy(int member, int cents, boolean paid) implements Op {
    }

    record Change(int purchase, PurchaseStatus status, int refundPercent) implements Op {
    }

    /** A wifi login of the member {@code hoursAgo} hours ago (received now), at the company's store or at none. */
    record Visit(int member, int hoursAgo, boolean atTheStore) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> buy = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(100, 6000), Arbitraries.of(true, false)).as(Buy::new);
        Arbitrary<Op> change = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.of(PurchaseStatus.PAID, PurchaseStatus.PARTIALLY_REFUNDED, PurchaseStatus.REFUNDED,
                        PurchaseStatus.CANCELLED), Arbitraries.integers().between(1, 99)).as(Change::new);
        Arbitrary<Op> visit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 72), Arbitraries.of(true, false)).as(Visit::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, buy), net.jqwik.api.Tuple.of(2, change),
                net.jqwik.api.Tuple.of(3, visit)).list().ofMinSize(5).ofMaxSize(25);
    }

    @Property(tries = 15, shrinking = ShrinkingMode.OFF)
    void noPromotionEverGivesMoreThanItsLimitsAndBudget(@ForAll("operations") List<Op> ops) {
        ApplicationContext ctx = Circuits.context();
        Circuits c = Circuits.create(ctx, true, 3);
        ctx.getBean(BudgetService.class).recharge(c.admin(), c.companyId(), 400, "start");
        PromotionAdmin admin = ctx.getBean(PromotionAdmin.class);
        List<PromotionAdmin.View> promotions = List.of(
                promotion(admin, c, "Twice +25", 1, PromotionEffect.Kind.FIXED_POINTS, 25L, null, 2, Promotion.Period.EVER, 120L),
                promotion(admin, c, "Double once a day", 2, PromotionEffect.Kind.MULTIPLIER, null, new BigDecimal("2"), 1,
                        Promotion.Period.DAY, 150L),
                promotion(admin, c, "2% back", 3, PromotionEffect.Kind.PERCENT_OF_SPEND, null, new BigDecimal("2"), null,
                        null, 90L));
        List<PromotionAdmin.View> onEvents = List.of(
                onWifi(admin, c, "Wifi +30 twice a day", 1, 30, 2, Promotion.Period.DAY, 150L),
                onWifi(admin, c, "Wifi +45 once a week", 2, 45, 1, Promotion.Period.WEEK, 100L));
        CampaignEvents events = ctx.getBean(CampaignEvents.class);
        PurchaseService purchases = ctx.getBean(PurchaseService.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        Ledger ledger = ctx.getBean(Ledger.class);
        List<RecordPurchase> orders = new ArrayList<>();
        int visits = 0;
        for (Op op : ops) {
            try {
                switch (op) {
                    case Buy b -> {
                        RecordPurchase p = new RecordPurchase("o" + orders.size(), null, null,
                                MemberIdentifier.byId(c.members().get(b.member())), "EUR", BigDecimal.valueOf(b.cents(), 2),
                                null, b.paid() ? PurchaseStatus.PAID : PurchaseStatus.CREATED, null, null, null);
                        orders.add(p);
                        purchases.record(c.till(), p);
                    }
                    case Change ch -> {
                        if (orders.isEmpty()) {
                            continue;
                        }
                        RecordPurchase p = orders.get(ch.purchase() % orders.size());
                        BigDecimal refunded = ch.status() == PurchaseStatus.PARTIALLY_REFUNDED
                                ? p.total().multiply(BigDecimal.valueOf(ch.refundPercent())).movePointLeft(2)
                                .setScale(2, java.math.RoundingMode.DOWN) : null;
                        purchases.record(c.till(), new RecordPurchase(p.orderId(), null, null, p.member(), "EUR",
                                p.total(), refunded, ch.status(), null, null, null));
                    }
                    case Visit v -> events.received(new CampaignEvents.Event(c.circuitId(), c.members().get(v.member()),
                            "wifi_login", "wifi-" + visits++, Instant.now().minus(v.hoursAgo(), ChronoUnit.HOURS),
                            v.atTheStore() ? JsonNodeFactory.instance.objectNode().put("storeId", c.storeId()) : null,
                            "property"));
                }
            } catch (LoyaltyException refused) {
                assertThat(op).as("an event is never refused: " + refused.getMessage()).isNotInstanceOf(Visit.class);
                assertThat(refused.failure()).as(op + " refused: " + refused.getMessage())
                        .isNotEqualTo(org.loyaltyhub.shared.Failure.UPSTREAM);
            }
            for (PromotionAdmin.View v : promotions) {
                long given = jdbc.sql("select coalesce(sum(given), 0) from promotion_grant where promotion_id = :p")
                        .param("p", v.id()).query(Long.class).single();
                long journal = jdbc.sql("select coalesce(sum(p.amount), 0) from posting p join journal_entry e on "
                                + "e.id = p.entry_id join account a on a.id = p.account_id where e.circuit_id = :c and "
                                + "a.kind = 'MEMBER_AVAILABLE' and e.business_key like :key")
                        .param("c", c.circuitId()).param("key", "purchase:%:promotion:" + v.id() + ":%")
                        .query(Long.class).single();
                assertThat(journal).as(v.name() + ": the journal holds what its grants say, after " + op).isEqualTo(given);
                assertThat(given).as(v.name() + " within its budget after " + op)
                        .isLessThanOrEqualTo(v.definition().limits().budgetPoints());
                Integer limit = v.definition().limits().perMember();
                if (limit != null) {
                    String window = v.definition().limits().period() == Promotion.Period.DAY
                            ? "date_trunc('day', occurred_at at time zone 'Europe/Rome')" : "circuit_id";
                    Integer most = jdbc.sql("select coalesce(max(n), 0) from (select count(*) n from promotion_grant "
                                    + "where promotion_id = :p and not withdrawn group by member_id, " + window + ") x")
                            .param("p", v.id()).query(Integer.class).single();
                    assertThat(most).as(v.name() + " at most " + limit + " per member after " + op)
                            .isLessThanOrEqualTo(limit);
                }
            }
            for (PromotionAdmin.View v : onEvents) {
                withinLimitsOnEvents(jdbc, c, v, op);
            }
            assertThat(ledger.check(c.circuitId()).differences()).as("after " + op).isEmpty();
            assertThat(ledger.balance(c.circuitId(), AccountRef.budget(c.companyId()))).isNotNegative();
        }
        net.jqwik.api.statistics.Statistics.label("promotions gave").collect(jdbc.sql(
                "select count(*) > 0 from promotion_grant where circuit_id = :c").param("c", c.circuitId())
                .query(Boolean.class).single());
        net.jqwik.api.statistics.Statistics.label("event promotions spent their budget").collect(jdbc.sql(
                "select coalesce(sum(points), 0) >= 150 from promotion_occurrence o join promotion p on p.id = "
                        + "o.promotion_id where p.circuit_id = :c and p.name like 'Wifi +30%'").param("c", c.circuitId())
                .query(Boolean.class).single());
    }

    /** What an event promotion gave (per member and occurrence) is what the journal holds, within its limits. */
    private static void withinLimitsOnEvents(JdbcClient jdbc, Circuits c, PromotionAdmin.View v, Op op) {
        long given = jdbc.sql("select coalesce(sum(points), 0) from promotion_occurrence where promotion_id = :p")
                .param("p", v.id()).query(Long.class).single();
        long journal = jdbc.sql("select coalesce(sum(p.amount), 0) from posting p join journal_entry e on "
                        + "e.id = p.entry_id join account a on a.id = p.account_id where e.circuit_id = :c and "
                        + "a.kind = 'MEMBER_AVAILABLE' and e.business_key like :key")
                .param("c", c.circuitId()).param("key", "promotion:" + v.id() + ":member:%").query(Long.class).single();
        assertThat(journal).as(v.name() + ": the journal holds what its occurrences say, after " + op).isEqualTo(given);
        assertThat(given).as(v.name() + " within its budget after " + op)
                .isLessThanOrEqualTo(v.definition().limits().budgetPoints());
        String unit = v.definition().limits().period() == Promotion.Period.DAY ? "day" : "week";
        Integer most = jdbc.sql("select coalesce(max(n), 0) from (select count(*) n from promotion_occurrence where "
                        + "promotion_id = :p group by member_id, date_trunc('" + unit + "', occurred_at at time zone "
                        + "'Europe/Rome')) x")
                .param("p", v.id()).query(Integer.class).single();
        assertThat(most).as(v.name() + " at most " + v.definition().limits().perMember() + " per member a " + unit
                + " after " + op).isLessThanOrEqualTo(v.definition().limits().perMember());
    }

    private static PromotionAdmin.View onWifi(PromotionAdmin admin, Circuits c, String name, int priority, long points,
                                              int perMember, Promotion.Period period, long budget) {
        PromotionAdmin.View v = admin.create(c.admin(), new PromotionInput(name, Instant.now().minus(4, ChronoUnit.DAYS),
                null, null, new PromotionInput.TriggerInput(PromotionTrigger.Kind.EVENT, List.of(), "wifi_login",
                List.of(), null, null, null, null),
                new PromotionInput.EffectInput(PromotionEffect.Kind.FIXED_POINTS, points, null, null),
                new PromotionInput.LimitsInput(perMember, period, budget), priority, Promotion.Stacking.STACKABLE));
        return admin.activate(c.admin(), v.id());
    }

    private static PromotionAdmin.View promotion(PromotionAdmin admin, Circuits c, String name, int priority,
                                                 PromotionEffect.Kind kind, Long points, BigDecimal factor,
                                                 Integer perMember, Promotion.Period period, Long budget) {
        PromotionAdmin.View v = admin.create(c.admin(), new PromotionInput(name, Instant.now().minus(1, ChronoUnit.DAYS),
                null, null, new PromotionInput.TriggerInput(PromotionTrigger.Kind.PURCHASE, List.of()),
                new PromotionInput.EffectInput(kind, points, kind == PromotionEffect.Kind.MULTIPLIER ? factor : null,
                        kind == PromotionEffect.Kind.PERCENT_OF_SPEND ? factor : null),
                new PromotionInput.LimitsInput(perMember, period, budget), priority, Promotion.Stacking.STACKABLE));
        return admin.activate(c.admin(), v.id());
    }
}
