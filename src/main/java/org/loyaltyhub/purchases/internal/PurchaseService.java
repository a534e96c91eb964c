package org.loyaltyhub.purchases.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.Earning;
import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.PurchasePoints;
import org.loyaltyhub.programs.Redemptions;
import org.loyaltyhub.purchases.Purchase;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.internal.PurchaseCommands.LineInput;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Records purchases and their status changes. A purchase is keyed by (company, channel, order id): sending the same
 * order again updates it to the state sent, and the program posts only the difference in points.
 */
@Service
@Transactional
public class PurchaseService {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Members members;
    private final Earning earning;
    private final Redemptions redemptions;
    private final Ledger ledger;
    private final Clock clock;
    private final org.loyaltyhub.shared.Meters meters;
    private final org.loyaltyhub.programs.Wallets wallets;

    PurchaseService(JdbcClient jdbc, Tenancy tenancy, Members members, Earning earning, Redemptions redemptions,
                    Ledger ledger, Clock clock, org.loyaltyhub.programs.Wallets wallets,
                    org.loyaltyhub.shared.Meters meters) {
        this.meters = meters;
        this.wallets = wallets;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.members = members;
        this.earning = earning;
        this.redemptions = redemptions;
        this.ledger = ledger;
        this.clock = clock;
    }

    private record Row(long id, long memberId, long companyId, long storeId, String channel, String orderId,
                       String currency, BigDecimal total, BigDecimal refunded, PurchaseStatus status, Stage stage,
                       Long redemptionId, Instant occurredAt, Instant updatedAt, boolean withoutPoints) {
    }

    public Purchase record(Caller caller, RecordPurchase p) {
        return record(caller, p, Stage.NONE);
    }

    /**
     * Records the purchase; {@code reached} is a stage the order is known to have reached besides its status's (a
     * shop's completed order with refunds: refunded, after completion).
     */
    Purchase record(Caller caller, RecordPurchase p, Stage reached) {
        return record(caller, p, reached, false);
    }

    /**
     * As above; {@code withoutPoints} records a past purchase that never earns (see {@code PurchaseFacts}). It is
     * decided when the purchase is first recorded: a later report of the same order keeps what was decided then.
     */
    Purchase record(Caller caller, RecordPurchase p, Stage reached, boolean withoutPoints) {
        long circuitId = caller.circuit();
        Store store = tenancy.storeFor(caller, p.storeId());
        String currency = tenancy.circuit(circuitId).currency();
        if (!currency.equals(p.currency())) {
            throw new InvalidInput("currency", "must be the circuit's currency, " + currency);
        }
        PurchaseStatus status = p.status() == null ? PurchaseStatus.COMPLETED : p.status();
        Stage stage = later(status.stage(), reached);
        BigDecimal refunded = refunded(status, p.total(), p.refundedTotal());
        long memberId = members.resolve(caller, p.member());
        String channel = p.channel() == null ? "pos" : p.channel();
        Instant occurredAt = p.occurredAt() == null ? clock.instant() : p.occurredAt();
        if (occurredAt.isAfter(clock.instant().plusSeconds(300))) {
            throw new InvalidInput("occurredAt", "cannot be in the future");
        }
        Optional<Long> inserted = jdbc.sql("""
                        insert into purchase (circuit_id, company_id, store_id, member_id, channel, order_id, currency,
                                              total, refunded, status, stage, redemption_id, occurred_at,
                                              without_points)
                        values (:c, :company, :store, :member, :channel, :order, :currency, :total, :refunded, :status,
                                :stage, :redemption, :at, :withoutPoints)
                        on conflict (circuit_id, company_id, channel, order_id) do nothing returning id""")
                .param("c", circuitId).param("company", store.companyId()).param("store", store.id())
                .param("member", memberId).param("channel", channel).param("order", p.orderId().strip())
                .param("currency", currency).param("total", p.total()).param("refunded", refunded)
                .param("status", status.name()).param("stage", stage.name())
                .param("redemption", p.redemptionId()).param("at", Timestamp.from(occurredAt))
                .param("withoutPoints", withoutPoints).query(Long.class).optional();
        if (inserted.isPresent()) {
            List<Purchase.Line> lines = insertLines(inserted.get(), p.lines());
            members.relate(circuitId, memberId, store.companyId());
            meters.purchaseRecorded(status);
            Instant now = clock.instant();
            return settle(caller, circuitId, new Row(inserted.get(), memberId, store.companyId(), store.id(), channel,
                    p.orderId().strip(), currency, p.total(), refunded, status, stage, p.redemptionId(),
                    occurredAt, now, withoutPoints), lines, true);
        }
        Row existing = lock(circuitId, store.companyId(), channel, p.orderId().strip());
        if (existing.memberId() != memberId) {
            throw new LoyaltyException("order-of-another-member", Failure.CONFLICT,
                    "Order " + p.orderId() + " was recorded for another member").with("purchaseId", existing.id());
        }
        return settle(caller, circuitId, update(existing, status, stage, p.total(), refunded), lines(existing.id()), false);
    }

