package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.HoldExpired;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * A member's money wallets (cashback, accumulated discounts): balance and history in the circuit's currency,
 * paying part of an order (quote, hold, capture, release, undo: the same reservation machinery as points), and
 * manual credits and debits by administrators. The ledger counts minor units; this service speaks {@link Money}.
 */
@Service
@Transactional
public class WalletService implements org.loyaltyhub.programs.Wallets {

    private static final long MAX_MANUAL_MINOR = 100_000_000; // one million in a two-decimal currency
    private static final int HOLD_MINUTES = 30;

    private static final RowMapper<Payment> ROW = (rs, n) -> new Payment(rs.getLong("id"), (Long) rs.getObject("member_id"),
            Purpose.valueOf(rs.getString("purpose")), rs.getLong("company_id"), (Long) rs.getObject("store_id"),
            rs.getLong("hold_id"), new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
            PaymentStatus.valueOf(rs.getString("status")), rs.getString("order_id"),
            rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
            (Long) rs.getObject("gift_card_id"));

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Members members;
    private final Tenancy tenancy;
    private final MoneyPrograms programs;
    private final PrepaidStore prepaid;
    private final Clock clock;
    private final CircuitFeatures features;

    WalletService(JdbcClient jdbc, Ledger ledger, Members members, Tenancy tenancy, MoneyPrograms programs,
                  PrepaidStore prepaid, Clock clock, CircuitFeatures features) {
        this.features = features;
        this.prepaid = prepaid;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.members = members;
        this.tenancy = tenancy;
        this.programs = programs;
        this.clock = clock;
    }

    public enum PaymentStatus { HELD, CAPTURED, RELEASED, EXPIRED, REFUNDED }

    public enum Direction { CREDIT, DEBIT }

    public record Balance(long memberId, Purpose purpose, Money available, Money pending, Money held,
                          Money expiringWithin30Days, Instant nextExpiry) {
    }

    public record Movement(long entryId, Instant at, Purpose purpose, String kind, String reason, String note,
                           Long companyId, Long storeId, Money available, Money pending, Money held, Long reversesId) {

        /** What the movement changed in the member's wallet: available and pending together (a hold moves neither). */
        public Money change() {
            return available.plus(pending).plus(held);
        }

        /** How much a reservation step moved, whichever way (shown as "reserved" or "given back"). */
        public Money heldMoved() {
            return held.isNegative() ? held.minus(held).minus(held) : held;
        }
    }

    /** {@code memberId}, or {@code giftCardId} for an anonymous gift card's payment (purpose GIFT_CARD). */
    public record Payment(long id, Long memberId, Purpose purpose, long companyId, Long storeId, long holdId,
                          Money amount, PaymentStatus status, String orderId, Instant expiresAt, Instant createdAt,
                          Long giftCardId) {
    }

    public record Preview(Money currentBalance, Money newBalance, boolean allowed, String reason) {
    }

    public record Adjusted(long entryId, Money newBalance) {
    }

