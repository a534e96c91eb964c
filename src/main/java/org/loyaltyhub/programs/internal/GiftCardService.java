package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Leg;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.GiftCardNumber;
import org.loyaltyhub.programs.PrepaidCards;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.TooManyAttempts;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Anonymous gift cards once sold: the balance by number and PIN, paying part of an order with the card (the wallet's
 * reservation machinery: quote, hold, capture, release, on the card's own accounts), attaching a card to a member,
 * and the back office's list and detail. Every use by number takes the card's row lock and checks the PIN first;
 * a wrong PIN is counted and committed even though the request is refused ({@link PinAttempts}).
 */
@Service
@Transactional(noRollbackFor = {WrongPin.class, TooManyAttempts.class})
public class GiftCardService implements PrepaidCards {

    private final PrepaidStore store;
    private final Ledger ledger;
    private final Members members;
    private final Tenancy tenancy;
    private final WalletService wallets;
    private final PasswordEncoder pins;
    private final Clock clock;

    GiftCardService(PrepaidStore store, Ledger ledger, Members members, Tenancy tenancy, WalletService wallets,
                    PasswordEncoder pins, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.members = members;
        this.tenancy = tenancy;
        this.wallets = wallets;
        this.pins = pins;
        this.clock = clock;
    }

    /** A card as the back office and counters see it; never its PIN. */
    public record Card(long id, GiftCardNumber number, long issuerCompanyId, Long memberId, Instant attachedAt,
                       Instant expiresAt, Instant soldAt, Money available, Money held, boolean locked) {
    }

    public record Detail(Card card, PrepaidSale sale, List<Ledger.AccountMovement> history) {
    }

    // --- by number and PIN ----------------------------------------------------------------------------------

    /** The card's balance, for whoever has its number and PIN (a counter, a till). */
    public Card balance(Caller caller, String number, String pin) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        return view(caller.circuit(), unlock(caller.circuit(), number, pin));
    }

    /** Reserves an amount of the card for an order at a store that accepts prepaid credit (null: the most allowed). */
    public WalletService.Payment hold(Caller caller, String number, String pin, Money orderTotal, Money amount,
                                      String orderId, Long storeId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        Store at = tenancy.storeFor(caller, storeId);
        PrepaidStore.Card card = anonymous(caller.circuit(), number, pin);
        WalletPolicy.Quote q = wallets.quote(caller.circuit(), available(card.id()), at.companyId(), orderTotal, amount);
        return wallets.hold(caller, Purpose.GIFT_CARD, card.id(), q, orderId, at);
    }

    /** Checks the card's PIN in a transaction of its own: a wrong PIN is counted whatever the caller's work does. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW,
            noRollbackFor = {WrongPin.class, TooManyAttempts.class})
    public void checkPin(long circuitId, String number, String pin) {
        unlock(circuitId, number, pin);
    }

    /**
     * The anonymous card with that number, its row locked, once the PIN matches (see {@link #unlock}); a card attached
     * to a member is refused.
     */
    PrepaidStore.Card anonymous(long circuitId, String number, String pin) {
        PrepaidStore.Card card = unlock(circuitId, number, pin);
        if (card.memberId() != null) {
            throw new GiftCardAttached("This gift card was attached to a member: pay with their prepaid credit");
        }
        return card;
    }

    /** An operator attaches a card to a member at the counter (the customer gives number and PIN). */
    public Money attach(Caller caller, MemberIdentifier member, String number, String pin) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        long memberId = members.resolve(caller, member);
        return attach(caller.circuit(), memberId, number, pin, caller.actor());
    }

    @Override
    public Money attach(long circuitId, long memberId, String number, String pin) {
        return attach(circuitId, memberId, number, pin, "member:" + memberId);
    }

    /**
     * Moves what is left on the card to the member's prepaid credit, lot by lot (each keeps its issuer and expiry,
     * so clearing still knows who sold it). Attaching again (the same member) moves what came back since (a released
     * reservation); another member is refused.
     */
    private Money attach(long circuitId, long memberId, String number, String pin, String actor) {
        PrepaidStore.Card card = unlock(circuitId, number, pin);
        if (card.memberId() != null && card.memberId() != memberId) {
            throw new GiftCardAttached("This gift card is attached to another member");
        }
        store.attach(card.id(), memberId, clock.instant());
        List<Leg> legs = new ArrayList<>();
        AccountRef to = AccountRef.member(AccountKind.PREPAID_AVAILABLE, memberId);
        long moved = 0;
        for (Ledger.OpenLot lot : ledger.openLots(circuitId, available(card.id()))) {
            legs.add(new Leg(available(card.id()), -lot.remaining(), new LotRule.ConsumeLot(lot.lotId())));
            legs.add(new Leg(to, lot.remaining(), new LotRule.NewLot(lot.issuerCompanyId(), lot.expiresAt())));
            moved += lot.remaining();
        }
        if (moved > 0) {
            ledger.post(new EntryDraft(circuitId, "gift-card:" + card.id() + ":attach:" + UUID.randomUUID(),
                    "GIFT_CARD_ATTACH", "Gift card …" + card.number().lastFour() + " attached", null, memberId,
                    card.issuerCompanyId(), null, actor, null, legs));
        }
        return Money.ofMinorUnits(moved, wallets.currency(circuitId));
    }

    /**
     * The card with that number, its row locked, once the PIN matches: a locked card is refused without looking at
     * the PIN; a wrong PIN is counted (the fifth locks the card) and refused.
     */
    private PrepaidStore.Card unlock(long circuitId, String number, String pin) {
        GiftCardNumber n = GiftCardNumber.parse(number);
        if (pin == null || !pin.strip().matches("[0-9]{4,8}")) {
            throw new InvalidInput("pin", "type the card's PIN (digits)");
        }
        PrepaidStore.Card card = store.lock(circuitId, n);
        Instant now = clock.instant();
        var locked = card.pins().locked(now);
        if (locked.isPresent()) {
            throw new TooManyAttempts(locked.get());
        }
        if (!pins.matches(pin.strip(), card.pinHash())) {
            PinAttempts next = card.pins().wrong(now);
            store.pins(card.id(), next);
            throw next.locked(now).<org.loyaltyhub.shared.LoyaltyException>map(TooManyAttempts::new)
                    .orElseGet(() -> new WrongPin(next.left()));
        }
        if (card.pins().failed() > 0 || card.pins().lockedUntil() != null) {
            store.pins(card.id(), card.pins().right());
        }
        return card;
    }

    // --- back office ----------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<Card> cards(Caller caller, PageQuery page) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        long circuitId = caller.circuit();
        return store.cards(circuitId, caller.isCircuitAdmin() ? null : caller.companyId(), page)
                .map(c -> view(circuitId, c));
    }

    /** A card sold by the caller's company (any card for the circuit administrator), with its sale and history. */
    @Transactional(readOnly = true)
    public Detail detail(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        long circuitId = caller.circuit();
        PrepaidStore.Card card = store.card(circuitId, id).filter(c -> caller.coversCompany(c.issuerCompanyId()))
                .orElseThrow(() -> new NotFound("Gift card", id));
        return new Detail(view(circuitId, card), store.saleOfCard(id).orElse(null),
                perEntry(ledger.accountHistory(circuitId, available(id), PageQuery.of(0, 200)).items()));
    }

    /** One line per entry: a sale with a bonus, or an attach of several lots, posts the card's account twice. */
    private static List<Ledger.AccountMovement> perEntry(List<Ledger.AccountMovement> postings) {
        java.util.LinkedHashMap<Long, Ledger.AccountMovement> lines = new java.util.LinkedHashMap<>();
        for (Ledger.AccountMovement p : postings) {
            lines.merge(p.entryId(), p, (a, b) -> new Ledger.AccountMovement(a.entryId(), a.at(), a.kind(), a.reason(),
                    a.note(), a.memberId(), a.companyId(), a.storeId(), a.actor(), a.amount() + b.amount(),
                    a.reversesId()));
        }
        return List.copyOf(lines.values());
    }

    // --- the customer area ----------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Holding holding(long circuitId, long memberId) {
        Currency currency = wallets.currency(circuitId);
        Money credit = Money.ofMinorUnits(ledger.balance(circuitId,
                AccountRef.member(AccountKind.PREPAID_AVAILABLE, memberId)), currency);
        List<AttachedCard> cards = store.cardsOf(circuitId, memberId).stream()
                .map(c -> new AttachedCard(c.number().lastFour(), c.attachedAt(),
                        Money.ofMinorUnits(ledger.balance(circuitId, available(c.id())), currency)))
                .toList();
        return new Holding(store.settings(circuitId).enabled(), credit, cards);
    }

    private Card view(long circuitId, PrepaidStore.Card c) {
        Currency currency = wallets.currency(circuitId);
        Ledger.MemberBalance b = ledger.memberBalance(circuitId, Purpose.GIFT_CARD, c.id(), clock.instant());
        return new Card(c.id(), c.number(), c.issuerCompanyId(), c.memberId(), c.attachedAt(), c.expiresAt(),
                c.createdAt(), Money.ofMinorUnits(b.available(), currency), Money.ofMinorUnits(b.held(), currency),
                c.pins().locked(clock.instant()).isPresent());
    }

    static AccountRef available(long cardId) {
        return AccountRef.member(AccountKind.GIFT_CARD_AVAILABLE, cardId);
    }
}
