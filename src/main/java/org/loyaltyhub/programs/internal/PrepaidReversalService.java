package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.Leg;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Undoing a prepaid sale ({@link PrepaidReversalPolicy} says who and when): a void reverses the sale's journal entry
 * (a new entry linked to it, never an edit), a refund takes the unspent remainder of the sale's lots back to the
 * accounts it came from (what was paid, then the bonus), in as many refunds as asked until nothing is left. A void is
 * once per sale; a refund is once per request key (the API's Idempotency-Key, the page form's own key; without one,
 * once per sale): the sale's row lock puts concurrent requests in line and a retry answers the reversal recorded
 * first; the lots' accounts stay locked until the entry is posted, so no payment takes the credit in between.
 */
@Service
@Transactional
public class PrepaidReversalService {

    private final PrepaidStore store;
    private final Ledger ledger;
    private final WalletService wallets;
    private final Clock clock;

    PrepaidReversalService(PrepaidStore store, Ledger ledger, WalletService wallets, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.wallets = wallets;
        this.clock = clock;
    }

    /** A sale undone as answered; {@code replayed} when this request had been done before. */
    public record Undone(PrepaidSale sale, PrepaidReversal reversal, boolean replayed) {
    }

    /**
     * A sale the caller sees as its page shows it: how it was undone (its void or refunds, oldest first; empty: not
     * yet), what is left of its credit, until when it may be voided, and what the caller may do with it now.
     */
    public record SaleState(PrepaidSale sale, List<PrepaidReversal> reversals, Money left, Instant voidableUntil,
                            boolean mayVoid, boolean mayRefund) {

        public SaleState {
            reversals = List.copyOf(reversals);
        }
    }

