package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.programs.PastEarning;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.PurchasePoints;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A past purchase's award row, written once with what the purchase counted (its net spend, in its own month) and the
 * points credited, so a later status change of the purchase ({@link EarningService}) settles from there like any
 * other. The points are posted as {@code EARN_PAST}, which the activity listener does not count in the current month:
 * they are counted here, in the purchase's month.
 */
@Service
@Transactional
class PastPurchaseAwards implements PastEarning {

    static final String KIND = "EARN_PAST";

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ProgramStore store;
    private final Tenancy tenancy;
    private final Activity activity;
    private final Clock clock;

    PastPurchaseAwards(JdbcClient jdbc, Ledger ledger, ProgramStore store, Tenancy tenancy, Activity activity,
                       Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.store = store;
        this.tenancy = tenancy;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public PurchasePoints settlePast(PurchaseFacts f, boolean points) {
        if (!f.fresh() || f.occurredAt() == null) {
            throw new IllegalArgumentException("a past purchase is settled once, when it is recorded, with its date");
        }
        ProgramSettings s = store.settings(f.circuitId());
        BigDecimal net = f.voided() ? BigDecimal.ZERO
                : f.total().amount().subtract(f.refunded().amount()).max(BigDecimal.ZERO);
        int purchases = net.signum() > 0 ? 1 : 0;
        LocalDate month = LocalDate.ofInstant(f.occurredAt(), ZoneOffset.UTC).withDayOfMonth(1);
        Instant expiresAt = Expiry.of(s, f.occurredAt());
        boolean expired = expiresAt != null && !expiresAt.isAfter(clock.instant());
        long base = !points || expired || f.voided() ? 0
                : EarningPolicy.points(s, Map.of(), f.lines(), f.total().amount());
        long credited = EarningPolicy.afterRefund(base, f.total().amount(), f.refunded().amount());
        Long source = tenancy.circuit(f.circuitId()).budgetsEnforced() ? f.companyId() : null;
        Long lotEntry = null;
        if (credited > 0) {
            lotEntry = ledger.post(EntryDraft.transfer(f.circuitId(), "purchase:" + f.purchaseId() + ":1", KIND,
                            "Past purchase: " + s.earnPoints() + " points per "
                                    + s.earnPerAmount().stripTrailingZeros().toPlainString() + " spent")
                    .move(source == null ? AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE) : AccountRef.budget(source),
                            AccountRef.available(f.memberId()), credited, null,
                            new LotRule.NewLot(f.companyId(), expiresAt))
                    .member(f.memberId()).company(f.companyId()).store(f.storeId()).actor(f.actor()).build()).id();
        }
        jdbc.sql("insert into purchase_award (purchase_id, circuit_id, source_company_id, base_points, pending, "
                        + "available, steps, lot_entry_id, counted_spent, counted_purchases, counted_month) "
                        + "values (:id, :c, :source, :base, 0, :a, :steps, :lot, :spent, :purchases, :month)")
                .param("id", f.purchaseId()).param("c", f.circuitId()).param("source", source).param("base", base)
                .param("a", credited).param("steps", credited > 0 ? 1 : 0).param("lot", lotEntry)
                .param("spent", net).param("purchases", purchases).param("month", Date.valueOf(month)).update();
        // last: a refusal above (a budget too small) leaves no activity gathered for the commit
        activity.add(f.circuitId(), f.memberId(), month, credited, net, purchases);
        return new PurchasePoints(base, 0, credited);
    }
}
