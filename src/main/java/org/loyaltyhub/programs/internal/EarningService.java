package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.programs.Earning;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.PurchasePoints;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * Keeps a purchase's points in step with its facts. The purchase's award row is locked, the target (pending,
 * available) computed from the facts, and only the difference posted, each step under its own business key.
 */
@Service
@Transactional
class EarningService implements Earning {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ProgramStore store;
    private final Tenancy tenancy;
    private final Clock clock;
    private final Activity activity;
    private final java.util.List<EarningBoost> boosts;
    private final org.springframework.beans.factory.ObjectProvider<PurchaseListener> listeners;
    private final WalletEarning wallets;

    EarningService(JdbcClient jdbc, Ledger ledger, ProgramStore store, Tenancy tenancy, Clock clock,
                   Activity activity, java.util.List<EarningBoost> boosts,
                   org.springframework.beans.factory.ObjectProvider<PurchaseListener> listeners, WalletEarning wallets) {
        this.wallets = wallets;
        this.listeners = listeners;
        this.activity = activity;
        this.boosts = boosts;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.store = store;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    private record Award(Long sourceCompanyId, long base, long pending, long available, int steps, Long lotEntryId,
                         String boost, java.math.BigDecimal countedSpent, int countedPurchases,
                         java.time.LocalDate countedMonth) {
    }

    @Override
    public PurchasePoints settle(PurchaseFacts f) {
        ProgramSettings s = store.settings(f.circuitId());
        // a purchase this transaction has just created has no award row yet, and nobody else can see it: the row is
        // written once, at the end, with the final figures
        Award award = f.fresh() ? newAward(f, s) : openAward(f, s).or(() -> lockAward(f.purchaseId())).orElseThrow();
        long target = f.voided() ? 0 : EarningPolicy.afterRefund(award.base(), f.total().amount(), f.refunded().amount());
        long wantAvailable = reached(f.stage(), s.awardMoment()) ? target : 0;
        long wantPending = wantAvailable == 0 && s.pendingFrom() != Stage.NONE && reached(f.stage(), s.pendingFrom())
                ? target : 0;
        Steps steps = new Steps(f, award, s);
        steps.count(f.voided() || !reached(f.stage(), s.awardMoment()) ? java.math.BigDecimal.ZERO
                : f.total().amount().subtract(f.refunded().amount()).max(java.math.BigDecimal.ZERO));
        long promote = Math.min(steps.pending, Math.max(0, wantAvailable - steps.available));
        if (promote > 0) {
            steps.post("PENDING_RELEASE", "Pending points became available",
                    AccountRef.pending(f.memberId()), AccountRef.available(f.memberId()), promote, null, steps.newLot());
            steps.pending -= promote;
            steps.available += promote;
        }
        if (wantAvailable > steps.available) {
            long more = wantAvailable - steps.available;
            steps.post("EARN", reason(s, award.boost()), steps.source(), AccountRef.available(f.memberId()), more, null, steps.newLot());
            steps.available += more;
        }
        if (wantPending > steps.pending) {
            long more = wantPending - steps.pending;
            steps.post("EARN_PENDING", reason(s, award.boost()) + " (pending until the order is " + s.awardMoment().name().toLowerCase() + ")",
                    steps.source(), AccountRef.pending(f.memberId()), more, null, null);
            steps.pending += more;
        }
        if (wantPending < steps.pending) {
            long less = steps.pending - wantPending;
            steps.post("EARN_REVERSAL", f.voided() ? "Order cancelled: pending points withdrawn"
                    : "Order refunded: pending points withdrawn", AccountRef.pending(f.memberId()), steps.source(), less,
                    null, null);
            steps.pending -= less;
        }
        if (wantAvailable < steps.available) {
            long balance = ledger.balance(f.circuitId(), AccountRef.available(f.memberId()));
            long less = Math.min(steps.available - wantAvailable, balance);
            if (less > 0) {
                LotRule rule = award.lotEntryId() == null ? null : new LotRule.ConsumeFirst(award.lotEntryId());
                steps.post("EARN_REVERSAL", f.voided() ? "Order cancelled: points withdrawn"
                                : "Order refunded: points withdrawn in proportion", AccountRef.available(f.memberId()),
                        steps.source(), less, rule, null);
                steps.available -= less;
            }
        }
        if (f.fresh()) {
            jdbc.sql("insert into purchase_award (purchase_id, circuit_id, source_company_id, base_points, pending, "
                            + "available, steps, lot_entry_id, boost, counted_spent, counted_purchases, counted_month) "
                            + "values (:id, :c, :source, :base, :p, :a, :steps, :lot, :boost, :spent, :purchases, :month)")
                    .param("id", f.purchaseId()).param("c", f.circuitId()).param("source", award.sourceCompanyId())
                    .param("base", award.base()).param("p", steps.pending).param("a", steps.available)
                    .param("steps", steps.count).param("lot", steps.lotEntryId).param("boost", award.boost())
                    .param("spent", steps.spent).param("purchases", steps.purchases)
                    .param("month", steps.month == null ? null : java.sql.Date.valueOf(steps.month)).update();
        } else {
            jdbc.sql("update purchase_award set pending = :p, available = :a, steps = :steps, lot_entry_id = :lot, "
                            + "counted_spent = :spent, counted_purchases = :purchases, counted_month = :month "
                            + "where purchase_id = :id")
                    .param("p", steps.pending).param("a", steps.available).param("steps", steps.count)
                    .param("lot", steps.lotEntryId).param("spent", steps.spent).param("purchases", steps.purchases)
                    .param("month", steps.month == null ? null : java.sql.Date.valueOf(steps.month))
                    .param("id", f.purchaseId()).update();
        }
        if (f.withoutPoints()) {
            return new PurchasePoints(award.base(), steps.pending, steps.available); // a past purchase earns nothing
        }
        // cashback and accumulated discounts: same facts, same moments, their own steps and keys
        wallets.settle(f, s, () -> multipliers(f.circuitId(), f.memberId()));
        listeners.orderedStream().forEach(l -> l.settled(f));
        return new PurchasePoints(award.base(), steps.pending, steps.available);
    }

    @Override
    @Transactional(readOnly = true)
    public long preview(long circuitId, java.math.BigDecimal total) {
        return EarningPolicy.points(store.settings(circuitId), java.util.Map.of(), java.util.List.of(), total);
    }

    @Override
    public long preview(long circuitId, java.math.BigDecimal total, java.util.List<PurchaseFacts.Line> lines) {
        return preview(circuitId, null, total, lines);
    }

    @Override
    @Transactional(readOnly = true)
    public long preview(long circuitId, Long memberId, java.math.BigDecimal total,
                        java.util.List<PurchaseFacts.Line> lines) {
        var rules = lines.isEmpty() ? java.util.Map.<String, org.loyaltyhub.programs.ProductRule>of()
                : store.rules(circuitId, lines.stream().map(PurchaseFacts.Line::productId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        long points = EarningPolicy.points(store.settings(circuitId), rules, lines, total);
        return memberId == null ? points : EarningPolicy.multiplied(points, multipliers(circuitId, memberId));
    }

    /** The multipliers the member's status gives their purchases now. */
    private java.util.List<EarningBoost.Multiplier> multipliers(long circuitId, long memberId) {
        return boosts.stream().flatMap(b -> b.earning(circuitId, memberId).stream()).toList();
    }

    private static boolean reached(Stage stage, Stage needed) {
        return needed != Stage.NONE && stage.ordinal() >= needed.ordinal();
    }

    private static String reason(ProgramSettings s, String boost) {
        return "Purchase: " + s.earnPoints() + " points per " + s.earnPerAmount().stripTrailingZeros().toPlainString()
                + " spent" + (boost == null ? "" : ", " + boost);
    }

    private Optional<Award> lockAward(long purchaseId) {
        return jdbc.sql("select * from purchase_award where purchase_id = :id for update").param("id", purchaseId)
                .query((rs, n) -> new Award((Long) rs.getObject("source_company_id"), rs.getLong("base_points"),
                        rs.getLong("pending"), rs.getLong("available"), rs.getInt("steps"),
                        (Long) rs.getObject("lot_entry_id"), rs.getString("boost"), rs.getBigDecimal("counted_spent"),
                        rs.getInt("counted_purchases"), rs.getObject("counted_month", java.time.LocalDate.class)))
                .optional();
    }

    /**
     * The purchase's award row when this call creates it (the points its full amount is worth, fixed from then on,
     * and whose budget pays for them); empty when it already exists.
     */
    private Optional<Award> openAward(PurchaseFacts f, ProgramSettings s) {
        Award fresh = newAward(f, s);
        long base = fresh.base();
        Long source = fresh.sourceCompanyId();
        return jdbc.sql("insert into purchase_award (purchase_id, circuit_id, source_company_id, base_points, boost) "
                        + "values (:id, :c, :source, :base, :boost) on conflict do nothing returning base_points")
                .param("id", f.purchaseId()).param("c", f.circuitId()).param("source", source).param("base", base)
                .param("boost", fresh.boost())
                .query(Long.class).optional()
                .map(b -> new Award(source, b, 0, 0, 0, null, fresh.boost(), java.math.BigDecimal.ZERO, 0, null));
    }

    /**
     * What a new purchase's award starts from: the points its full amount is worth (times the multipliers of the
     * member's status now), and whose budget pays.
     */
    private Award newAward(PurchaseFacts f, ProgramSettings s) {
        if (f.withoutPoints()) {
            return new Award(null, 0, 0, 0, 0, null, null, java.math.BigDecimal.ZERO, 0, null);
        }
        long base = EarningPolicy.points(s, store.rules(f.circuitId(), f.lines().stream()
                        .map(PurchaseFacts.Line::productId).filter(java.util.Objects::nonNull).distinct().toList()),
                f.lines(), f.total().amount());
        java.util.List<EarningBoost.Multiplier> multipliers = base == 0 ? java.util.List.of()
                : multipliers(f.circuitId(), f.memberId());
        String boost = multipliers.isEmpty() ? null
                : String.join(", ", multipliers.stream().map(EarningBoost.Multiplier::label).toList());
        Long source = tenancy.circuit(f.circuitId()).budgetsEnforced() ? f.companyId() : null;
        return new Award(source, EarningPolicy.multiplied(base, multipliers), 0, 0, 0, null, boost,
                java.math.BigDecimal.ZERO, 0, null);
    }

    /** The running state of one settlement and how it posts each step. */
    private final class Steps {
        private final PurchaseFacts f;
        private final Award award;
        private final ProgramSettings s;
        long pending;
        long available;
        int count;
        Long lotEntryId;
        java.math.BigDecimal spent;
        int purchases;
        java.time.LocalDate month;

        Steps(PurchaseFacts f, Award award, ProgramSettings s) {
            this.f = f;
            this.award = award;
            this.s = s;
            this.pending = award.pending();
            this.available = award.available();
            this.count = award.steps();
            this.lotEntryId = award.lotEntryId();
            this.spent = award.countedSpent();
            this.purchases = award.countedPurchases();
            this.month = award.countedMonth();
        }

        /** Brings what the purchase counts in the member's activity to {@code target} spent (one purchase if any). */
        void count(java.math.BigDecimal target) {
            int wantPurchases = target.signum() > 0 ? 1 : 0;
            if (target.compareTo(spent) == 0 && wantPurchases == purchases) {
                return;
            }
            if (month == null) {
                // a past purchase counts in the month it happened, not in the month it was brought in
                month = f.withoutPoints() && f.occurredAt() != null
                        ? java.time.LocalDate.ofInstant(f.occurredAt(), java.time.ZoneOffset.UTC).withDayOfMonth(1)
                        : activity.thisMonth();
            }
            activity.add(f.circuitId(), f.memberId(), month, 0, target.subtract(spent), wantPurchases - purchases);
            spent = target;
            purchases = wantPurchases;
        }

        AccountRef source() {
            return award.sourceCompanyId() == null ? AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE)
                    : AccountRef.budget(award.sourceCompanyId());
        }

        LotRule newLot() {
            return new LotRule.NewLot(f.companyId(), Expiry.of(s, clock.instant()));
        }

        void post(String kind, String reason, AccountRef from, AccountRef to, long points, LotRule fromRule,
                  LotRule toRule) {
            count++;
            PostedEntry entry = ledger.post(EntryDraft.transfer(f.circuitId(), "purchase:" + f.purchaseId() + ":" + count,
                            kind, reason)
                    .move(from, to, points, fromRule, toRule).member(f.memberId()).company(f.companyId())
                    .store(f.storeId()).actor(f.actor()).build());
            if (toRule instanceof LotRule.NewLot) {
                lotEntryId = entry.id();
            }
        }
    }
}
