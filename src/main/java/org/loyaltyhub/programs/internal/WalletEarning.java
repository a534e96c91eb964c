package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchaseFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a purchase's cashback and accumulated discount in step with its facts, in the same settlement as its
 * points and by the same moments (pending from, award moment): the amount is fixed when the purchase is first
 * recorded, reduced in proportion to refunds, withdrawn when it is cancelled. Each step is an entry under its own
 * key ({@code purchase:<id>:<purpose>:<n>}), from the purpose's circuit issuance account; the lots it opens are
 * issued by the company that sold, which owes their value to whoever redeems them.
 */
@Component
class WalletEarning {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final MoneyPrograms programs;
    private final Clock clock;

    private final CircuitFeatures features;

    WalletEarning(JdbcClient jdbc, Ledger ledger, MoneyPrograms programs, Clock clock, CircuitFeatures features) {
        this.features = features;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.programs = programs;
        this.clock = clock;
    }

    private record Award(long base, String label, long pending, long available, int steps, Long lotEntryId) {
    }

    /** Settles every money purpose of the purchase; {@code multipliers} are the member's status multipliers now. */
    void settle(PurchaseFacts f, ProgramSettings s, java.util.function.Supplier<List<EarningBoost.Multiplier>> multipliers) {
        if (f.fresh() && !features.of(f.circuitId()).money()) {
            return; // a new purchase where no money program was ever set: nothing to credit, nothing earlier to undo
        }
        for (Purpose purpose : Purpose.values()) {
            if (MoneyProgram.runs(purpose)) {
                settle(f, s, purpose, multipliers);
            }
        }
    }

