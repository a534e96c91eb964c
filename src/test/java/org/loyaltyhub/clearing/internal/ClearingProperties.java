package org.loyaltyhub.clearing.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.programs.PrepaidSettings;
import org.loyaltyhub.programs.internal.ExpiryJobs;
import org.loyaltyhub.programs.internal.GiftCardService;
import org.loyaltyhub.programs.internal.PaymentMethod;
import org.loyaltyhub.programs.internal.PrepaidService;
import org.loyaltyhub.programs.internal.MoneyProgramAdmin;
import org.loyaltyhub.programs.internal.RedemptionService;
import org.loyaltyhub.programs.internal.WalletService;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.purchases.internal.PurchaseService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.support.Circuits;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.loyaltyhub.tenancy.internal.Commands.NewCompany;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random chains mixing points and money (cashback, accumulated discounts, prepaid credit sold to members and on
 * anonymous gift cards) earned or sold at one of two companies and spent at the other or the same, reservations
 * captured, released or undone, expiry, folding of the daily rows and the closing of a period: after every step the
 * books balance per unit, the clearing read from its daily rows equals the clearing recomputed from the lot movements
 * (and so does the month read from its monthly rows), the total of the purposes that end in one redeemed account
 * equals what their held and redeemed accounts gained in the journal, the positions net to zero over the parties, and
 * a closed period never changes.
 */
class ClearingProperties {

    sealed interface Op permits Earn, Redeem, WalletPay, PrepaidSell, PrepaidPay, Expire, Fold, Close {
    }

    record Earn(int member, int company, int cents) implements Op {
    }

    /** {@code outcome}: 0 captured, 1 released, 2 captured then undone. */
    record Redeem(int member, int company, int points, int outcome) implements Op {
    }

    record WalletPay(int member, int company, int cents, boolean discount, boolean capture) implements Op {
    }

    /** Sells prepaid credit at a company: to a member, or on a new anonymous gift card when {@code card}. */
    record PrepaidSell(int member, int company, int cents, boolean card) implements Op {
    }

    /**
     * Pays at a company with prepaid credit: the member's, or a gift card sold earlier when {@code card} (the
     * member's number picks which); captured or released.
     */
    record PrepaidPay(int member, int company, int cents, boolean card, boolean capture) implements Op {
    }

    record Expire(int days) implements Op {
    }

    record Fold() implements Op {
    }

    record Close() implements Op {
    }

