package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.GiftCardNumber;
import org.loyaltyhub.programs.PrepaidSettings;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;

/**
 * Selling prepaid credit (issue 11 §2): a company sells credit to a member's prepaid account or on a new anonymous
 * gift card, for what the customer paid plus an optional bonus the company funds. The sale is one journal entry from
 * the circuit's prepaid accounts (PREPAID_ISSUANCE for what was paid, PREPAID_BONUS for the bonus), each part a lot
 * issued by the selling company with the circuit's expiry. The company's receipt number makes the sale once.
 * Also the circuit's prepaid settings and the lists of sales and cards for the back office.
 */
@Service
@Transactional
public class PrepaidService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrepaidStore store;
    private final Ledger ledger;
    private final Members members;
    private final Tenancy tenancy;
    private final WalletService wallets;
    private final PasswordEncoder pins;
    private final CircuitFeatures features;
    private final Clock clock;

    PrepaidService(PrepaidStore store, Ledger ledger, Members members, Tenancy tenancy, WalletService wallets,
                   PasswordEncoder pins, CircuitFeatures features, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.members = members;
        this.tenancy = tenancy;
        this.wallets = wallets;
        this.pins = pins;
        this.features = features;
        this.clock = clock;
    }

    /**
     * What a counter or till sells: to {@code member}, or on a new gift card when {@code member} is null; the amount
     * paid, the bonus (null: none), how it was paid and the receipt number.
     */
    public record Sell(MemberIdentifier member, Money amount, Money bonus, PaymentMethod paymentMethod,
                       String receiptNumber, Long storeId) {
    }

    /**
     * A sale as answered: the gift card's PIN only in the answer that created it (it is kept hashed, never shown
     * again); {@code replayed} when the receipt had recorded this sale before.
     */
    public record Sold(PrepaidSale sale, String pin, boolean replayed) {
    }

    // --- settings -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PrepaidSettings settings(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        return store.settings(caller.circuit());
    }

    /** Only the circuit administrator changes them; listed companies must be the circuit's. */
    public PrepaidSettings changeSettings(Caller caller, PrepaidSettings s) {
        caller.require(Role.CIRCUIT_ADMIN);
        for (long company : s.acceptingCompanies()) {
            try {
                tenancy.company(caller, company);
            } catch (NotFound e) {
                throw new InvalidInput("acceptingCompanies", "company " + company + " is not one of the circuit's");
            }
        }
        features.changed(caller.circuit());
        store.save(caller.circuit(), s);
        return store.settings(caller.circuit());
    }

    // --- selling --------------------------------------------------------------------------------------------

    public Sold sell(Caller caller, Sell s) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        long circuitId = caller.circuit();
        Store at = tenancy.storeFor(caller, s.storeId());
        String receipt = s.receiptNumber() == null ? "" : s.receiptNumber().strip();
        if (receipt.isEmpty() || receipt.length() > 100) {
            throw new InvalidInput("receiptNumber", "type the receipt number (1 to 100 characters)");
        }
        if (s.paymentMethod() == null) {
            throw new InvalidInput("paymentMethod", "say how the customer paid");
        }
        Currency currency = wallets.currency(circuitId);
        WalletService.inCurrency("amount", s.amount(), currency);
        Money bonus = s.bonus() == null ? Money.zero(currency) : s.bonus();
        WalletService.inCurrency("bonus", bonus, currency);
        PrepaidSettings settings = store.settings(circuitId);
        settings.checkSale(s.amount(), bonus);
        Long memberId = s.member() == null ? null : members.resolve(caller, s.member());
        PrepaidStore.SaleFacts facts = new PrepaidStore.SaleFacts(memberId, memberId == null, s.amount(), bonus,
                s.paymentMethod());

        store.lockReceipt(at.companyId(), receipt);
        var earlier = store.saleByReceipt(at.companyId(), receipt);
        if (earlier.isPresent()) {
            return new Sold(sameSale(earlier.get(), facts, receipt), null, true);
        }
        Instant now = clock.instant();
        Instant expiresAt = settings.expiresAt(now);
        String pin = null;
        Long cardId = null;
        AccountRef target;
        if (memberId == null) {
            pin = newPin();
            cardId = store.newCard(circuitId, GiftCardNumber.random(), pins.encode(pin), at.companyId(), expiresAt);
            target = AccountRef.member(AccountKind.GIFT_CARD_AVAILABLE, cardId);
        } else {
            target = AccountRef.member(AccountKind.PREPAID_AVAILABLE, memberId);
            members.relate(circuitId, memberId, at.companyId());
        }
        LotRule.NewLot lot = new LotRule.NewLot(at.companyId(), expiresAt);
        EntryDraft.Builder draft = EntryDraft.transfer(circuitId, "prepaid-sale:" + at.companyId() + ":" + receipt,
                        memberId == null ? "GIFT_CARD_SALE" : "PREPAID_SALE",
                        (memberId == null ? "Gift card sold" : "Prepaid credit sold") + ", receipt " + receipt)
                .move(AccountRef.circuit(AccountKind.PREPAID_ISSUANCE), target, s.amount().toMinorUnits(), null, lot);
        if (bonus.isPositive()) {
            draft.move(AccountRef.circuit(AccountKind.PREPAID_BONUS), target, bonus.toMinorUnits(), null, lot);
        }
        PostedEntry entry = ledger.post(draft.member(memberId).company(at.companyId()).store(at.id())
                .actor(caller.actor()).build());
        long id = store.newSale(circuitId, at.companyId(), at.id(), memberId, cardId, facts, receipt, entry.id(),
                expiresAt, caller.actor(), now);
        return new Sold(store.sale(circuitId, id).orElseThrow(), pin, false);
    }

    /** A retry must say what the first sale said; anything else under the same receipt is another sale. */
    private static PrepaidSale sameSale(PrepaidSale first, PrepaidStore.SaleFacts f, String receipt) {
        boolean same = first.giftCard() == f.giftCard() && java.util.Objects.equals(first.memberId(), f.memberId())
                && first.paid().compareTo(f.paid()) == 0 && first.bonus().compareTo(f.bonus()) == 0
                && first.paymentMethod() == f.method();
        if (!same) {
            throw new PrepaidReceiptUsed(receipt);
        }
        return first;
    }

    private static String newPin() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    // --- lists ----------------------------------------------------------------------------------------------

    /** Sales the caller may see: the whole circuit's for its administrator, their company's for everybody else. */
    @Transactional(readOnly = true)
    public Page<PrepaidSale> sales(Caller caller, PageQuery page) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        return store.sales(caller.circuit(), caller.isCircuitAdmin() ? null : caller.companyId(), page);
    }

    @Transactional(readOnly = true)
    public PrepaidSale sale(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        return store.sale(caller.circuit(), id).filter(s -> caller.coversCompany(s.companyId()))
                .orElseThrow(() -> new NotFound("Prepaid sale", id));
    }
}
