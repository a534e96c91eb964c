package org.loyaltyhub.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.internal.BudgetService;
import org.loyaltyhub.programs.internal.ExpiryJobs;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.internal.PointsService;
import org.loyaltyhub.programs.internal.WalletService;
import org.loyaltyhub.programs.internal.ProgramAdmin;
import org.loyaltyhub.programs.internal.RedemptionService;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.purchases.internal.PurchaseService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.support.Circuits;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of everything that moves points — earn, refund, cancel, hold, capture, release, manual credit
 * and debit, voiding, expiry, budget recharge — and money — wallet payments and credits, prepaid credit and gift
 * card sales with bonus, gift card payments, attaching a card — and after every step the books still hold: each entry balances,
 * each balance equals its postings, lots and holds match, nothing available is negative, the circuit sums to zero
 * (so budgets + issuance + members + sinks are conserved), and a replayed purchase writes nothing.
 */
class LedgerInvariantProperties {

    sealed interface Op permits Earn, Advance, Hold, Settle, Adjust, Void, Recharge, Expire, WalletPay, WalletCredit,
            PrepaidSell, CardPay, CardAttach {
    }

    record Earn(int member, int cents, int status) implements Op {
    }

    record Advance(int purchase, int status, int refundPercent) implements Op {
    }

    record Hold(int member, int points) implements Op {
    }

    record Settle(int hold, boolean capture) implements Op {
    }

    record Adjust(int member, int points, boolean credit) implements Op {
    }

    record Void(int entry) implements Op {
    }

    record Recharge(int points) implements Op {
    }

    record Expire(int days) implements Op {
    }

    /** Pays {@code cents} of an order from a member's wallet of a purpose; captured or left held. */
    record WalletPay(int member, int cents, boolean discount, boolean capture) implements Op {
    }

    record WalletCredit(int member, int cents, boolean discount, boolean credit) implements Op {
    }

    /** Sells prepaid credit to a member, or a gift card when {@code card}, with an optional bonus. */
    record PrepaidSell(int member, int cents, int bonusCents, boolean card) implements Op {
    }

    /** Pays from a gift card sold earlier; captured, or left held (expiry releases it). */
    record CardPay(int card, int cents, boolean capture) implements Op {
    }

    /** Attaches a gift card sold earlier to a member: what is left moves to their prepaid credit. */
    record CardAttach(int card, int member) implements Op {
    }