    private void settle(PurchaseFacts f, ProgramSettings s, Purpose purpose,
                        java.util.function.Supplier<List<EarningBoost.Multiplier>> multipliers) {
        Optional<Award> existing = lock(f.purchaseId(), purpose);
        MoneyPrograms.Applicable at = existing.isPresent() ? null : programs.applicable(f.circuitId(), f.companyId(),
                f.storeId(), purpose, f.lines().stream().map(PurchaseFacts.Line::productId)
                        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        if (at != null && !at.program().enabled()) {
            return; // a purchase recorded while the program is off never earns by it
        }
        MoneyProgram program = at != null ? at.program() : programs.effective(f.circuitId(), f.companyId(), purpose);
        Award award = existing.orElseGet(() -> open(f, purpose, at, multipliers.get()));
        long target = f.voided() ? 0 : EarningPolicy.afterRefund(award.base(), f.total().amount(), f.refunded().amount());
        long wantAvailable = reached(f.stage(), s.awardMoment()) ? target : 0;
        long wantPending = wantAvailable == 0 && s.pendingFrom() != Stage.NONE && reached(f.stage(), s.pendingFrom())
                ? target : 0;
        Steps steps = new Steps(f, purpose, award, program);
        long promote = Math.min(steps.pending, Math.max(0, wantAvailable - steps.available));
        String label = purpose == Purpose.CASHBACK ? "Cashback" : "Accumulated discount";
        if (promote > 0) {
            steps.post("PENDING_RELEASE", label + " became available", steps.pending(), steps.available(), promote,
                    null, steps.newLot());
            steps.pending -= promote;
            steps.available += promote;
        }
        if (wantAvailable > steps.available) {
            long more = wantAvailable - steps.available;
            steps.post("EARN", award.label(), steps.source(), steps.available(), more, null, steps.newLot());
            steps.available += more;
        }
        if (wantPending > steps.pending) {
            long more = wantPending - steps.pending;
            steps.post("EARN_PENDING", award.label() + " (pending until the order is "
                    + s.awardMoment().name().toLowerCase() + ")", steps.source(), steps.pending(), more, null, null);
            steps.pending += more;
        }
        if (wantPending < steps.pending) {
            long less = steps.pending - wantPending;
            steps.post("EARN_REVERSAL", f.voided() ? "Order cancelled: pending " + label.toLowerCase() + " withdrawn"
                    : "Order refunded: pending " + label.toLowerCase() + " withdrawn", steps.pending(), steps.source(),
                    less, null, null);
            steps.pending -= less;
        }
        if (wantAvailable < steps.available) {
            // what the member already spent stays spent: withdraw at most what is left
            long balance = ledger.balance(f.circuitId(), steps.available());
            long less = Math.min(steps.available - wantAvailable, balance);
            if (less > 0) {
                LotRule rule = award.lotEntryId() == null ? null : new LotRule.ConsumeFirst(award.lotEntryId());
                steps.post("EARN_REVERSAL", f.voided() ? "Order cancelled: " + label.toLowerCase() + " withdrawn"
                        : "Order refunded: " + label.toLowerCase() + " withdrawn in proportion", steps.available(),
                        steps.source(), less, rule, null);
                steps.available -= less;
            }
        }
        jdbc.sql("update purchase_money_award set pending = :p, available = :a, steps = :steps, lot_entry_id = :lot "
                        + "where purchase_id = :id and purpose = :purpose")
                .param("p", steps.pending).param("a", steps.available).param("steps", steps.count)
                .param("lot", steps.lotEntryId).param("id", f.purchaseId()).param("purpose", purpose.name()).update();
    }

    private Optional<Award> lock(long purchaseId, Purpose purpose) {
        return jdbc.sql("select * from purchase_money_award where purchase_id = :id and purpose = :p for update")
                .param("id", purchaseId).param("p", purpose.name())
                .query((rs, n) -> new Award(rs.getLong("base"), rs.getString("label"), rs.getLong("pending"),
                        rs.getLong("available"), rs.getInt("steps"), (Long) rs.getObject("lot_entry_id")))
                .optional();
    }

    /**
     * The purchase's award of a purpose: what its full amount is worth by the rates in force now (products', the
     * store's, the company's or the circuit's), fixed from then, with the rule that applied as its label.
     */
    private Award open(PurchaseFacts f, Purpose purpose, MoneyPrograms.Applicable at,
                       List<EarningBoost.Multiplier> multipliers) {
        WalletEarningPolicy.Earned earned = WalletEarningPolicy.earned(at.program(), at.rates(), f.lines(), f.total(),
                multipliers);
        long base = earned.minorUnits();
        String label = (purpose == Purpose.CASHBACK ? "Cashback on " : "Accumulated discount on ") + f.total() + ": "
                + earned.rule();
        jdbc.sql("insert into purchase_money_award (purchase_id, purpose, circuit_id, base, label, rule) "
                        + "values (:id, :p, :c, :base, :label, :rule)")
                .param("id", f.purchaseId()).param("p", purpose.name()).param("c", f.circuitId()).param("base", base)
                .param("label", label).param("rule", earned.rule()).update();
        return new Award(base, label, 0, 0, 0, null);
    }

    private static boolean reached(Stage stage, Stage needed) {
        return needed != Stage.NONE && stage.ordinal() >= needed.ordinal();
    }

    /** The running state of one purpose's settlement and how it posts each step. */
    private final class Steps {
        private final PurchaseFacts f;
        private final Purpose purpose;
        private final MoneyProgram program;
        long pending;
        long available;
        int count;
        Long lotEntryId;

        Steps(PurchaseFacts f, Purpose purpose, Award award, MoneyProgram program) {
            this.f = f;
            this.purpose = purpose;
            this.program = program;
            this.pending = award.pending();
            this.available = award.available();
            this.count = award.steps();
            this.lotEntryId = award.lotEntryId();
        }

        AccountRef source() {
            return AccountRef.circuit(purpose.issuance());
        }

        AccountRef available() {
            return AccountRef.member(purpose.available(), f.memberId());
        }

        AccountRef pending() {
            return AccountRef.member(purpose.pending(), f.memberId());
        }

        LotRule newLot() {
            Instant now = clock.instant();
            return new LotRule.NewLot(f.companyId(), program.expiryMonths() == null ? null
                    : now.atZone(ZoneOffset.UTC).plusMonths(program.expiryMonths()).toInstant());
        }

        void post(String step, String reason, AccountRef from, AccountRef to, long amount, LotRule fromRule,
                  LotRule toRule) {
            count++;
            PostedEntry entry = ledger.post(EntryDraft.transfer(f.circuitId(),
                            "purchase:" + f.purchaseId() + ":" + purpose.name().toLowerCase() + ":" + count,
                            purpose.name() + "_" + step, reason)
                    .move(from, to, amount, fromRule, toRule).member(f.memberId()).company(f.companyId())
                    .store(f.storeId()).actor(f.actor()).build());
            if (toRule instanceof LotRule.NewLot) {
                lotEntryId = entry.id();
            }
        }
    }
}
