package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.HoldExpired;
import org.loyaltyhub.ledger.HoldStatus;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.WalletCodes;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Wallet money held for shops' discount codes, as {@code wallet_payment} rows (the same reservations as the counter's
 * wallet payments, without an order until one uses the code). Every step locks the payment's row, and each posting
 * has its own key, so concurrent or repeated deliveries of one order take or give back nothing twice.
 */
@Service
@Transactional
class WalletCodeHolds implements WalletCodes {

    private static final Logger log = LoggerFactory.getLogger(WalletCodeHolds.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Members members;
    private final Tenancy tenancy;
    private final MoneyPrograms programs;
    private final GiftCardService giftCards;

    WalletCodeHolds(JdbcClient jdbc, Ledger ledger, Members members, Tenancy tenancy, MoneyPrograms programs,
                    GiftCardService giftCards) {
        this.giftCards = giftCards;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.members = members;
        this.tenancy = tenancy;
        this.programs = programs;
    }

    /** A wallet payment as locked: its holder is the member, or the gift card for an anonymous card's code. */
    private record Row(long id, Long memberId, Long giftCardId, Purpose purpose, long companyId, Long storeId,
                       long holdId, long minor, long backMinor, WalletService.PaymentStatus status) {

        long holder() {
            return memberId != null ? memberId : giftCardId;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Wallet> spendable(long circuitId, long memberId) {
        Currency currency = currency(circuitId);
        List<Wallet> wallets = new ArrayList<>();
        for (Purpose p : Purpose.values()) {
            if (!MoneyProgram.runs(p)) {
                continue;
            }
            Money available = Money.ofMinorUnits(ledger.balance(circuitId, AccountRef.member(p.available(), memberId)),
                    currency);
            boolean on = programs.own(circuitId, null, p).map(MoneyProgram::enabled).orElse(false);
            if (on || available.isPositive()) {
                wallets.add(new Wallet(p, available));
            }
        }
        return wallets;
    }

    @Override
    public CodeHold holdForCode(long circuitId, long memberId, long storeId, Purpose purpose, Money amount,
                                Instant expiresAt, String actor) {
        WalletService.requireMoney(purpose);
        Store at = tenancy.store(circuitId, storeId);
        checkAmount(circuitId, amount);
        Money balance = Money.ofMinorUnits(ledger.balance(circuitId, AccountRef.member(purpose.available(), memberId)),
                currency(circuitId));
        CodeHold held = hold(circuitId, purpose, memberId, at, balance, amount, expiresAt, actor);
        members.relate(circuitId, memberId, at.companyId());
        return held;
    }

    @Override
    public void checkGiftCard(long circuitId, String number, String pin) {
        giftCards.checkPin(circuitId, number, pin);
    }

    @Override
    public CodeHold holdGiftCardForCode(long circuitId, String number, String pin, long storeId, Money amount,
                                        Instant expiresAt, String actor) {
        Store at = tenancy.store(circuitId, storeId);
        checkAmount(circuitId, amount);
        PrepaidStore.Card card = giftCards.anonymous(circuitId, number, pin);
        Money balance = Money.ofMinorUnits(ledger.balance(circuitId, GiftCardService.available(card.id())),
                currency(circuitId));
        Money wanted = amount == null || amount.compareTo(balance) > 0 ? null : amount;
        return hold(circuitId, Purpose.GIFT_CARD, card.id(), at, balance, wanted, expiresAt, actor);
    }

    private void checkAmount(long circuitId, Money amount) {
        Currency currency = currency(circuitId);
        if (amount != null && (!amount.currency().equals(currency) || !amount.isPositive()
                || amount.floorToMinorUnit().compareTo(amount) != 0)) {
            throw new org.loyaltyhub.shared.InvalidInput("amount", "must be a positive amount in whole "
                    + currency.getCurrencyCode() + " cents");
        }
    }

    /** Holds {@code wanted} (the whole balance when null) of a holder's account for a code, as a wallet payment. */
    private CodeHold hold(long circuitId, Purpose purpose, long holderId, Store at, Money balance, Money wanted,
                          Instant expiresAt, String actor) {
        WalletPolicy.CodeQuote q = WalletPolicy.quoteCode(programs.effective(circuitId, at.companyId(), purpose),
                balance, wanted);
        if (!q.allowed()) {
            throw new LoyaltyException(q.code(), Failure.REFUSED, q.reason()).with("balance", q.balance().display());
        }
        Ledger.Hold hold = ledger.hold(circuitId, purpose, holderId, q.amount().toMinorUnits(),
                "wallet-code:" + UUID.randomUUID(), expiresAt, at.companyId(), at.id(), actor);
        boolean card = !purpose.heldByMember();
        long id = jdbc.sql("insert into wallet_payment (circuit_id, member_id, gift_card_id, purpose, company_id, "
                        + "store_id, hold_id, amount, currency, status, expires_at) values (:c, :m, :card, :p, "
                        + ":company, :store, :hold, :amount, :currency, 'HELD', :exp) returning id")
                .param("c", circuitId).param("m", card ? null : holderId).param("card", card ? holderId : null)
                .param("p", purpose.name()).param("company", at.companyId()).param("store", at.id())
                .param("hold", hold.id()).param("amount", q.amount().amount())
                .param("currency", q.amount().currency().getCurrencyCode())
                .param("exp", Timestamp.from(expiresAt)).query(Long.class).single();
        return new CodeHold(id, hold.id(), card ? null : holderId, purpose, q.amount(), q.minimumSpend(), expiresAt);
    }

    @Override
    public void captureForOrder(long circuitId, long paymentId, Long memberId, String orderId, Instant orderedAt,
                                String actor) {
        Row r = lock(circuitId, paymentId, true, memberId);
        if (r.status() != WalletService.PaymentStatus.HELD) {
            return;
        }
        try {
            Ledger.Hold hold = ledger.capture(circuitId, r.holdId(), actor, orderedAt);
            status(r, hold.status() == HoldStatus.CAPTURED ? WalletService.PaymentStatus.CAPTURED : WalletService.PaymentStatus.RELEASED, orderId);
        } catch (HoldExpired e) {
            // the order is still a purchase; the wallet money of the lapsed reservation stays with the member
            log.warn("Order {} used wallet payment {} after its reservation ran out; nothing was taken", orderId,
                    paymentId);
        }
    }

    @Override
    public void giveBackForOrder(long circuitId, long paymentId, Long memberId, String actor) {
        Row r = lock(circuitId, paymentId, true, memberId);
        if (r.status() == WalletService.PaymentStatus.CAPTURED && r.backMinor() > 0) {
            post(circuitId, r, r.minor() - r.backMinor(), "hold:" + r.holdId() + ":refund-rest",
                    "Order cancelled: the rest of the wallet payment given back", actor);
            back(r, r.minor());
            status(r, WalletService.PaymentStatus.REFUNDED, null);
            return;
        }
        if (r.status() == WalletService.PaymentStatus.HELD || r.status() == WalletService.PaymentStatus.CAPTURED) {
            Ledger.Hold hold = ledger.giveBack(circuitId, r.holdId(), "Order cancelled: wallet payment given back",
                    actor);
            status(r, hold.status() == HoldStatus.REFUNDED ? WalletService.PaymentStatus.REFUNDED : WalletService.PaymentStatus.RELEASED, null);
        }
    }

    @Override
    public void giveBackRefundedShare(long circuitId, long paymentId, Long memberId, BigDecimal orderTotal,
                                      BigDecimal refunded, String actor) {
        Row r = lock(circuitId, paymentId, true, memberId);
        if (r.status() != WalletService.PaymentStatus.CAPTURED) {
            return;
        }
        long give = RefundSharePolicy.toGiveNow(r.minor(), orderTotal, refunded, r.backMinor());
        if (give > 0) {
            long back = r.backMinor() + give;
            post(circuitId, r, give, "hold:" + r.holdId() + ":refund-share:" + back,
                    "Order partly refunded: share of the wallet payment given back", actor);
            back(r, back);
        }
    }

    @Override
    public void release(long circuitId, long paymentId, String reason, String actor) {
        Row r = lock(circuitId, paymentId, false, null);
        if (r.status() == WalletService.PaymentStatus.HELD) {
            ledger.release(circuitId, r.holdId(), reason, actor);
            status(r, WalletService.PaymentStatus.RELEASED, null);
        }
    }

    private void post(long circuitId, Row r, long minor, String key, String reason, String actor) {
        if (minor <= 0) {
            return;
        }
        long holdEntry = ledger.findHold(circuitId, r.holdId()).orElseThrow().entryId();
        ledger.post(EntryDraft.transfer(circuitId, key, r.purpose().name() + "_PAYMENT_REFUND", reason)
                .move(AccountRef.circuit(r.purpose().redeemed()), AccountRef.member(r.purpose().available(), r.holder()),
                        minor, null, new LotRule.Restore(holdEntry))
                .member(r.memberId()).company(r.companyId()).store(r.storeId()).actor(actor).build());
    }

    private void back(Row r, long backMinor) {
        Currency currency = Currency.getInstance(jdbc.sql("select currency from wallet_payment where id = :id")
                .param("id", r.id()).query(String.class).single());
        jdbc.sql("update wallet_payment set amount_back = :back, updated_at = now() where id = :id")
                .param("back", Money.ofMinorUnits(backMinor, currency).amount()).param("id", r.id()).update();
    }

    private void status(Row r, WalletService.PaymentStatus status, String orderId) {
        jdbc.sql("update wallet_payment set status = :s, order_id = coalesce(:order, order_id), updated_at = now() "
                        + "where id = :id")
                .param("s", status.name()).param("order", orderId).param("id", r.id()).update();
    }

    /** The payment's row, locked; with {@code checkHolder}, refused unless it is {@code memberId}'s (null: a card's). */
    private Row lock(long circuitId, long paymentId, boolean checkHolder, Long memberId) {
        Row r = jdbc.sql("select * from wallet_payment where circuit_id = :c and id = :id for update")
                .param("c", circuitId).param("id", paymentId)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new Row(rs.getLong("id"), (Long) rs.getObject("member_id"),
                            (Long) rs.getObject("gift_card_id"), Purpose.valueOf(rs.getString("purpose")),
                            rs.getLong("company_id"), (Long) rs.getObject("store_id"), rs.getLong("hold_id"),
                            new Money(rs.getBigDecimal("amount"), currency).toMinorUnits(),
                            new Money(rs.getBigDecimal("amount_back"), currency).toMinorUnits(), WalletService.PaymentStatus.valueOf(rs.getString("status")));
                }).optional().orElseThrow(() -> new org.loyaltyhub.shared.NotFound("Wallet payment", paymentId));
        if (checkHolder && !java.util.Objects.equals(r.memberId(), memberId)) {
            throw new LoyaltyException("wallet-payment-of-another-member", Failure.REFUSED,
                    "The wallet payment belongs to another member").with("field", "paymentId");
        }
        return r;
    }

    private Currency currency(long circuitId) {
        return Currency.getInstance(tenancy.circuit(circuitId).currency());
    }
}
