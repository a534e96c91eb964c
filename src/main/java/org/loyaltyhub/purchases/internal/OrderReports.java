package org.loyaltyhub.purchases.internal;

import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.purchases.Purchase;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.Purchases;
import org.loyaltyhub.purchases.internal.PurchaseCommands.LineInput;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order state machine behind the shops' reports: what the reports of an order add up to is kept per order
 * (locked while merging, table {@code reported_order}), and the purchase is recorded once per report with the
 * result. A report whose base status is COMPLETED and that carries refunds records a refunded purchase that did reach
 * completion (a refunded status names no stage of its own).
 */
@Component
@Transactional
class OrderReports implements Purchases {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final PurchaseService purchases;
    private final Tenancy tenancy;
    private final Programs programs;

    OrderReports(JdbcClient jdbc, PurchaseService purchases, Tenancy tenancy, Programs programs) {
        this.jdbc = jdbc;
        this.purchases = purchases;
        this.tenancy = tenancy;
        this.programs = programs;
    }

    /** What the order's reports add up to so far; all null but the refunds before its first report. */
    private record State(Instant version, PurchaseStatus status, String currency, BigDecimal total,
                         Map<String, BigDecimal> refunds, Long memberId) {

        boolean known() {
            return status != null && memberId != null;
        }

        State with(PurchaseStatus newStatus, Map<String, BigDecimal> newRefunds) {
            return new State(version, newStatus, currency, total, newRefunds, memberId);
        }
    }

    @Override
    public OrderResult report(Caller caller, OrderReport r, Parties parties) {
        OrderRef ref = r.order();
        State stored = lock(ref);
        Map<String, BigDecimal> refunds = new LinkedHashMap<>(stored.refunds());
        refunds.putAll(r.refunds());
        boolean newer = stored.status() == null || newer(r, stored);
        Long memberId = stored.memberId() != null ? stored.memberId() : parties.member().orElse(null);
        State merged = newer
                ? new State(r.version() != null ? r.version() : stored.version(), r.status(),
                tenancy.circuit(caller.circuit()).currency(), r.total(), refunds, memberId)
                : new State(stored.version(), stored.status(), circuitCurrency(caller, stored),
                stored.total() != null ? stored.total() : r.total(), refunds, memberId);
        save(ref, merged);
        if (memberId == null) {
            return new OrderResult(null, newer);
        }
        Long redemption = parties.redemption(memberId).orElse(null);
        // the lines count when the purchase is first recorded, which may be by an older report whose member is
        // matched only now; a recorded purchase keeps its lines
        return new OrderResult(record(caller, ref, merged, r.occurredAt(), earnable(caller, r), redemption,
                r.withoutPoints()), newer);
    }

    /** A state kept only from a deletion that came first has no currency yet. */
    private String circuitCurrency(Caller caller, State stored) {
        return stored.currency() != null ? stored.currency() : tenancy.circuit(caller.circuit()).currency();
    }

    @Override
    public OrderResult reportRefund(Caller caller, OrderRef ref, String refundId, BigDecimal amount) {
        State stored = lock(ref);
        Map<String, BigDecimal> refunds = new LinkedHashMap<>(stored.refunds());
        refunds.put(refundId, amount);
        State merged = stored.with(stored.status(), refunds);
        save(ref, merged);
        return new OrderResult(stored.known() ? record(caller, ref, merged, null, null, null, false) : null, true);
    }

    @Override
    public OrderResult reportDeletion(Caller caller, OrderRef ref) {
        State stored = lock(ref);
        // kept even before the order is known: a deletion that overtakes the order's own report still cancels it
        State merged = stored.with(PurchaseStatus.CANCELLED, stored.refunds());
        save(ref, merged);
        return new OrderResult(stored.known() ? record(caller, ref, merged, null, null, null, false) : null, true);
    }

    @Override
    public void forgetReports(String channel) {
        jdbc.sql("delete from reported_order where channel = :channel").param("channel", channel).update();
    }