    public Purchase changeStatus(Caller caller, long id, PurchaseStatus status, BigDecimal refundedTotal) {
        long circuitId = caller.circuit();
        Row row = lockById(circuitId, id);
        if (!caller.coversStore(tenancy.store(circuitId, row.storeId())) && !caller.coversCompany(row.companyId())) {
            throw new NotFound("Purchase", id);
        }
        Row updated = update(row, status, status.stage(), row.total(), refunded(status, row.total(), refundedTotal));
        return settle(caller, circuitId, updated, lines(id), false);
    }

    /** The currency purchases are recorded in: the circuit's. */
    @Transactional(readOnly = true)
    public String currency(Caller caller) {
        return tenancy.circuit(caller.circuit()).currency();
    }

    @Transactional(readOnly = true)
    public Purchase get(Caller caller, long id) {
        Row row = find(caller.circuit(), id).orElseThrow(() -> new NotFound("Purchase", id));
        if (!caller.coversCompany(row.companyId())) {
            throw new NotFound("Purchase", id);
        }
        members.visible(caller, row.memberId());
        return view(caller.circuit(), row);
    }

    @Transactional(readOnly = true)
    public Page<Purchase> ofMember(Caller caller, long memberId, PageQuery page) {
        members.visible(caller, memberId);
        Long company = caller.isCircuitAdmin() ? null : caller.companyId();
        long total = jdbc.sql("select count(*) from purchase where circuit_id = :c and member_id = :m "
                        + "and (cast(:company as bigint) is null or company_id = :company)")
                .param("c", caller.circuit()).param("m", memberId).param("company", company).query(Long.class).single();
        List<Long> ids = jdbc.sql("select id from purchase where circuit_id = :c and member_id = :m "
                        + "and (cast(:company as bigint) is null or company_id = :company) "
                        + "order by id desc limit :limit offset :offset")
                .param("c", caller.circuit()).param("m", memberId).param("company", company)
                .param("limit", page.size()).param("offset", page.offset()).query(Long.class).list();
        return Page.of(ids.stream().map(id -> view(caller.circuit(), find(caller.circuit(), id).orElseThrow())).toList(),
                page, total);
    }

    private static BigDecimal refunded(PurchaseStatus status, BigDecimal total, BigDecimal refundedTotal) {
        BigDecimal refunded = refundedTotal != null ? refundedTotal
                : status == PurchaseStatus.REFUNDED ? total : BigDecimal.ZERO;
        if (refunded.compareTo(total) > 0) {
            throw new InvalidInput("refundedTotal", "cannot exceed the total");
        }
        if (status == PurchaseStatus.PARTIALLY_REFUNDED && refunded.signum() == 0) {
            throw new InvalidInput("refundedTotal", "is required for a partial refund");
        }
        return refunded;
    }