    private static final PurchaseStatus[] STATUSES = PurchaseStatus.values();
    private static final java.util.Currency EUR = java.util.Currency.getInstance("EUR");

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 30);
        // prepaid operations come twice as often: a gift card must be sold before it pays or is attached
        Arbitrary<Op> sell = Combinators.combine(who, Arbitraries.integers().between(100, 5_000),
                Arbitraries.integers().between(0, 500), Arbitraries.of(true, false)).as(PrepaidSell::new);
        Arbitrary<Op> pay = Combinators.combine(index, Arbitraries.integers().between(1, 1_500),
                Arbitraries.of(true, false)).as(CardPay::new);
        Arbitrary<Op> op = Arbitraries.oneOf(
                Combinators.combine(who, Arbitraries.integers().between(0, 30_000), Arbitraries.integers().between(0, 2))
                        .as(Earn::new),
                Combinators.combine(index, Arbitraries.integers().between(0, STATUSES.length - 1),
                        Arbitraries.integers().between(0, 100)).as(Advance::new),
                Combinators.combine(who, Arbitraries.integers().between(1, 400)).as(Hold::new),
                Combinators.combine(index, Arbitraries.of(true, false)).as(Settle::new),
                Combinators.combine(who, Arbitraries.integers().between(1, 300), Arbitraries.of(true, false))
                        .as(Adjust::new),
                index.map(Void::new),
                Arbitraries.integers().between(1, 2_000).map(Recharge::new),
                Arbitraries.integers().between(1, 40).map(Expire::new),
                Combinators.combine(who, Arbitraries.integers().between(1, 800), Arbitraries.of(true, false),
                        Arbitraries.of(true, false)).as(WalletPay::new),
                Combinators.combine(who, Arbitraries.integers().between(1, 800), Arbitraries.of(true, false),
                        Arbitraries.of(true, false)).as(WalletCredit::new),
                sell, sell, pay, pay, Combinators.combine(index, who).as(CardAttach::new));
        return op.list().ofMinSize(5).ofMaxSize(25);
    }

    @Property(tries = 25, shrinking = ShrinkingMode.OFF)
    void theBooksBalanceAfterEveryStepOfAnySequence(@ForAll("operations") List<Op> ops) {
        ApplicationContext ctx = Circuits.context();
        Circuits c = Circuits.create(ctx, true, 3);
        new Run(ctx, c).play(ops);
    }

    /** Executes operations against one circuit and checks the invariants after each. */
    private static final class Run {
        final Circuits c;
        final PurchaseService purchases;
        final RedemptionService redemptions;
        final PointsService points;
        final WalletService wallets;
        final BudgetService budgets;
        final ExpiryJobs expiry;
        final Ledger ledger;
        final JdbcClient jdbc;
        final List<RecordPurchase> orders = new ArrayList<>();
        final List<Long> holds = new ArrayList<>();
        final List<Long> payments = new ArrayList<>();
        final List<Long> entries = new ArrayList<>();
        final List<String[]> cards = new ArrayList<>();
        final org.loyaltyhub.programs.internal.PrepaidService prepaid;
        final org.loyaltyhub.programs.internal.GiftCardService giftCards;
        Instant now = Instant.now();

        Run(ApplicationContext ctx, Circuits c) {
            this.c = c;
            this.purchases = ctx.getBean(PurchaseService.class);
            this.redemptions = ctx.getBean(RedemptionService.class);
            this.points = ctx.getBean(PointsService.class);
            this.wallets = ctx.getBean(WalletService.class);
            this.budgets = ctx.getBean(BudgetService.class);
            this.expiry = ctx.getBean(ExpiryJobs.class);
            this.ledger = ctx.getBean(Ledger.class);
            this.jdbc = ctx.getBean(JdbcClient.class);
            this.prepaid = ctx.getBean(org.loyaltyhub.programs.internal.PrepaidService.class);
            this.giftCards = ctx.getBean(org.loyaltyhub.programs.internal.GiftCardService.class);
            // prepaid credit valid 12 months (the expiry steps reach it now and then), accepted everywhere
            prepaid.changeSettings(c.admin(), new org.loyaltyhub.programs.PrepaidSettings(true, 12, BigDecimal.ONE,
                    new BigDecimal("500"), List.of(), org.loyaltyhub.programs.PrepaidSettings.AcceptedAt.ALL, List.of()));
            ProgramSettings d = ProgramSettings.defaults();
            ctx.getBean(ProgramAdmin.class).change(c.admin(), new ProgramSettings(true, 1, BigDecimal.ONE,
                    ProgramSettings.Rounding.PROPORTIONAL_DOWN, ProgramSettings.Stage.CREATED,
                    ProgramSettings.Stage.COMPLETED, 0, 0, 0, false, ProgramSettings.Validity.MONTHS, 1,
                    d.redeemPoints(), d.redeemValue(), 0, BigDecimal.ZERO, null, null, false,
                    ProgramSettings.RedeemableProducts.ALL, 30, null));
            budgets.recharge(c.admin(), c.companyId(), 500, "start");
            // purchases earn cashback and accumulated discounts too, in the circuit's currency, expiring after a month
            ctx.getBean(org.loyaltyhub.programs.internal.MoneyProgramAdmin.class).changeProgram(c.admin(), Purpose.CASHBACK, null, new MoneyProgram(true, new BigDecimal("5"), 1,
                    BigDecimal.ZERO, new BigDecimal("50")));
            ctx.getBean(org.loyaltyhub.programs.internal.MoneyProgramAdmin.class).changeProgram(c.admin(), Purpose.DISCOUNT, null, new MoneyProgram(true, new BigDecimal("2.5"), null,
                    BigDecimal.ZERO, BigDecimal.valueOf(100)));
        }

        void play(List<Op> ops) {
            long start = entryCount();
            for (Op op : ops) {
                try {
                    apply(op);
                } catch (LoyaltyException refused) {
                    assertThat(refused.failure()).as(op + " was refused with " + refused.getMessage()).isNotEqualTo(org.loyaltyhub.shared.Failure.UPSTREAM);
                }
                assertBooksHold(op);
            }
            assertThat(entryCount()).as("the sequence moved points at all").isGreaterThanOrEqualTo(start);
        }

        void apply(Op op) {
            switch (op) {
                case Earn e -> {
                    BigDecimal total = BigDecimal.valueOf(e.cents(), 2);
                    RecordPurchase p = new RecordPurchase("o" + orders.size(), null, null,
                            MemberIdentifier.byId(member(e.member())), "EUR", total, null,
                            STATUSES[e.status()], null, null, null);
                    orders.add(p);
                    purchases.record(c.till(), p);
                    long before = entryCount();
                    purchases.record(c.till(), p);
                    assertThat(entryCount()).as("a replayed purchase writes nothing").isEqualTo(before);
                }
                case Advance a -> {
                    if (orders.isEmpty()) {
                        return;
                    }
                    RecordPurchase p = orders.get(a.purchase() % orders.size());
                    PurchaseStatus status = STATUSES[a.status()];
                    BigDecimal refunded = status == PurchaseStatus.PARTIALLY_REFUNDED
                            ? p.total().multiply(BigDecimal.valueOf(a.refundPercent())).divide(BigDecimal.valueOf(100),
                            2, RoundingMode.DOWN).max(new BigDecimal("0.01")).min(p.total())
                            : null;
                    purchases.record(c.till(), new RecordPurchase(p.orderId(), null, null, p.member(), "EUR",
                            p.total(), refunded, status, null, null, null));
                }
                case Hold h -> holds.add(redemptions.hold(c.till(), MemberIdentifier.byId(member(h.member())),
                        new RedemptionService.Cart(Money.of("1000.00", "EUR"), List.of()), (long) h.points(), null,
                        null).id());
                case Settle s -> {
                    if (holds.isEmpty()) {
                        return;
                    }
                    long id = holds.get(s.hold() % holds.size());
                    if (s.capture()) {
                        redemptions.capture(c.till(), id, null);
                    } else {
                        redemptions.release(c.till(), id);
                    }
                }
                case Adjust a -> entries.add(points.adjust(c.admin(), member(a.member()),
                        a.credit() ? PointsService.Direction.CREDIT : PointsService.Direction.DEBIT, a.points(),
                        "property", null).entryId());
                case Void v -> {
                    if (!entries.isEmpty()) {
                        points.reverse(c.admin(), entries.get(v.entry() % entries.size()), "property");
                    }
                }
                case Recharge r -> budgets.recharge(c.admin(), c.companyId(), r.points(), null);
                case WalletPay w -> {
                    Purpose purpose = w.discount() ? Purpose.DISCOUNT : Purpose.CASHBACK;
                    WalletService.Payment p = wallets.hold(c.till(), MemberIdentifier.byId(member(w.member())), purpose,
                            Money.of("100.00", "EUR"), Money.ofMinorUnits(w.cents(), EUR), null, null);
                    payments.add(p.id());
                    if (w.capture()) {
                        wallets.capture(c.till(), p.id(), null);
                    } else if (payments.size() > 1) {
                        wallets.release(c.till(), payments.get(w.cents() % payments.size()));
                    }
                }
                case WalletCredit w -> wallets.adjust(c.admin(), member(w.member()),
                        w.discount() ? Purpose.DISCOUNT : Purpose.CASHBACK,
                        w.credit() ? WalletService.Direction.CREDIT : WalletService.Direction.DEBIT,
                        Money.ofMinorUnits(w.cents(), EUR), "property");
                case PrepaidSell p -> {
                    var sold = prepaid.sell(c.till(), new org.loyaltyhub.programs.internal.PrepaidService.Sell(
                            p.card() ? null : MemberIdentifier.byId(member(p.member())), Money.ofMinorUnits(p.cents(), EUR),
                            Money.ofMinorUnits(Math.min(p.bonusCents(), p.cents()), EUR),
                            org.loyaltyhub.programs.internal.PaymentMethod.CASH, "p" + entryCount(), null));
                    if (p.card()) {
                        cards.add(new String[] {sold.sale().cardNumber().value(), sold.pin()});
                    }
                }
                case CardPay p -> {
                    if (cards.isEmpty()) {
                        return;
                    }
                    String[] card = cards.get(p.card() % cards.size());
                    WalletService.Payment paid = giftCards.hold(c.till(), card[0], card[1], Money.of("100.00", "EUR"),
                            Money.ofMinorUnits(p.cents(), EUR), null, null);
                    if (p.capture()) {
                        wallets.capture(c.till(), paid.id(), null);
                    }
                }
                case CardAttach a -> {
                    if (!cards.isEmpty()) {
                        String[] card = cards.get(a.card() % cards.size());
                        giftCards.attach(c.till(), MemberIdentifier.byId(member(a.member())), card[0], card[1]);
                    }
                }
                case Expire x -> {
                    now = now.plus(Duration.ofDays(x.days()));
                    expiry.runAt(now);
                }
            }
        }

        long member(int i) {
            return c.members().get(i);
        }

        long entryCount() {
            return jdbc.sql("select count(*) from journal_entry where circuit_id = :c").param("c", c.circuitId())
                    .query(Long.class).single();
        }

        void assertBooksHold(Op after) {
            Ledger.LedgerCheck check = ledger.check(c.circuitId());
            assertThat(check.differences()).as("after " + after).isEmpty();
            List<String> units = jdbc.sql("select a.unit || ' ' || sum(p.amount) from posting p "
                    + "join account a on a.id = p.account_id where a.circuit_id = :c group by a.unit having sum(p.amount) <> 0")
                    .param("c", c.circuitId()).query(String.class).list();
            assertThat(units).as("points and money are each conserved after " + after).isEmpty();
            for (long m : c.members()) {
                assertThat(ledger.balance(c.circuitId(), AccountRef.available(m))).isNotNegative();
            }
            assertThat(ledger.balance(c.circuitId(), AccountRef.budget(c.companyId()))).isNotNegative();
        }
    }
}