    @Transactional(readOnly = true)
    public SaleState state(Caller caller, long saleId) {
        PrepaidSale sale = visible(caller, saleId);
        long circuitId = caller.circuit();
        List<PrepaidReversal> reversals = store.reversalsOf(sale.id());
        List<Ledger.OpenedLot> lots = ledger.lotsOpenedBy(circuitId, sale.entryId());
        Money left = Money.ofMinorUnits(lots.stream().mapToLong(Ledger.OpenedLot::remaining).sum(),
                wallets.currency(circuitId));
        Instant until = store.settings(circuitId).voidableUntil(sale.soldAt());
        boolean voided = reversals.stream().anyMatch(r -> r.kind() == PrepaidReversal.Kind.VOID);
        return new SaleState(sale, reversals, left, until, reversals.isEmpty() && allowed(() ->
                PrepaidReversalPolicy.checkVoid(sale, caller, clock.instant(), until,
                        lots.stream().allMatch(Ledger.OpenedLot::untouched))),
                !voided && allowed(() -> PrepaidReversalPolicy.checkRefund(sale, caller, null, left)));
    }

    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (org.loyaltyhub.shared.LoyaltyException refused) {
            return false;
        }
    }

    public Undone voidSale(Caller caller, long saleId, String reason) {
        String why = reason(reason);
        PrepaidSale sale = visible(caller, saleId);
        PrepaidReversalPolicy.mayVoid(sale, caller);
        store.lockSale(sale.id());
        List<PrepaidReversal> earlier = store.reversalsOf(sale.id());
        if (!earlier.isEmpty()) {
            return replay(sale, earlier.getFirst(), PrepaidReversal.Kind.VOID, null);
        }
        long circuitId = caller.circuit();
        ledger.lockAccountsOf(circuitId, sale.entryId());
        boolean untouched = ledger.lotsOpenedBy(circuitId, sale.entryId()).stream()
                .allMatch(Ledger.OpenedLot::untouched);
        PrepaidReversalPolicy.checkVoid(sale, caller, clock.instant(),
                store.settings(circuitId).voidableUntil(sale.soldAt()), untouched);
        PostedEntry entry = ledger.reverse(circuitId, sale.entryId(),
                sale.giftCard() ? "GIFT_CARD_SALE_VOID" : "PREPAID_SALE_VOID",
                "Sale voided, receipt " + sale.receiptNumber(), why, caller.actor());
        return record(circuitId, sale, PrepaidReversal.Kind.VOID, sale.credit(), why, entry, caller, null);
    }

    /**
     * Refunds {@code amount} of what is left of the sale (all of it when null), once for {@code requestKey} (null:
     * once per sale, as a request without a key may be a retry of any earlier one).
     */
    public Undone refund(Caller caller, long saleId, Money amount, String reason, String requestKey) {
        String why = reason(reason);
        String key = requestKey(requestKey);
        PrepaidSale sale = visible(caller, saleId);
        caller.require(Role.COMPANY_ADMIN);
        long circuitId = caller.circuit();
        Currency currency = wallets.currency(circuitId);
        if (amount != null) {
            WalletService.inCurrency("amount", amount, currency);
        }
        store.lockSale(sale.id());
        List<PrepaidReversal> earlier = store.reversalsOf(sale.id());
        Optional<PrepaidReversal> voided = earlier.stream().filter(r -> r.kind() == PrepaidReversal.Kind.VOID)
                .findFirst();
        if (voided.isPresent()) {
            throw new PrepaidSaleReversed(PrepaidReversal.Kind.VOID);
        }
        Optional<PrepaidReversal> same = earlier.stream().filter(r -> Objects.equals(r.requestKey(), key)).findFirst();
        if (same.isPresent()) {
            if (key == null && amount != null && amount.compareTo(same.get().amount()) != 0) {
                throw PrepaidSaleReversed.refundedWithoutKey();
            }
            return replay(sale, same.get(), PrepaidReversal.Kind.REFUND, amount);
        }
        ledger.lockAccountsOf(circuitId, sale.entryId());
        List<Ledger.OpenedLot> lots = ledger.lotsOpenedBy(circuitId, sale.entryId());
        Money left = Money.ofMinorUnits(lots.stream().mapToLong(Ledger.OpenedLot::remaining).sum(), currency);
        Money refunded = PrepaidReversalPolicy.checkRefund(sale, caller, amount, left);
        PostedEntry entry = ledger.post(new EntryDraft(circuitId,
                "prepaid-refund:" + sale.id() + (earlier.isEmpty() ? "" : ":" + (earlier.size() + 1)),
                sale.giftCard() ? "GIFT_CARD_SALE_REFUND" : "PREPAID_SALE_REFUND",
                "Unspent credit refunded, receipt " + sale.receiptNumber(), why, sale.memberId(), sale.companyId(),
                sale.storeId(), caller.actor(), null, refundLegs(sale, lots, refunded.toMinorUnits())));
        return record(circuitId, sale, PrepaidReversal.Kind.REFUND, refunded, why, entry, caller, key);
    }

    /** From the sale's lots in order (what was paid, then the bonus) back to the account each came from. */
    private static List<Leg> refundLegs(PrepaidSale sale, List<Ledger.OpenedLot> lots, long amount) {
        AccountRef holder = sale.giftCard() ? AccountRef.member(AccountKind.GIFT_CARD_AVAILABLE, sale.giftCardId())
                : AccountRef.member(AccountKind.PREPAID_AVAILABLE, sale.memberId());
        List<Leg> legs = new ArrayList<>();
        long rest = amount;
        for (int i = 0; i < lots.size() && rest > 0; i++) {
            long part = Math.min(rest, lots.get(i).remaining());
            if (part > 0) {
                legs.add(new Leg(holder, -part, new LotRule.ConsumeLot(lots.get(i).lotId())));
                legs.add(new Leg(AccountRef.circuit(i == 0 ? AccountKind.PREPAID_ISSUANCE : AccountKind.PREPAID_BONUS),
                        part, null));
                rest -= part;
            }
        }
        return legs;
    }

    private Undone replay(PrepaidSale sale, PrepaidReversal earlier, PrepaidReversal.Kind asked, Money amount) {
        if (earlier.kind() != asked || amount != null && amount.compareTo(earlier.amount()) != 0) {
            throw new PrepaidSaleReversed(earlier.kind());
        }
        return new Undone(sale, earlier, true);
    }

    private Undone record(long circuitId, PrepaidSale sale, PrepaidReversal.Kind kind, Money amount, String why,
                          PostedEntry entry, Caller caller, String key) {
        store.newReversal(circuitId, new PrepaidReversal(0, sale.id(), kind, amount, why, entry.id(), caller.actor(),
                clock.instant(), key));
        return new Undone(sale, store.reversalsOf(sale.id()).getLast(), false);
    }

    private static String requestKey(String requestKey) {
        String key = requestKey == null ? null : requestKey.strip();
        if (key != null && (key.isEmpty() || key.length() > 200)) {
            throw new InvalidInput("Idempotency-Key", "1 to 200 characters");
        }
        return key;
    }

    private PrepaidSale visible(Caller caller, long saleId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        return store.sale(caller.circuit(), saleId).filter(s -> caller.coversCompany(s.companyId()))
                .orElseThrow(() -> new NotFound("Prepaid sale", saleId));
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidInput("reason", "say why (1 to 500 characters)");
        }
        return why;
    }
}