    private static Stage later(Stage a, Stage b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Brings the row to the new status and the stage it reached (the stage only moves forward); returns it as stored. */
    private Row update(Row row, PurchaseStatus status, Stage reached, BigDecimal total, BigDecimal refunded) {
        Stage stage = later(reached, row.stage());
        jdbc.sql("update purchase set status = :status, stage = :stage, total = :total, refunded = :refunded, "
                        + "updated_at = now() where id = :id")
                .param("status", status.name()).param("stage", stage.name()).param("total", total)
                .param("refunded", refunded).param("id", row.id()).update();
        return new Row(row.id(), row.memberId(), row.companyId(), row.storeId(), row.channel(), row.orderId(),
                row.currency(), total, refunded, status, stage, row.redemptionId(), row.occurredAt(), clock.instant(),
                row.withoutPoints());
    }

    private Purchase settle(Caller caller, long circuitId, Row row, List<Purchase.Line> storedLines, boolean fresh) {
        Currency currency = Currency.getInstance(row.currency());
        List<PurchaseFacts.Line> lines = storedLines.stream()
                .map(l -> new PurchaseFacts.Line(l.productId(), l.quantity(), l.unitPrice(), l.discounted(), l.sku(),
                        l.category())).toList();
        boolean voided = row.status().voids();
        PurchasePoints points = earning.settle(new PurchaseFacts(circuitId, row.id(), row.companyId(), row.storeId(),
                row.memberId(), new Money(row.total(), currency), new Money(row.refunded(), currency), row.stage(),
                voided, lines, caller.actor(), fresh, row.occurredAt(), row.channel(), row.withoutPoints()));
        if (row.redemptionId() != null) {
            if (voided) {
                redemptions.releaseForOrder(circuitId, row.redemptionId(), row.memberId(), caller.actor());
            } else if (row.stage().ordinal() >= Stage.PAID.ordinal()) {
                redemptions.captureForOrder(circuitId, row.redemptionId(), row.memberId(), row.orderId(), caller.actor(),
                        row.occurredAt());
                if (row.refunded().signum() > 0) {
                    redemptions.giveBackRefundedShare(circuitId, row.redemptionId(), row.memberId(), row.total(),
                            row.refunded(), caller.actor());
                }
            }
        }
        return view(circuitId, row, points, storedLines);
    }

    private Purchase view(long circuitId, Row row) {
        PurchasePoints points = jdbc.sql("select base_points, pending, available from purchase_award where purchase_id = :id")
                .param("id", row.id()).query((rs, n) -> new PurchasePoints(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional().orElse(new PurchasePoints(0, 0, 0));
        return view(circuitId, row, points, lines(row.id()));
    }

    private Purchase view(long circuitId, Row row, PurchasePoints points, List<Purchase.Line> lines) {
        Currency currency = Currency.getInstance(row.currency());
        return new Purchase(row.id(), row.orderId(), row.channel(), row.memberId(), row.companyId(), row.storeId(),
                row.status(), row.stage(), new Money(row.total(), currency), new Money(row.refunded(), currency),
                row.occurredAt(), row.updatedAt(), lines, points,
                ledger.balance(circuitId, AccountRef.available(row.memberId())),
                wallets.earnedOn(circuitId, row.id(), currency));
    }

    private List<Purchase.Line> insertLines(long purchaseId, List<LineInput> lines) {
        if (lines == null || lines.isEmpty()) {
            return List.of();
        }
        int n = 0;
        for (LineInput l : lines) {
            jdbc.sql("insert into purchase_line (purchase_id, line_no, product_id, sku, quantity, unit_price, discounted, "
                            + "category) values (:p, :n, :product, :sku, :qty, :price, :discounted, :category)")
                    .param("p", purchaseId).param("n", ++n).param("product", l.productId()).param("sku", l.sku())
                    .param("qty", l.quantity()).param("price", l.unitPrice()).param("discounted", l.discounted())
                    .param("category", l.category() == null || l.category().isBlank() ? null : l.category().strip())
                    .update();
        }
        return lines.stream().map(l -> new Purchase.Line(l.productId(), l.sku(), l.quantity(), l.unitPrice(),
                l.discounted(), l.category() == null || l.category().isBlank() ? null : l.category().strip())).toList();
    }

    private List<Purchase.Line> lines(long purchaseId) {
        return jdbc.sql("select product_id, sku, quantity, unit_price, discounted, category from purchase_line "
                        + "where purchase_id = :p order by line_no")
                .param("p", purchaseId)
                .query((rs, n) -> new Purchase.Line(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBoolean(5), rs.getString(6)))
                .list();
    }

    private static final String SELECT = "select * from purchase ";

    private Row lock(long circuitId, long companyId, String channel, String orderId) {
        return jdbc.sql(SELECT + "where circuit_id = :c and company_id = :company and channel = :channel "
                        + "and order_id = :order for update")
                .param("c", circuitId).param("company", companyId).param("channel", channel).param("order", orderId)
                .query((rs, n) -> row(rs)).single();
    }

    private Row lockById(long circuitId, long id) {
        return jdbc.sql(SELECT + "where circuit_id = :c and id = :id for update").param("c", circuitId).param("id", id)
                .query((rs, n) -> row(rs)).optional().orElseThrow(() -> new NotFound("Purchase", id));
    }

    private Optional<Row> find(long circuitId, long id) {
        return jdbc.sql(SELECT + "where circuit_id = :c and id = :id").param("c", circuitId).param("id", id)
                .query((rs, n) -> row(rs)).optional();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("company_id"), rs.getLong("store_id"),
                rs.getString("channel"), rs.getString("order_id"), rs.getString("currency"),
                rs.getBigDecimal("total"), rs.getBigDecimal("refunded"), PurchaseStatus.valueOf(rs.getString("status")),
                Stage.valueOf(rs.getString("stage")), (Long) rs.getObject("redemption_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getBoolean("without_points"));
    }
}