    /** Records the purchase once: the refunds make its status (partly) refunded, its stage is what the base status reached. */
    private Purchase record(Caller caller, OrderRef ref, State s, Instant occurredAt, List<Line> lines,
                            Long redemptionId, boolean withoutPoints) {
        BigDecimal refunded = s.refunds().values().stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add)
                .min(s.total());
        PurchaseStatus status = s.status();
        if (status == PurchaseStatus.REFUNDED) {
            refunded = s.total();
        } else if (status != PurchaseStatus.CANCELLED && refunded.signum() > 0) {
            status = refunded.compareTo(s.total()) >= 0 ? PurchaseStatus.REFUNDED : PurchaseStatus.PARTIALLY_REFUNDED;
        }
        Instant at = occurredAt == null || occurredAt.isAfter(Instant.now()) ? null : occurredAt;
        return purchases.record(caller, new RecordPurchase(ref.orderId(), ref.channel(), ref.storeId(),
                MemberIdentifier.byId(s.memberId()), s.currency(), s.total(), refunded, status, at, redemptionId,
                lines == null ? null : lines.stream()
                        .map(l -> new LineInput(l.productId(), l.sku(), l.quantity(), l.unitPrice(), l.discounted()))
                        .toList()), s.status().stage(), withoutPoints);
    }

    /**
     * What the order earns on: the shops give the goods after discounts, without tax and shipping; a program that
     * counts tax and shipping too gets the rest of what was paid as one more line without a product.
     */
    private List<Line> earnable(Caller caller, OrderReport r) {
        if (r.lines().isEmpty() || !programs.settings(caller.circuit()).earnOnTaxAndShipping()) {
            return r.lines();
        }
        BigDecimal goods = r.lines().stream().map(l -> l.unitPrice().multiply(l.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rest = r.total().subtract(goods);
        if (rest.signum() <= 0) {
            return r.lines();
        }
        List<Line> lines = new ArrayList<>(r.lines());
        lines.add(new Line(null, null, BigDecimal.ONE, rest, false));
        return lines;
    }

    private static boolean newer(OrderReport r, State stored) {
        if (r.version() != null && stored.version() != null && !r.version().equals(stored.version())) {
            return !r.version().isBefore(stored.version());
        }
        return rank(r.status()) >= rank(stored.status());
    }

    /** How far an order has gone, for reports that carry no version. */
    private static int rank(PurchaseStatus s) {
        return switch (s) {
            case CREATED -> 0;
            case PAID, PARTIALLY_REFUNDED -> 1;
            case COMPLETED -> 2;
            case REFUNDED -> 3;
            case CANCELLED -> 4;
        };
    }

    private State lock(OrderRef ref) {
        jdbc.sql("insert into reported_order (channel, order_id) values (:channel, :order) on conflict do nothing")
                .param("channel", ref.channel()).param("order", ref.orderId()).update();
        return jdbc.sql("select * from reported_order where channel = :channel and order_id = :order for update")
                .param("channel", ref.channel()).param("order", ref.orderId())
                .query((rs, n) -> new State(rs.getTimestamp("version") == null ? null : rs.getTimestamp("version").toInstant(),
                        rs.getString("status") == null ? null : PurchaseStatus.valueOf(rs.getString("status")),
                        rs.getString("currency"), rs.getBigDecimal("total"), refunds(rs.getString("refunds")),
                        (Long) rs.getObject("member_id")))
                .single();
    }

    private void save(OrderRef ref, State s) {
        ObjectNode refunds = JSON.createObjectNode();
        s.refunds().forEach((id, amount) -> refunds.put(id, amount.toPlainString()));
        jdbc.sql("update reported_order set version = :version, status = :status, currency = :currency, total = :total, "
                        + "refunds = cast(:refunds as jsonb), member_id = :member, updated_at = now() "
                        + "where channel = :channel and order_id = :order")
                .param("version", s.version() == null ? null : Timestamp.from(s.version()))
                .param("status", s.status() == null ? null : s.status().name()).param("currency", s.currency())
                .param("total", s.total()).param("refunds", refunds.toString()).param("member", s.memberId())
                .param("channel", ref.channel()).param("order", ref.orderId()).update();
    }

    private static Map<String, BigDecimal> refunds(String json) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        JsonNode node = JSON.readTree(json);
        node.properties().forEach(e -> out.put(e.getKey(), new BigDecimal(e.getValue().asString())));
        return out;
    }
}
