package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.purchases.Purchase;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.Purchases;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a shop order's purchase to the state its deliveries add up to, whatever order they arrive in: the last
 * known state is kept per order (locked while merging), refunds accumulate by their id, an older report never
 * overrides a newer one (by the shop's modification time, or else by how far the order has gone: created, paid,
 * completed, cancelled), and the purchase is then recorded with the result, so only the difference is posted.
 */
@Component
class OrderSync {

    private final JdbcClient jdbc;
    private final CustomerMatcher matcher;
    private final Purchases purchases;
    private final Tenancy tenancy;
    private final ShopCodes codes;
    private final org.loyaltyhub.programs.Programs programs;

    OrderSync(JdbcClient jdbc, CustomerMatcher matcher, Purchases purchases, Tenancy tenancy, ShopCodes codes,
              org.loyaltyhub.programs.Programs programs) {
        this.programs = programs;
        this.jdbc = jdbc;
        this.matcher = matcher;
        this.purchases = purchases;
        this.tenancy = tenancy;
        this.codes = codes;
    }

    private record State(Instant version, PurchaseStatus status, String currency, BigDecimal total,
                         Map<String, BigDecimal> refunds, Long memberId) {
    }

    Outcome apply(Connection c, ShopOrder order) {
        String customerRef = order.customer() == null || order.customer().guest() ? null : order.customer().id();
        String circuitCurrency = tenancy.circuit(c.circuitId()).currency();
        if (order.currency() != null && !order.currency().equalsIgnoreCase(circuitCurrency)) {
            return Outcome.ignored("order " + order.orderId() + " is in " + order.currency() + ", the circuit counts in "
                    + circuitCurrency, customerRef);
        }
        State stored = lock(c, order.orderId());
        Map<String, BigDecimal> refunds = new LinkedHashMap<>(stored.refunds());
        order.refunds().forEach(refunds::put);
        boolean newer = stored.status() == null || newer(order, stored);
        Long memberId = stored.memberId();
        if (memberId == null) {
            memberId = matcher.match(c, order.customer(), true).orElse(null);
        }
        State merged = newer
                ? new State(order.version() != null ? order.version() : stored.version(), order.status(),
                circuitCurrency, order.total(), refunds, memberId)
                : new State(stored.version(), stored.status(), stored.currency(), stored.total(), refunds, memberId);
        save(c, order.orderId(), merged);
        if (memberId == null) {
            return Outcome.ignored(order.customer() == null || order.customer().email() == null
                    ? "order " + order.orderId() + " has no customer e-mail to match a member"
                    : order.customer().guest() && !c.enrolGuests()
                    ? "order " + order.orderId() + " is a guest's, not a member's, and this connection does not enrol guests"
                    : "order " + order.orderId() + "'s customer is not a member", customerRef);
        }
        Long redemption = codes.redemptionUsed(c, memberId, order.orderId(), order.codes()).orElse(null);
        List<Purchases.Line> lines = earnable(c, order);
        if (merged.status() == PurchaseStatus.COMPLETED && (stored.status() == null
                || rank(stored.status()) < rank(PurchaseStatus.COMPLETED)) && !merged.refunds().isEmpty()) {
            // a refunded status names no stage: let the purchase reach completion first, then apply the refunds
            record(c, order.orderId(), new State(merged.version(), merged.status(), merged.currency(), merged.total(),
                    Map.of(), memberId), order.occurredAt(), lines, redemption);
        }
        Purchase p = record(c, order.orderId(), merged, order.occurredAt(), newer ? lines : null, redemption);
        if (p.status() == PurchaseStatus.CANCELLED) {
            codes.orderVoided(c, order.orderId());
        }
        return Outcome.processed("order " + order.orderId() + " is " + p.status() + newerNote(newer), customerRef);
    }