    // --- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Balance balance(Caller caller, long memberId, Purpose purpose) {
        members.visible(caller, memberId);
        return balance(caller.circuit(), memberId, purpose);
    }

    /** For pages that already checked the member is visible (member page, customer area, widget). */
    @Transactional(readOnly = true)
    public Balance balance(long circuitId, long memberId, Purpose purpose) {
        requireMoney(purpose);
        Currency currency = currency(circuitId);
        Ledger.MemberBalance b = ledger.memberBalance(circuitId, purpose, memberId,
                clock.instant().plus(Duration.ofDays(30)));
        return new Balance(memberId, purpose, Money.ofMinorUnits(b.available(), currency),
                Money.ofMinorUnits(b.pending(), currency), Money.ofMinorUnits(b.held(), currency),
                Money.ofMinorUnits(b.expiringSoon(), currency), b.nextExpiry());
    }

    @Override
    @Transactional(readOnly = true)
    public Summary summary(long circuitId, long memberId) {
        Balance cashback = balance(circuitId, memberId, Purpose.CASHBACK);
        Balance discount = balance(circuitId, memberId, Purpose.DISCOUNT);
        Balance credit = balance(circuitId, memberId, Purpose.PREPAID);
        boolean cashbackOn = programs.own(circuitId, null, Purpose.CASHBACK).map(MoneyProgram::enabled).orElse(false);
        boolean discountOn = programs.own(circuitId, null, Purpose.DISCOUNT).map(MoneyProgram::enabled).orElse(false);
        boolean prepaidOn = prepaid.settings(circuitId).enabled() || !credit.available().isZero();
        boolean shown = cashbackOn || discountOn || prepaidOn || !cashback.available().isZero()
                || !cashback.pending().isZero() || !discount.available().isZero() || !discount.pending().isZero();
        return new Summary(shown, cashbackOn || !cashback.available().isZero(), cashback.available(), cashback.pending(),
                discountOn || !discount.available().isZero(), discount.available(), discount.pending(), prepaidOn,
                credit.available());
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<PurchaseEarned> earnedOn(long circuitId, long purchaseId, Currency currency) {
        if (!features.of(circuitId).money()) {
            return java.util.List.of(); // no money program was ever set in the circuit: nothing to look for
        }
        return jdbc.sql("select purpose, base, pending, available, coalesce(rule, label) as rule "
                        + "from purchase_money_award "
                        + "where purchase_id = :id and circuit_id = :c order by purpose")
                .param("id", purchaseId).param("c", circuitId)
                .query((rs, n) -> new PurchaseEarned(Purpose.valueOf(rs.getString("purpose")),
                        Money.ofMinorUnits(rs.getLong("base"), currency),
                        Money.ofMinorUnits(rs.getLong("pending"), currency),
                        Money.ofMinorUnits(rs.getLong("available"), currency), rs.getString("rule")))
                .list();
    }

    /** The summary for a caller who must see the member (the counter). */
    @Transactional(readOnly = true)
    public Summary summary(Caller caller, long memberId) {
        members.visible(caller, memberId);
        return summary(caller.circuit(), memberId);
    }

    /** The wallets a page offers to pay with: those whose program is on or that hold something. */
    public java.util.List<Purpose> purposesShown(Summary s) {
        java.util.List<Purpose> shown = new java.util.ArrayList<>();
        if (s.cashbackOn()) {
            shown.add(Purpose.CASHBACK);
        }
        if (s.discountOn()) {
            shown.add(Purpose.DISCOUNT);
        }
        if (s.prepaidOn()) {
            shown.add(Purpose.PREPAID);
        }
        return shown;
    }

    /** A member's latest wallet movements of every purpose, newest first (the customer area, the member's page). */
    @Transactional(readOnly = true)
    public java.util.List<Movement> latest(long circuitId, long memberId, int limit) {
        java.util.List<Movement> all = new java.util.ArrayList<>();
        for (Purpose p : Purpose.values()) {
            if (p.memberWallet()) {
                all.addAll(history(circuitId, memberId, p, PageQuery.of(0, limit)).items());
            }
        }
        all.sort(java.util.Comparator.comparing(Movement::entryId).reversed());
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<Move> recent(long circuitId, long memberId, int limit) {
        // reservations and pending → available move no money in or out: looked past, among a few more movements
        return latest(circuitId, memberId, limit * 4).stream().filter(m -> !m.change().isZero())
                .map(m -> new Move(m.at(), m.purpose(), m.kind(), m.change())).limit(limit).toList();
    }

    @Transactional(readOnly = true)
    public Page<Movement> history(Caller caller, long memberId, Purpose purpose, PageQuery page) {
        members.visible(caller, memberId);
        return history(caller.circuit(), memberId, purpose, page);
    }

    @Transactional(readOnly = true)
    public Page<Movement> history(long circuitId, long memberId, Purpose purpose, PageQuery page) {
        requireMoney(purpose);
        Currency currency = currency(circuitId);
        Page<Ledger.Movement> moves = ledger.memberHistory(circuitId, purpose, memberId, Ledger.HistoryFilter.ALL, page);
        return moves.map(m -> new Movement(m.entryId(), m.at(), purpose, m.kind(), m.reason(), m.note(), m.companyId(),
                m.storeId(), Money.ofMinorUnits(m.available(), currency), Money.ofMinorUnits(m.pending(), currency),
                Money.ofMinorUnits(m.held(), currency), m.reversesId()));
    }

    // --- paying with the wallet -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public WalletPolicy.Quote quote(Caller caller, MemberIdentifier who, Purpose purpose, Money orderTotal,
                                    Money amount, Long storeId) {
        long memberId = members.resolve(caller, who);
        Store at = tenancy.storeFor(caller, storeId);
        return quote(caller.circuit(), memberId, purpose, at.companyId(), orderTotal, amount);
    }

    private WalletPolicy.Quote quote(long circuitId, long memberId, Purpose purpose, long companyId, Money orderTotal,
                                     Money amount) {
        requireMoney(purpose);
        return quote(circuitId, AccountRef.member(purpose.available(), memberId), companyId, orderTotal, amount);
    }

    /** The quote for a holder's account (a member's wallet, or a gift card's), in the circuit's currency. */
    WalletPolicy.Quote quote(long circuitId, AccountRef account, long companyId, Money orderTotal, Money amount) {
        Purpose purpose = account.kind().purpose();
        Currency currency = currency(circuitId);
        inCurrency("orderTotal", orderTotal, currency);
        if (amount != null) {
            inCurrency("amount", amount, currency);
            if (!amount.isPositive() || amount.floorToMinorUnit().compareTo(amount) != 0) {
                throw new InvalidInput("amount", "must be a positive amount in whole " + currency.getCurrencyCode()
                        + " minor units (cents)");
            }
        }
        if (orderTotal.isNegative()) {
            throw new InvalidInput("orderTotal", "must not be negative");
        }
        if ((purpose == Purpose.PREPAID || purpose == Purpose.GIFT_CARD)
                && !prepaid.settings(circuitId).accepts(companyId)) {
            throw new PrepaidNotAccepted();
        }
        MoneyProgram program = programs.effective(circuitId, companyId, purpose);
        Money balance = Money.ofMinorUnits(ledger.balance(circuitId, account), currency);
        return WalletPolicy.quote(program, balance, orderTotal, amount);
    }

    public Payment hold(Caller caller, MemberIdentifier who, Purpose purpose, Money orderTotal, Money amount,
                        String orderId, Long storeId) {
        long memberId = members.resolve(caller, who);
        Store at = tenancy.storeFor(caller, storeId);
        long circuitId = caller.circuit();
        WalletPolicy.Quote q = quote(circuitId, memberId, purpose, at.companyId(), orderTotal, amount);
        Payment p = hold(caller, purpose, memberId, q, orderId, at);
        members.relate(circuitId, memberId, at.companyId());
        return p;
    }

    /**
     * Reserves a quoted amount of a holder's account (a member's wallet, or a gift card for purpose GIFT_CARD) at a
     * store, as a payment to capture, release or undo like any other.
     */
    Payment hold(Caller caller, Purpose purpose, long holderId, WalletPolicy.Quote q, String orderId, Store at) {
        if (!q.allowed()) {
            throw new LoyaltyException(q.code(), Failure.REFUSED, q.reason()).with("balance", q.balance())
                    .with("maxAmount", q.maxAmount());
        }
        long circuitId = caller.circuit();
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(HOLD_MINUTES));
        Ledger.Hold hold = ledger.hold(circuitId, purpose, holderId, q.amount().toMinorUnits(),
                "wallet:" + UUID.randomUUID(), expiresAt, at.companyId(), at.id(), caller.actor());
        boolean card = !purpose.heldByMember();
        long id = jdbc.sql("insert into wallet_payment (circuit_id, member_id, gift_card_id, purpose, company_id, "
                        + "store_id, hold_id, amount, currency, status, order_id, expires_at) values (:c, :m, :card, :p, "
                        + ":company, :store, :hold, :amount, :currency, 'HELD', :order, :exp) returning id")
                .param("c", circuitId).param("m", card ? null : holderId).param("card", card ? holderId : null)
                .param("p", purpose.name())
                .param("company", at.companyId()).param("store", at.id()).param("hold", hold.id())
                .param("amount", q.amount().amount()).param("currency", q.amount().currency().getCurrencyCode())
                .param("order", orderId).param("exp", Timestamp.from(expiresAt)).query(Long.class).single();
        return find(circuitId, id);
    }

    @Transactional(readOnly = true)
    public Payment get(Caller caller, long id) {
        Payment p = find(caller.circuit(), id);
        if (!caller.coversCompany(p.companyId())) {
            throw new NotFound("Wallet payment", id);
        }
        return p;
    }

    @Transactional(noRollbackFor = HoldExpired.class) // the expired reservation's release commits
    public Payment capture(Caller caller, long id, String orderId) {
        Payment p = get(caller, id);
        Ledger.Hold hold;
        try {
            hold = ledger.capture(caller.circuit(), p.holdId(), caller.actor());
        } catch (HoldExpired e) {
            status(p.id(), PaymentStatus.EXPIRED, null);
            throw e;
        }
        return status(p.id(), statusOf(hold, p), orderId);
    }

    public Payment release(Caller caller, long id) {
        Payment p = get(caller, id);
        return status(p.id(), statusOf(ledger.release(caller.circuit(), p.holdId(), "Reservation released",
                caller.actor()), p), null);
    }

    /** Gives back a captured payment (a sale cancelled on the spot), with the reason; a held one is released. */
    public Payment undo(Caller caller, long id, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            throw new InvalidInput("reason", "say why the payment is undone (up to 200 characters)");
        }
        Payment p = get(caller, id);
        return status(p.id(), statusOf(ledger.giveBack(caller.circuit(), p.holdId(), "Wallet payment undone: "
                + reason.strip(), caller.actor()), p), null);
    }

    /** The expiry job: releases a reservation whose time ran out; false when it was settled meanwhile. */
    public boolean expire(long circuitId, long holdId) {
        if (ledger.findHold(circuitId, holdId).filter(h -> h.status() == org.loyaltyhub.ledger.HoldStatus.HELD).isEmpty()) {
            return false;
        }
        ledger.release(circuitId, holdId, "Reservation expired", "system");
        jdbc.sql("update wallet_payment set status = 'EXPIRED', updated_at = now() where hold_id = :h")
                .param("h", holdId).update();
        return true;
    }

    private static PaymentStatus statusOf(Ledger.Hold hold, Payment p) {
        return switch (hold.status()) {
            case CAPTURED -> PaymentStatus.CAPTURED;
            case REFUNDED -> PaymentStatus.REFUNDED;
            case HELD, RELEASED -> p.status() == PaymentStatus.EXPIRED ? PaymentStatus.EXPIRED : PaymentStatus.RELEASED;
        };
    }

    private Payment status(long id, PaymentStatus status, String orderId) {
        jdbc.sql("update wallet_payment set status = :s, order_id = coalesce(:order, order_id), updated_at = now() "
                        + "where id = :id")
                .param("s", status.name()).param("order", orderId).param("id", id).update();
        return jdbc.sql("select * from wallet_payment where id = :id").param("id", id).query(ROW).single();
    }

    private Payment find(long circuitId, long id) {
        return jdbc.sql("select * from wallet_payment where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(ROW).optional().orElseThrow(() -> new NotFound("Wallet payment", id));
    }

    // --- manual operations ------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Preview preview(Caller caller, long memberId, Purpose purpose, Direction direction, Money amount) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        members.visible(caller, memberId);
        long minor = manualAmount(caller.circuit(), amount);
        Currency currency = currency(caller.circuit());
        long current = ledger.balance(caller.circuit(), AccountRef.member(requireMoney(purpose).available(), memberId));
        long next = direction == Direction.CREDIT ? current + minor : current - minor;
        Money now = Money.ofMinorUnits(current, currency);
        return next < 0 ? new Preview(now, Money.ofMinorUnits(next, currency), false, "The wallet has only " + now)
                : new Preview(now, Money.ofMinorUnits(next, currency), true, null);
    }

    /**
     * Credits or debits a wallet by hand, with an internal note. A credit opens a lot issued by the administrator's
     * company (the circuit's own for a circuit administrator), with the program's expiry; both go through the
     * purpose's issuance account.
     */
    public Adjusted adjust(Caller caller, long memberId, Purpose purpose, Direction direction, Money amount,
                           String note) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        requireMoney(purpose);
        if (note == null || note.isBlank() || note.strip().length() > 500) {
            throw new InvalidInput("note", "say why the wallet is changed (an internal note, up to 500 characters)");
        }
        Member member = members.visible(caller, memberId);
        long circuitId = caller.circuit();
        long minor = manualAmount(circuitId, amount);
        AccountRef wallet = AccountRef.member(purpose.available(), member.id());
        AccountRef issuance = AccountRef.circuit(purpose.issuance());
        EntryDraft.Builder draft;
        if (direction == Direction.CREDIT) {
            MoneyProgram program = programs.effective(circuitId, caller.companyId(), purpose);
            Instant expires = program.expiryMonths() == null ? null
                    : clock.instant().atZone(java.time.ZoneOffset.UTC).plusMonths(program.expiryMonths()).toInstant();
            draft = EntryDraft.transfer(circuitId, "manual:" + UUID.randomUUID(), purpose.name() + "_MANUAL_CREDIT",
                    "Manual credit").move(issuance, wallet, minor, null, new LotRule.NewLot(caller.companyId(), expires));
        } else {
            draft = EntryDraft.transfer(circuitId, "manual:" + UUID.randomUUID(), purpose.name() + "_MANUAL_DEBIT",
                    "Manual debit").move(wallet, issuance, minor);
        }
        PostedEntry entry = ledger.post(draft.note(note.strip()).member(member.id()).company(caller.companyId())
                .actor(caller.actor()).build());
        return new Adjusted(entry.id(), Money.ofMinorUnits(ledger.balance(circuitId, wallet), currency(circuitId)));
    }

    private long manualAmount(long circuitId, Money amount) {
        Currency currency = currency(circuitId);
        inCurrency("amount", amount, currency);
        if (!amount.isPositive() || amount.floorToMinorUnit().compareTo(amount) != 0
                || amount.toMinorUnits() > MAX_MANUAL_MINOR) {
            throw new InvalidInput("amount", "must be a positive amount in whole cents, at most "
                    + Money.ofMinorUnits(MAX_MANUAL_MINOR, currency));
        }
        return amount.toMinorUnits();
    }

    static Purpose requireMoney(Purpose purpose) {
        if (!purpose.memberWallet()) {
            throw new InvalidInput("purpose", "must be a member's wallet: CASHBACK, DISCOUNT or PREPAID");
        }
        return purpose;
    }

    static void inCurrency(String field, Money m, Currency currency) {
        if (!m.currency().equals(currency)) {
            throw new LoyaltyException("currency-mismatch", Failure.REFUSED, "The " + field + " is in "
                    + m.currency().getCurrencyCode() + " but the circuit's currency is " + currency.getCurrencyCode())
                    .with("field", field);
        }
    }

    Currency currency(long circuitId) {
        return Currency.getInstance(tenancy.circuit(circuitId).currency());
    }
}
