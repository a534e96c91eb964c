package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.Redemptions;
import org.loyaltyhub.programs.WalletCodes;
import org.loyaltyhub.shared.Money;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Discount codes LoyaltyHub created in a shop for points or wallet money held for them: an order that uses one
 * settles what it holds.
 * Shops compare codes without case (WooCommerce stores them in lower case), so this does too.
 */
@Component
class ShopCodes {

    /**
     * One code: PENDING until the shop confirmed it, CREATED, USED by an order, EXPIRED unused, or FAILED. It spends
     * points held by a redemption ({@code purpose} POINTS) or wallet money held by a wallet payment.
     */
    /** A code of the shop; {@code memberId} is null for an anonymous gift card's. */
    record ShopCode(long id, long circuitId, long connectionId, Long memberId, Purpose purpose, Long redemptionId,
                    Long walletPaymentId, long holdId, String code, Money amount, long points, String shopCustomer,
                    String shopId, String status, String orderId, Instant expiresAt, Instant createdAt) {

        boolean wallet() {
            return walletPaymentId != null;
        }
    }

    private static final RowMapper<ShopCode> ROW = (rs, n) -> new ShopCode(rs.getLong("id"), rs.getLong("circuit_id"),
            rs.getLong("connection_id"), (Long) rs.getObject("member_id"), Purpose.valueOf(rs.getString("purpose")),
            (Long) rs.getObject("redemption_id"), (Long) rs.getObject("wallet_payment_id"), rs.getLong("hold_id"),
            rs.getString("code"), new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
            rs.getLong("points"), rs.getString("shop_customer"), rs.getString("shop_id"), rs.getString("status"),
            rs.getString("order_id"), rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    ShopCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ShopCode insertPending(Connection c, Redemptions.CodeHold hold, String code, String shopCustomer) {
        long id = jdbc.sql("""
                        insert into shop_code (circuit_id, connection_id, member_id, redemption_id, hold_id, code, amount,
                                               currency, points, shop_customer, expires_at)
                        values (:c, :conn, :m, :r, :h, :code, :amount, :currency, :points, :customer, :exp)
                        returning id""")
                .param("c", c.circuitId()).param("conn", c.id()).param("m", hold.memberId())
                .param("r", hold.redemptionId()).param("h", hold.holdId()).param("code", code)
                .param("amount", hold.discount().amount()).param("currency", hold.discount().currency().getCurrencyCode())
                .param("points", hold.points()).param("customer", shopCustomer)
                .param("exp", Timestamp.from(hold.expiresAt())).query(Long.class).single();
        return get(id);
    }

    ShopCode insertPending(Connection c, WalletCodes.CodeHold hold, String code, String shopCustomer) {
        long id = jdbc.sql("""
                        insert into shop_code (circuit_id, connection_id, member_id, purpose, wallet_payment_id, hold_id,
                                               code, amount, currency, points, shop_customer, expires_at)
                        values (:c, :conn, :m, :purpose, :payment, :h, :code, :amount, :currency, 0, :customer, :exp)
                        returning id""")
                .param("c", c.circuitId()).param("conn", c.id()).param("m", hold.memberId())
                .param("purpose", hold.purpose().name()).param("payment", hold.paymentId()).param("h", hold.holdId())
                .param("code", code).param("amount", hold.amount().amount())
                .param("currency", hold.amount().currency().getCurrencyCode()).param("customer", shopCustomer)
                .param("exp", Timestamp.from(hold.expiresAt())).query(Long.class).single();
        return get(id);
    }

    ShopCode get(long id) {
        return jdbc.sql("select * from shop_code where id = :id").param("id", id).query(ROW).single();
    }

    Optional<ShopCode> find(long connectionId, long id) {
        return jdbc.sql("select * from shop_code where id = :id and connection_id = :conn").param("id", id)
                .param("conn", connectionId).query(ROW).optional();
    }

    void created(long id, String shopId) {
        jdbc.sql("update shop_code set status = 'CREATED', shop_id = :shop, last_error = null, updated_at = now() "
                + "where id = :id and status = 'PENDING'").param("shop", shopId).param("id", id).update();
    }

    /** A pending code the shop does not have: false if it was not (or no longer) pending. */
    boolean failed(long id, String error) {
        return jdbc.sql("update shop_code set status = 'FAILED', last_error = :e, updated_at = now() "
                        + "where id = :id and status = 'PENDING'")
                .param("e", error).param("id", id).update() == 1;
    }

    void expired(long id) {
        jdbc.sql("update shop_code set status = 'EXPIRED', last_error = null, updated_at = now() where id = :id")
                .param("id", id).update();
    }

    void problem(long id, String error) {
        jdbc.sql("update shop_code set last_error = :e, updated_at = now() where id = :id")
                .param("e", error).param("id", id).update();
    }

    /** Until the transaction ends, other requests for this member's codes at this shop wait. */
    void lockMember(long connectionId, long memberId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('shop-code:' || :conn || ':' || :m, 0))")
                .param("conn", connectionId).param("m", memberId).query(Object.class).list();
    }

    /** Codes the shop should have by now but never confirmed: the server stopped between the hold and the answer. */
    List<ShopCode> unconfirmed(Instant before, int limit) {
        return jdbc.sql("select * from shop_code where status = 'PENDING' and created_at < :before order by id limit :n")
                .param("before", Timestamp.from(before)).param("n", limit).query(ROW).list();
    }