    private static final Currency EUR = Currency.getInstance("EUR");

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 1);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(who, where, Arbitraries.integers().between(100, 50_000))
                        .as(Earn::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(who, where, Arbitraries.integers().between(1, 300),
                        Arbitraries.integers().between(0, 2)).as(Redeem::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(who, where, Arbitraries.integers().between(1, 900),
                        Arbitraries.of(true, false), Arbitraries.of(true, false)).as(WalletPay::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(who, where, Arbitraries.integers().between(100, 20_000),
                        Arbitraries.of(true, false)).as(PrepaidSell::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(who, where, Arbitraries.integers().between(1, 900),
                        Arbitraries.of(true, false), Arbitraries.of(true, false)).as(PrepaidPay::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(10, 60).map(Expire::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Fold())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Close())));
        return op.list().ofMinSize(8).ofMaxSize(25);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void clearingEqualsTheLedgerAfterEveryStepOfAnyChain(@ForAll("operations") List<Op> ops) {
        ApplicationContext ctx = Circuits.context();
        new Run(ctx, Circuits.create(ctx, false, 3)).play(ops);
    }

    private static final class Run {
        final Circuits c;
        final List<Caller> tills = new ArrayList<>();
        final List<Long> companies = new ArrayList<>();
        final PurchaseService purchases;
        final RedemptionService redemptions;
        final WalletService wallets;
        final PrepaidService prepaid;
        final GiftCardService giftCards;
        final ExpiryJobs expiry;
        final ClearingFold fold;
        final ClearingFlows flows;
        final Clearing tomorrow;
        final Ledger ledger;
        final JdbcClient jdbc;
        final LocalDate today = LocalDate.now(ZoneOffset.UTC);
        final Period around = new Period(today.minusDays(1), today.plusDays(1));
        final Period closing = new Period(today.minusDays(1), today);
        final Period month = Period.month(YearMonth.from(today));
        final List<String[]> cards = new ArrayList<>();
        ClearingReport closed;
        Instant now = Instant.now();
        int orders;

        Run(ApplicationContext ctx, Circuits c) {
            this.c = c;
            this.purchases = ctx.getBean(PurchaseService.class);
            this.redemptions = ctx.getBean(RedemptionService.class);
            this.wallets = ctx.getBean(WalletService.class);
            this.prepaid = ctx.getBean(PrepaidService.class);
            this.giftCards = ctx.getBean(GiftCardService.class);
            this.expiry = ctx.getBean(ExpiryJobs.class);
            this.fold = ctx.getBean(ClearingFold.class);
            this.flows = ctx.getBean(ClearingFlows.class);
            this.ledger = ctx.getBean(Ledger.class);
            this.jdbc = ctx.getBean(JdbcClient.class);
            this.tomorrow = new Clearing(flows, ctx.getBean(Settlements.class), ctx.getBean(Tenancy.class),
                    ctx.getBean(Programs.class), Clock.fixed(today.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant(), ZoneOffset.UTC));
            tills.add(c.till());
            companies.add(c.companyId());
            TenancyService.CreatedCompany other = ctx.getBean(TenancyService.class).createCompany(c.admin(),
                    new NewCompany(Fixtures.unique("Other"), null, null));
            companies.add(other.company().id());
            tills.add(new Caller(Role.API_KEY, c.circuitId(), other.company().id(), other.firstStore().id(), null, 2L,
                    "till-2"));
            MoneyProgramAdmin money = ctx.getBean(MoneyProgramAdmin.class);
            money.changeProgram(c.admin(), Purpose.CASHBACK, null, new MoneyProgram(true, new BigDecimal("5"), 1,
                    BigDecimal.ZERO, new BigDecimal("100")));
            money.changeProgram(c.admin(), Purpose.DISCOUNT, null, new MoneyProgram(true, new BigDecimal("2.5"), null,
                    BigDecimal.ZERO, new BigDecimal("100")));
            prepaid.changeSettings(c.admin(), new PrepaidSettings(true, 12, BigDecimal.ONE, new BigDecimal("500"),
                    List.of(), PrepaidSettings.AcceptedAt.ALL, List.of()));
        }

        void play(List<Op> ops) {
            for (Op op : ops) {
                try {
                    apply(op);
                } catch (LoyaltyException refused) {
                    assertThat(refused.failure()).as(op + " was refused with " + refused.getMessage())
                            .isNotEqualTo(org.loyaltyhub.shared.Failure.UPSTREAM);
                }
                assertClearingHolds(op);
            }
        }

        void apply(Op op) {
            switch (op) {
                case Earn e -> purchases.record(tills.get(e.company()), new RecordPurchase("o" + orders++, null, null,
                        MemberIdentifier.byId(member(e.member())), "EUR", BigDecimal.valueOf(e.cents(), 2), null,
                        PurchaseStatus.PAID, null, null, null));
                case Redeem r -> {
                    Caller till = tills.get(r.company());
                    long id = redemptions.hold(till, MemberIdentifier.byId(member(r.member())),
                            new RedemptionService.Cart(Money.of("1000.00", "EUR"), List.of()), (long) r.points(),
                            null, null).id();
                    if (r.outcome() == 1) {
                        redemptions.release(till, id);
                    } else {
                        redemptions.capture(till, id, null);
                        if (r.outcome() == 2) {
                            redemptions.undo(c.admin(), id, "property");
                        }
                    }
                }
                case WalletPay w -> {
                    Caller till = tills.get(w.company());
                    WalletService.Payment p = wallets.hold(till, MemberIdentifier.byId(member(w.member())),
                            w.discount() ? Purpose.DISCOUNT : Purpose.CASHBACK, Money.of("100.00", "EUR"),
                            Money.ofMinorUnits(w.cents(), EUR), null, null);
                    if (w.capture()) {
                        wallets.capture(till, p.id(), null);
                    } else {
                        wallets.release(till, p.id());
                    }
                }
                case PrepaidSell p -> {
                    PrepaidService.Sold sold = prepaid.sell(tills.get(p.company()), new PrepaidService.Sell(
                            p.card() ? null : MemberIdentifier.byId(member(p.member())),
                            Money.ofMinorUnits(p.cents(), EUR), null, PaymentMethod.CASH, "r" + orders++, null));
                    if (p.card()) {
                        cards.add(new String[] {sold.sale().cardNumber().value(), sold.pin()});
                    }
                }
                case PrepaidPay p -> {
                    if (p.card() && cards.isEmpty()) {
                        return;
                    }
                    Caller till = tills.get(p.company());
                    Money order = Money.of("100.00", "EUR");
                    Money amount = Money.ofMinorUnits(p.cents(), EUR);
                    String[] card = p.card() ? cards.get(p.member() % cards.size()) : null;
                    WalletService.Payment paid = p.card()
                            ? giftCards.hold(till, card[0], card[1], order, amount, null, null)
                            : wallets.hold(till, MemberIdentifier.byId(member(p.member())), Purpose.PREPAID, order,
                            amount, null, null);
                    if (p.capture()) {
                        wallets.capture(till, paid.id(), null);
                    } else {
                        wallets.release(till, paid.id());
                    }
                }
                case Expire x -> {
                    now = now.plus(Duration.ofDays(x.days()));
                    expiry.runAt(now);
                }
                case Fold f -> fold.run();
                case Close x -> {
                    ClearingReport report = tomorrow.close(c.admin(), closing);
                    if (closed == null) {
                        closed = report;
                    }
                }
            }
        }

        long member(int i) {
            return c.members().get(i);
        }

        void assertClearingHolds(Op after) {
            assertThat(ledger.check(c.circuitId()).differences()).as("after " + after).isEmpty();
            assertThat(jdbc.sql("select a.unit || ' ' || sum(p.amount) from posting p join account a "
                    + "on a.id = p.account_id where a.circuit_id = :c group by a.unit having sum(p.amount) <> 0")
                    .param("c", c.circuitId()).query(String.class).list()).as("each unit balances after " + after)
                    .isEmpty();

            assertThat(flows.between(c.circuitId(), month)).as("the monthly rows equal the lot movements after " + after)
                    .containsExactlyInAnyOrderElementsOf(flows.fromJournal(c.circuitId(), month));
            List<Flow> read = flows.between(c.circuitId(), around);
            assertThat(read).as("the daily rows equal the lot movements after " + after)
                    .containsExactlyInAnyOrderElementsOf(flows.fromJournal(c.circuitId(), around).stream()
                            .filter(f -> f.amount() != 0).toList());
            // purposes that end in the same redeemed account (a gift card is redeemed as prepaid credit) are summed
            for (List<Purpose> family : Arrays.stream(Purpose.values()).filter(Purpose::heldByHolders)
                    .collect(java.util.stream.Collectors.groupingBy(Purpose::redeemed)).values()) {
                long clearing = read.stream().filter(f -> family.contains(f.purpose())).mapToLong(Flow::amount).sum();
                assertThat(clearing).as(family + " clearing equals what their held and redeemed accounts gained, "
                        + "after " + after).isEqualTo(gained(family));
            }
            ClearingReport report = tomorrow.report(c.admin(), around);
            Map<Party, Money> balance = new HashMap<>();
            for (Position p : report.positions()) {
                balance.merge(p.debtor(), Money.zero(EUR).minus(p.amount()), Money::plus);
                balance.merge(p.creditor(), p.amount(), Money::plus);
            }
            assertThat(balance.values().stream().reduce(Money.zero(EUR), Money::plus)).as("positions net to zero")
                    .isEqualTo(Money.zero(EUR));
            if (closed != null) {
                ClearingReport frozen = tomorrow.report(c.admin(), closing);
                assertThat(frozen.lines()).as("a closed period never changes").isEqualTo(closed.lines());
                assertThat(frozen.settlements()).isEqualTo(closed.settlements());
            }
        }

        /** What the purposes' held and redeemed accounts gained, straight from the journal's postings. */
        long gained(List<Purpose> purposes) {
            return jdbc.sql("select coalesce(sum(p.amount), 0) from posting p join account a on a.id = p.account_id "
                            + "where a.circuit_id = :c and a.kind in (:kinds)")
                    .param("c", c.circuitId())
                    .param("kinds", purposes.stream().flatMap(p -> ClearingPolicy.redemptionAccounts(p).stream())
                            .map(AccountKind::name).distinct().toList())
                    .query(Long.class).single();
        }
    }
}