    /**
     * What the order earns on: the handlers give the goods after discounts, without tax and shipping; a program that
     * counts tax and shipping too gets the rest of what was paid as one more line without a product.
     */
    private List<Purchases.Line> earnable(Connection c, ShopOrder order) {
        if (order.lines().isEmpty() || !programs.settings(c.circuitId()).earnOnTaxAndShipping()) {
            return order.lines();
        }
        BigDecimal goods = order.lines().stream().map(l -> l.unitPrice().multiply(l.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rest = order.total().subtract(goods);
        if (rest.signum() <= 0) {
            return order.lines();
        }
        List<Purchases.Line> lines = new java.util.ArrayList<>(order.lines());
        lines.add(new Purchases.Line(null, null, BigDecimal.ONE, rest, false));
        return lines;
    }

    /** A refund reported on its own (Shopify's refunds/create): added to the order, applied if the order is known. */
    Outcome refund(Connection c, String orderId, String refundId, BigDecimal amount) {
        State stored = lock(c, orderId);
        Map<String, BigDecimal> refunds = new LinkedHashMap<>(stored.refunds());
        refunds.put(refundId, amount);
        State merged = new State(stored.version(), stored.status(), stored.currency(), stored.total(), refunds,
                stored.memberId());
        save(c, orderId, merged);
        if (stored.status() == null || stored.memberId() == null) {
            return Outcome.processed("refund " + refundId + " kept until order " + orderId + " is known", null);
        }
        Purchase p = record(c, orderId, merged, null, null, null);
        return Outcome.processed("order " + orderId + " is " + p.status() + " after refund " + refundId, null);
    }

    /** The order was deleted in the shop: cancelled, if it was known. */
    Outcome deleted(Connection c, String orderId) {
        State stored = lock(c, orderId);
        if (stored.status() == null || stored.memberId() == null) {
            return Outcome.ignored("order " + orderId + " was deleted but never recorded", null);
        }
        State merged = new State(stored.version(), PurchaseStatus.CANCELLED, stored.currency(), stored.total(),
                stored.refunds(), stored.memberId());
        save(c, orderId, merged);
        Purchase p = record(c, orderId, merged, null, null, null);
        codes.orderVoided(c, orderId);
        return Outcome.processed("order " + orderId + " deleted: " + p.status(), null);
    }

    private Purchase record(Connection c, String orderId, State s, Instant occurredAt, List<Purchases.Line> lines,
                            Long redemptionId) {
        BigDecimal refunded = s.refunds().values().stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add)
                .min(s.total());
        PurchaseStatus status = s.status();
        if (status == PurchaseStatus.REFUNDED) {
            refunded = s.total();
        } else if (status != PurchaseStatus.CANCELLED && refunded.signum() > 0) {
            status = refunded.compareTo(s.total()) >= 0 ? PurchaseStatus.REFUNDED : PurchaseStatus.PARTIALLY_REFUNDED;
        }
        Instant at = occurredAt == null || occurredAt.isAfter(Instant.now()) ? null : occurredAt;
        return purchases.record(c.caller(), new Purchases.OrderState(orderId, c.channel(), c.storeId(), s.memberId(),
                s.currency(), s.total(), refunded, status, at, redemptionId, lines));
    }

    private static boolean newer(ShopOrder order, State stored) {
        if (order.version() != null && stored.version() != null && !order.version().equals(stored.version())) {
            return !order.version().isBefore(stored.version());
        }
        return rank(order.status()) >= rank(stored.status());
    }

    private static int rank(PurchaseStatus s) {
        return switch (s) {
            case CREATED -> 0;
            case PAID, PARTIALLY_REFUNDED -> 1;
            case COMPLETED -> 2;
            case REFUNDED -> 3;
            case CANCELLED -> 4;
        };
    }

    private static String newerNote(boolean newer) {
        return newer ? "" : " (this delivery was older than what is known and changed only refunds)";
    }

    private State lock(Connection c, String orderId) {
        jdbc.sql("insert into shop_order (connection_id, order_id) values (:conn, :order) on conflict do nothing")
                .param("conn", c.id()).param("order", orderId).update();
        return jdbc.sql("select * from shop_order where connection_id = :conn and order_id = :order for update")
                .param("conn", c.id()).param("order", orderId)
                .query((rs, n) -> new State(rs.getTimestamp("version") == null ? null : rs.getTimestamp("version").toInstant(),
                        rs.getString("status") == null ? null : PurchaseStatus.valueOf(rs.getString("status")),
                        rs.getString("currency"), rs.getBigDecimal("total"), refunds(rs.getString("refunds")),
                        (Long) rs.getObject("member_id")))
                .single();
    }

    private void save(Connection c, String orderId, State s) {
        ObjectNode refunds = Json.MAPPER.createObjectNode();
        s.refunds().forEach((id, amount) -> refunds.put(id, amount.toPlainString()));
        jdbc.sql("update shop_order set version = :version, status = :status, currency = :currency, total = :total, "
                        + "refunds = cast(:refunds as jsonb), member_id = :member, updated_at = now() "
                        + "where connection_id = :conn and order_id = :order")
                .param("version", s.version() == null ? null : Timestamp.from(s.version()))
                .param("status", s.status() == null ? null : s.status().name()).param("currency", s.currency())
                .param("total", s.total()).param("refunds", refunds.toString()).param("member", s.memberId())
                .param("conn", c.id()).param("order", orderId).update();
    }

    private static Map<String, BigDecimal> refunds(String json) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        JsonNode node = Json.MAPPER.readTree(json);
        node.properties().forEach(e -> out.put(e.getKey(), new BigDecimal(e.getValue().asString())));
        return out;
    }

    Optional<Long> memberOf(Connection c, String orderId) {
        return jdbc.sql("select member_id from shop_order where connection_id = :conn and order_id = :order")
                .param("conn", c.id()).param("order", orderId).query(Long.class).optional();
    }
}