    /** The member's code of this purpose at this shop that is open or being created right now, if any. */
    Optional<ShopCode> open(long connectionId, long memberId, Purpose purpose, Instant now) {
        return jdbc.sql("select * from shop_code where connection_id = :conn and member_id = :m and purpose = :p "
                        + "and status in ('CREATED', 'PENDING') and not points_released "
                        + "and expires_at > :now order by id desc limit 1")
                .param("conn", connectionId).param("m", memberId).param("p", purpose.name())
                .param("now", Timestamp.from(now)).query(ROW).optional();
    }

    /** The member's open wallet codes at this shop (any money purpose), newest first. */
    List<ShopCode> openWallet(long connectionId, long memberId, Instant now) {
        return jdbc.sql("select * from shop_code where connection_id = :conn and member_id = :m "
                        + "and wallet_payment_id is not null and status = 'CREATED' and not points_released "
                        + "and expires_at > :now order by id desc")
                .param("conn", connectionId).param("m", memberId).param("now", Timestamp.from(now)).query(ROW).list();
    }

    /** Codes still open in the shop (or never confirmed) whose time ran out before {@code before}. */
    List<ShopCode> due(Instant before, int limit) {
        return jdbc.sql("select * from shop_code where status in ('PENDING', 'CREATED') "
                        + "and (expires_at < :t or points_released) order by expires_at limit :limit")
                .param("t", Timestamp.from(before)).param("limit", limit).query(ROW).list();
    }

    List<ShopCode> latest(long connectionId, int limit) {
        return jdbc.sql("select * from shop_code where connection_id = :conn order by id desc limit :limit")
                .param("conn", connectionId).param("limit", limit).query(ROW).list();
    }

    /** The redemption an order settles by using one of our points codes (see {@link #used}). */
    Optional<Long> redemptionUsed(Connection c, long memberId, String orderId, List<String> codes) {
        return used(c, memberId, orderId, codes, false).map(ShopCode::redemptionId);
    }

    /** The wallet code an order used (see {@link #used}). */
    Optional<ShopCode> walletUsed(Connection c, long memberId, String orderId, List<String> codes) {
        return used(c, memberId, orderId, codes, true);
    }

    /** The anonymous gift card's code an order used (whoever placed it), marked USED by that order. */
    Optional<ShopCode> giftCardUsed(Connection c, String orderId, List<String> codes) {
        return used(c, null, orderId, codes, true);
    }

    /** The anonymous gift card's code an earlier report of this order used, if any. */
    Optional<ShopCode> giftCardOfOrder(Connection c, String orderId) {
        return jdbc.sql("select * from shop_code where connection_id = :conn and order_id = :o "
                        + "and wallet_payment_id is not null and member_id is null order by id limit 1")
                .param("conn", c.id()).param("o", orderId).query(ROW).optional();
    }

    /** The wallet code an earlier report of this order used, if any. */
    Optional<ShopCode> walletOfOrder(Connection c, String orderId) {
        return jdbc.sql("select * from shop_code where connection_id = :conn and order_id = :o "
                        + "and wallet_payment_id is not null and member_id is not null order by id limit 1")
                .param("conn", c.id()).param("o", orderId).query(ROW).optional();
    }

    /**
     * The code of ours (points or wallet) an order used, marking it USED by that order. Only a code of the same
     * member (none, for an anonymous gift card's code) that is open, or already used by this very order, counts: a code reused after its order was cancelled,
     * or one whose value was given back, settles nothing.
     */
    private Optional<ShopCode> used(Connection c, Long memberId, String orderId, List<String> codes, boolean wallet) {
        for (String code : codes) {
            Optional<ShopCode> found = jdbc.sql("select * from shop_code where connection_id = :conn "
                            + "and upper(code) = :code and (wallet_payment_id is not null) = :wallet for update")
                    .param("conn", c.id()).param("code", code.strip().toUpperCase(Locale.ROOT)).param("wallet", wallet)
                    .query(ROW).optional();
            if (found.isEmpty() || !java.util.Objects.equals(found.get().memberId(), memberId)) {
                continue;
            }
            ShopCode sc = found.get();
            boolean open = (sc.status().equals("CREATED") || sc.status().equals("PENDING")) && !released(sc.id());
            if (open || (sc.status().equals("USED") && orderId.equals(sc.orderId()))) {
                jdbc.sql("update shop_code set status = 'USED', order_id = :order, updated_at = now() where id = :id")
                        .param("order", orderId).param("id", sc.id()).update();
                return Optional.of(sc);
            }
        }
        return Optional.empty();
    }

    private boolean released(long id) {
        return jdbc.sql("select points_released from shop_code where id = :id").param("id", id).query(Boolean.class)
                .single();
    }

    /**
     * The order that used a code was cancelled, which gave its points back: the shop may let the code be used again
     * (WooCommerce does), so it is due for deletion at once and settles nothing any more.
     */
    void orderVoided(Connection c, String orderId) {
        jdbc.sql("update shop_code set status = 'CREATED', order_id = null, points_released = true, updated_at = now() "
                        + "where connection_id = :conn and order_id = :order and status = 'USED'")
                .param("conn", c.id()).param("order", orderId).update();
    }
}
