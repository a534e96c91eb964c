package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.HoldExpired;
import org.loyaltyhub.ledger.HoldStatus;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.PurchaseFacts.Line;
import org.loyaltyhub.programs.Redemptions;
import org.loyaltyhub.programs.internal.RedemptionPolicy.Quote;
import org.loyaltyhub.shared.Meters;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Redeeming points at a checkout or counter: quote a cart, hold the points (a reservation with an expiry), then
 * capture them when the order is paid or release them when it is cancelled or the reservation runs out.
 */
@Service
@Transactional
public class RedemptionService implements Redemptions {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RedemptionService.class);

    private static final RowMapper<Redemption> ROW = (rs, n) -> new Redemption(rs.getLong("id"),
            rs.getLong("member_id"), rs.getLong("company_id"), (Long) rs.getObject("store_id"), rs.getLong("hold_id"),
            rs.getLong("points"), new Money(rs.getBigDecimal("discount"), Currency.getInstance(rs.getString("currency"))),
            RedemptionStatus.valueOf(rs.getString("status")), rs.getString("order_id"), rs.getTimestamp("expires_at").toInstant(),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    private final RedemptionRefunds refunds;
    private final Ledger ledger;
    private final Members members;
    private final Tenancy tenancy;
    private final ProgramStore store;
    private final Clock clock;

    private final List<RedemptionBoost> boosts;
    private final Meters meters;

    RedemptionService(JdbcClient jdbc, Ledger ledger, Members members, Tenancy tenancy, ProgramStore store,
                      Clock clock, RedemptionRefunds refunds, List<RedemptionBoost> boosts, Meters meters) {
        this.meters = meters;
        this.refunds = refunds;
        this.boosts = boosts;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.members = members;
        this.tenancy = tenancy;
        this.store = store;
        this.clock = clock;
    }

    /** What the member's status (tier, badges) adds to their points' value now. */
    private List<RedemptionPolicy.Bonus> bonuses(long circuitId, long memberId) {
        return boosts.stream().flatMap(b -> b.redemption(circuitId, memberId).stream()).toList();
    }

    public record Cart(Money total, List<Line> lines) {
    }

    public record Redemption(long id, long memberId, long companyId, Long storeId, long holdId, long points,
                             Money discount, RedemptionStatus status, String orderId, Instant expiresAt, Instant createdAt) {
    }

    @Transactional(readOnly = true)
    public Quote quote(Caller caller, MemberIdentifier who, Cart cart, Long points) {
        return quote(caller.circuit(), members.resolve(caller, who), cart, points);
    }

    private Quote quote(long circuitId, long memberId, Cart cart, Long points) {
        String currency = tenancy.circuit(circuitId).currency();
        if (!cart.total().currency().getCurrencyCode().equals(currency)) {
            throw new LoyaltyException("currency-mismatch", Failure.REFUSED, "The cart is in "
                    + cart.total().currency().getCurrencyCode() + " but the circuit's currency is " + currency)
                    .with("field", "currency");
        }
        ProgramSettings s = store.settings(circuitId);
        long balance = ledger.balance(circuitId, AccountRef.available(memberId));
        return RedemptionPolicy.quote(s, bonuses(circuitId, memberId), store.rules(circuitId, cart.lines().stream().map(Line::productId)
                .filter(Objects::nonNull).distinct().toList()), balance, cart.total(), cart.lines(), points);
    }

    public Redemption hold(Caller caller, MemberIdentifier who, Cart cart, Long points, String orderId, Long storeId) {
        long memberId = members.resolve(caller, who);
        Store at = tenancy.storeFor(caller, storeId);
        long circuitId = caller.circuit();
        Quote q = quote(circuitId, memberId, cart, points);
        if (!q.allowed()) {
            meters.redemption(Meters.RedemptionOutcome.REFUSED);
            throw new LoyaltyException(q.code(), Failure.REFUSED, q.reason()).with("maxPoints", q.maxPoints())
                    .with("balance", q.balance());
        }
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(store.settings(circuitId).holdMinutes()));
        Ledger.Hold hold = ledger.hold(circuitId, memberId, q.points(), "redemption:" + UUID.randomUUID(),
                expiresAt, at.companyId(), at.id(), caller.actor());
        members.relate(circuitId, memberId, at.companyId());
        long id = jdbc.sql("insert into redemption (circuit_id, member_id, company_id, store_id, hold_id, points, discount, "
                        + "currency, status, order_id, expires_at) values (:c, :m, :company, :store, :hold, :points, "
                        + ":discount, :currency, 'HELD', :order, :exp) returning id")
                .param("c", circuitId).param("m", memberId).param("company", at.companyId()).param("store", at.id())
                .param("hold", hold.id()).param("points", q.points()).param("discount", q.discount().amount())
                .param("currency", q.discount().currency().getCurrencyCode()).param("order", orderId)
                .param("exp", Timestamp.from(expiresAt)).query(Long.class).single();
        meters.redemption(Meters.RedemptionOutcome.HELD);
        return find(circuitId, id);
    }

    @Transactional(readOnly = true)
    public Redemption get(Caller caller, long id) {
        Redemption r = find(caller.circuit(), id);
        if (!caller.coversCompany(r.companyId())) {
            throw new NotFound("Redemption", id);
        }
        return r;
    }

    @Transactional(noRollbackFor = HoldExpired.class) // the expired reservation's release commits
    public Redemption capture(Caller caller, long id, String orderId) {
        Redemption r = get(caller, id);
        return settle(caller.circuit(), r, RedemptionStatus.CAPTURED, orderId, caller.actor(), null, null);
    }

    public Redemption release(Caller caller, long id) {
        Redemption r = get(caller, id);
        return settle(caller.circuit(), r, RedemptionStatus.RELEASED, null, caller.actor(), "Reservation released", null);
    }

    /**
     * Undoes a redemption already captured at the till (a mistake, a sale cancelled on the spot): a reversing
     * entry gives the points back, linked to the reservation; the reason is kept with it.
     */
    public Redemption undo(Caller caller, long id, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            throw new InvalidInput("reason", "say why the redemption is undone (up to 200 characters)");
        }
        Redemption r = get(caller, id);
        if (r.status() != RedemptionStatus.CAPTURED) {
            throw new RedemptionNotCaptured(id, r.status());
        }
        ledger.giveBack(caller.circuit(), r.holdId(), "Redemption undone: " + reason.strip(), caller.actor());
        jdbc.sql("update redemption set status = 'REFUNDED', updated_at = now() where id = :id").param("id", r.id())
                .update();
        meters.redemption(Meters.RedemptionOutcome.REFUNDED);
        return find(caller.circuit(), id);
    }

    @Override
    @Transactional(noRollbackFor = HoldExpired.class)
    public void captureForOrder(long circuitId, long redemptionId, long memberId, String orderId, String actor,
                                Instant orderedAt) {
        try {
            settle(circuitId, forMember(circuitId, redemptionId, memberId), RedemptionStatus.CAPTURED, orderId, actor, null,
                    orderedAt);
        } catch (HoldExpired e) {
            // the order is still a purchase: it is recorded, and the points of the lapsed reservation stay available
            log.warn("Order {} used redemption {} after its reservation ran out; its points were not taken", orderId,
                    redemptionId);
        }
    }

    @Override
    public void releaseForOrder(long circuitId, long redemptionId, long memberId, String actor) {
        Redemption r = forMember(circuitId, redemptionId, memberId);
        if (refunds.giveBackRest(circuitId, r.id(), actor)) {
            return; // partial refunds gave back part of the points already: only the rest comes back
        }
        // points already spent on the order come back with it; a reservation still open is simply released
        Ledger.Hold hold = ledger.giveBack(circuitId, r.holdId(), "Order cancelled: redeemed points given back", actor);
        RedemptionStatus status = r.status().after(hold.status(), false);
        jdbc.sql("update redemption set status = :s, updated_at = now() where id = :id").param("s", status.name())
                .param("id", r.id()).update();
    }

    @Override
    public void giveBackRefundedShare(long circuitId, long redemptionId, long memberId, BigDecimal orderTotal,
                                      BigDecimal refunded, String actor) {
        refunds.giveBackShare(circuitId, forMember(circuitId, redemptionId, memberId).id(), orderTotal, refunded, actor);
    }

    @Override
    public CodeHold holdForCode(long circuitId, long memberId, long storeId, Long points, BigDecimal amount,
                                Instant expiresAt, String actor) {
        Store at = tenancy.store(circuitId, storeId);
        Currency currency = Currency.getInstance(tenancy.circuit(circuitId).currency());
        ProgramSettings s = store.settings(circuitId);
        List<RedemptionPolicy.Bonus> bonuses = bonuses(circuitId, memberId);
        Quote q = RedemptionPolicy.quoteCode(s, bonuses, ledger.balance(circuitId, AccountRef.available(memberId)),
                currency, points, amount);
        Redemptions.ProductLimits limits = limits(circuitId, s);
        if (q.allowed() && s.redeemableProducts() == ProgramSettings.RedeemableProducts.ONLY_LISTED
                && limits.onlyProducts().isEmpty()) {
            throw new LoyaltyException("no-redeemable-products", Failure.REFUSED, "The program lets points discount only listed "
                    + "products, and none is listed");
        }
        if (!q.allowed()) {
            meters.redemption(Meters.RedemptionOutcome.REFUSED);
            throw new LoyaltyException(q.code(), Failure.REFUSED, q.reason()).with("maxPoints", q.maxPoints())
                    .with("balance", q.balance());
        }
        Ledger.Hold hold = ledger.hold(circuitId, memberId, q.points(), "redemption:" + UUID.randomUUID(),
                expiresAt, at.companyId(), at.id(), actor);
        members.relate(circuitId, memberId, at.companyId());
        long id = jdbc.sql("insert into redemption (circuit_id, member_id, company_id, store_id, hold_id, points, discount, "
                        + "currency, status, expires_at) values (:c, :m, :company, :store, :hold, :points, "
                        + ":discount, :currency, 'HELD', :exp) returning id")
                .param("c", circuitId).param("m", memberId).param("company", at.companyId()).param("store", at.id())
                .param("hold", hold.id()).param("points", q.points()).param("discount", q.discount().amount())
                .param("currency", currency.getCurrencyCode()).param("exp", Timestamp.from(expiresAt))
                .query(Long.class).single();
        meters.redemption(Meters.RedemptionOutcome.HELD);
        return new CodeHold(id, hold.id(), memberId, q.points(), q.discount(),
                RedemptionPolicy.codeMinimumSpend(RedemptionPolicy.boosted(s, bonuses), q.discount()), expiresAt,
                limits);
    }

    private Redemptions.ProductLimits limits(long circuitId, ProgramSettings s) {
        java.util.List<String> listed = s.redeemableProducts() == ProgramSettings.RedeemableProducts.ALL
                ? java.util.List.of()
                : store.allRules(circuitId).stream().filter(org.loyaltyhub.programs.ProductRule::redeemListed)
                .map(org.loyaltyhub.programs.ProductRule::productId).toList();
        return new Redemptions.ProductLimits(s.excludeDiscounted(),
                s.redeemableProducts() == ProgramSettings.RedeemableProducts.ONLY_LISTED ? listed : java.util.List.of(),
                s.redeemableProducts() == ProgramSettings.RedeemableProducts.EXCEPT_LISTED ? listed : java.util.List.of());
    }

    @Override
    public void release(long circuitId, long redemptionId, String reason, String actor) {
        Redemption r = find(circuitId, redemptionId);
        if (r.status() != RedemptionStatus.CAPTURED) {
            settle(circuitId, r, RedemptionStatus.RELEASED, null, actor, reason, null);
        }
    }

    /**
     * Releases a reservation whose time ran out (the expiry job); one captured or released meanwhile stays as it is
     * (false).
     */
    public boolean expire(long circuitId, long holdId) {
        if (ledger.findHold(circuitId, holdId).filter(h -> h.status() == HoldStatus.HELD).isEmpty()) {
            return false;
        }
        jdbc.sql("select * from redemption where circuit_id = :c and hold_id = :h").param("c", circuitId)
                .param("h", holdId).query(ROW).optional()
                .ifPresentOrElse(r -> settle(circuitId, r, RedemptionStatus.EXPIRED, null, "system", "Reservation expired", null),
                        () -> ledger.release(circuitId, holdId, "Reservation expired", "system"));
        return true;
    }

    private Redemption forMember(long circuitId, long redemptionId, long memberId) {
        Redemption r = find(circuitId, redemptionId);
        if (r.memberId() != memberId) {
            throw new LoyaltyException("redemption-of-another-member", Failure.REFUSED,
                    "The redemption belongs to another member").with("field", "redemptionId");
        }
        return r;
    }

    private Redemption settle(long circuitId, Redemption r, RedemptionStatus target, String orderId, String actor,
                              String reason,
                              Instant usedAt) {
        if (target == RedemptionStatus.CAPTURED && r.status() == RedemptionStatus.EXPIRED) {
            throw new HoldExpired(r.holdId(), r.expiresAt());
        }
        Ledger.Hold hold;
        try {
            hold = target == RedemptionStatus.CAPTURED ? ledger.capture(circuitId, r.holdId(), actor, usedAt)
                    : ledger.release(circuitId, r.holdId(), reason, actor);
        } catch (HoldExpired e) {
            jdbc.sql("update redemption set status = 'EXPIRED', updated_at = now() where id = :id").param("id", r.id())
                    .update();
            throw e;
        }
        RedemptionStatus status = r.status().after(hold.status(), target == RedemptionStatus.EXPIRED);
        jdbc.sql("update redemption set status = :s, order_id = coalesce(:order, order_id), updated_at = now() "
                        + "where id = :id")
                .param("s", status.name()).param("order", orderId).param("id", r.id()).update();
        meters.redemption(Meters.RedemptionOutcome.valueOf(status.name()));
        return find(circuitId, r.id());
    }

    private Redemption find(long circuitId, long id) {
        return jdbc.sql("select * from redemption where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(ROW).optional().orElseThrow(() -> new NotFound("Redemption", id));
    }
}
