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

    EarningService(JdbcClient jdbc, Ledger ledger, ProgramStore store, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.store = store;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    private record Award(Long sourceCompanyId, long base, long pending, long available, int steps, Long lotEntryId) {
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
        long promote = Math.min(steps.pending, Math.max(0, wantAvailable - steps.available));
        if (promote > 0) {
            steps.post("PENDING_RELEASE", "Pending points became available",
                    AccountRef.pending(f.memberId()), AccountRef.available(f.memberId()), promote, null, steps.newLot());
            steps.pending -= promote;
            steps.available += promote;
        }
        if (wantAvailable > steps.available) {
            long more = wantAvailable - steps.available;
            steps.post("EARN", reason(s), steps.source(), AccountRef.available(f.memberId()), more, null, steps.newLot());
            steps.available += more;
        }
        if (wantPending > steps.pending) {
            long more = wantPending - steps.pending;
            steps.post("EARN_PENDING", reason(s) + " (pending until the order is " + s.awardMoment().name().toLowerCase() + ")",
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
                            + "available, steps, lot_entry_id) values (:id, :c, :source, :base, :p, :a, :steps, :lot)")
                    .param("id", f.purchaseId()).param("c", f.circuitId()).param("source", award.sourceCompanyId())
                    .param("base", award.base()).param("p", steps.pending).param("a", steps.available)
                    .param("steps", steps.count).param("lot", steps.lotEntryId).update();
        } else {
            jdbc.sql("update purchase_award set pending = :p, available = :a, steps = :steps, lot_entry_id = :lot "
                            + "where purchase_id = :id")
                    .param("p", steps.pending).param("a", steps.available).param("steps", steps.count)
                    .param("lot", steps.lotEntryId).param("id", f.purchaseId()).update();
        }
        return new PurchasePoints(award.base(), steps.pending, steps.available);
    }

    @Override
    @Transactional(readOnly = true)
    public long preview(long circuitId, java.math.BigDecimal total) {
        return EarningPolicy.points(store.settings(circuitId), java.util.Map.of(), java.util.List.of(), total);
    }

    @Override
    public long preview(long circuitId, java.math.BigDecimal total, java.util.List<PurchaseFacts.Line> lines) {
        if (lines.isEmpty()) {
            return preview(circuitId, total);
        }
        var rules = store.rules(circuitId, lines.stream().map(PurchaseFacts.Line::productId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return EarningPolicy.points(store.settings(circuitId), rules, lines, total);
    }

    private static boolean reached(Stage stage, Stage needed) {
        return needed != Stage.NONE && stage.ordinal() >= needed.ordinal();
    }

    private static String reason(ProgramSettings s) {
        return "Purchase: " + s.earnPoints() + " points per " + s.earnPerAmount().stripTrailingZeros().toPlainString()
                + " spent";
    }

    private Optional<Award> lockAward(long purchaseId) {
        return jdbc.sql("select * from purchase_award where purchase_id = :id for update").param("id", purchaseId)
                .query((rs, n) -> new Award((Long) rs.getObject("source_company_id"), rs.getLong("base_points"),
                        rs.getLong("pending"), rs.getLong("available"), rs.getInt("steps"),
                        (Long) rs.getObject("lot_entry_id")))
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
        return jdbc.sql("insert into purchase_award (purchase_id, circuit_id, source_company_id, base_points) "
                        + "values (:id, :c, :source, :base) on conflict do nothing returning base_points")
                .param("id", f.purchaseId()).param("c", f.circuitId()).param("source", source).param("base", base)
                .query(Long.class).optional()
                .map(b -> new Award(source, b, 0, 0, 0, null));
    }

    /** What a new purchase's award starts from: the points its full amount is worth, and whose budget pays. */
    private Award newAward(PurchaseFacts f, ProgramSettings s) {
        long base = EarningPolicy.points(s, store.rules(f.circuitId(), f.lines().stream()
                        .map(PurchaseFacts.Line::productId).filter(java.util.Objects::nonNull).distinct().toList()),
                f.lines(), f.total().amount());
        Long source = tenancy.circuit(f.circuitId()).budgetsEnforced() ? f.companyId() : null;
        return new Award(source, base, 0, 0, 0, null);
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

        Steps(PurchaseFacts f, Award award, ProgramSettings s) {
            this.f = f;
            this.award = award;
            this.s = s;
            this.pending = award.pending();
            this.available = award.available();
            this.count = award.steps();
            this.lotEntryId = award.lotEntryId();
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
