package org.loyaltyhub.purchases.internal.receipts;

import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.purchases.Purchase;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.ReceiptClaim;
import org.loyaltyhub.purchases.ReceiptClaimStatus;
import org.loyaltyhub.purchases.ReceiptRefusal;
import org.loyaltyhub.purchases.ReceiptRefused;
import org.loyaltyhub.purchases.ReceiptReviewed;
import org.loyaltyhub.purchases.ReceiptSettings;
import org.loyaltyhub.purchases.Receipts;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.purchases.internal.PurchaseService;
import org.loyaltyhub.purchases.internal.StoreKeys;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** {@link Receipts}: codes for tills, members' claims, the review queue and the circuit's settings. */
@Service
@Transactional
class ReceiptService implements Receipts {

    private final ReceiptStore store;
    private final StoreKeys keys;
    private final Tenancy tenancy;
    private final Programs programs;
    private final PurchaseService purchases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReceiptService(ReceiptStore store, StoreKeys keys, Tenancy tenancy, Programs programs, PurchaseService purchases,
                   ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.tenancy = tenancy;
        this.programs = programs;
        this.purchases = purchases;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String code(Caller caller, long storeId, long receiptNumber, Money amount, Instant issuedAt) {
        Store at = tenancy.storeFor(caller, storeId);
        Currency currency = Currency.getInstance(tenancy.circuit(at.circuitId()).currency());
        if (!amount.currency().equals(currency)) {
            throw new InvalidInput("amount", "must be in the circuit's currency, " + currency);
        }
        if (issuedAt.isAfter(clock.instant().plusSeconds(300)) || issuedAt.isBefore(ReceiptCode.EPOCH)) {
            throw new InvalidInput("issuedAt", "must be the receipt's time: not in the future, not before 2020");
        }
        long minor = amount.toMinorUnits();
        if (minor < 1 || minor > 0xFFFFFFFFL) {
            throw new InvalidInput("amount", "must be at least one cent and below 42,949,672.96");
        }
        return new ReceiptCode(at.id(), minor, issuedAt, receiptNumber).signed(keys.key(at.circuitId(), at.id()));
    }

    @Override
    public ReceiptClaim claim(long circuitId, long memberId, String text) {
        ReceiptCode.Read read = ReceiptCode.read(text);
        ReceiptCode code = read.code();
        Store at = storeOf(circuitId, code.storeId());
        Optional<byte[]> key = keys.existing(circuitId, at.id());
        if (key.isEmpty() || !read.signedWith(key.get())) {
            throw new ReceiptRefused(ReceiptRefusal.FORGED);
        }
        if (store.claimed(circuitId, code)) {
            throw new ReceiptRefused(ReceiptRefusal.ALREADY_CLAIMED);
        }
        Currency currency = Currency.getInstance(tenancy.circuit(circuitId).currency());
        Money amount = Money.ofMinorUnits(code.amountMinor(), currency);
        Instant now = clock.instant();
        Money today = store.claimedSince(circuitId, memberId, startOfToday(circuitId, now), currency);
        ReceiptSettings settings = settings(circuitId);
        return switch (new ReceiptPolicy(settings).decide(amount, code.issuedAt(), now, today)) {
            case ReceiptPolicy.Refuse refuse -> throw new ReceiptRefused(refuse.reason());
            case ReceiptPolicy.Review review -> insert(circuitId, memberId, code, amount, ReceiptClaimStatus.PENDING);
            case ReceiptPolicy.Record record -> {
                ReceiptClaim claim = insert(circuitId, memberId, code, amount, ReceiptClaimStatus.RECORDED);
                yield store.recorded(circuitId, claim.id(), record(circuitId, at, claim));
            }
        };
    }

    private ReceiptClaim insert(long circuitId, long memberId, ReceiptCode code, Money amount,
                                ReceiptClaimStatus status) {
        return store.insert(circuitId, memberId, code, amount, status, clock.instant())
                .orElseThrow(() -> new ReceiptRefused(ReceiptRefusal.ALREADY_CLAIMED)); // a concurrent claim won
    }

    /** Records the purchase as the store's till would have: the store's channel {@code receipt}, keyed by the receipt. */
    private long record(long circuitId, Store at, ReceiptClaim claim) {
        Caller till = new Caller(Role.API_KEY, circuitId, at.companyId(), at.id(), null, null,
                "customer:" + claim.memberId());
        Purchase purchase = purchases.record(till, new RecordPurchase(
                "receipt-" + claim.receiptNumber() + "-" + claim.issuedAt().getEpochSecond() / 60, "receipt", at.id(),
                MemberIdentifier.byId(claim.memberId()), claim.amount().currency().getCurrencyCode(),
                claim.amount().amount(), null, PurchaseStatus.COMPLETED, claim.issuedAt(), null, List.of()));
        return purchase.id();
    }

    private Store storeOf(long circuitId, long storeId) {
        try {
            return tenancy.store(circuitId, storeId);
        } catch (NotFound e) {
            throw new ReceiptRefused(ReceiptRefusal.UNKNOWN_STORE);
        }
    }

    private Instant startOfToday(long circuitId, Instant now) {
        ZoneId zone = ZoneId.of(programs.settings(circuitId).timeZone());
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReceiptClaim> ofMember(long circuitId, long memberId) {
        return store.ofMember(circuitId, memberId);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ReceiptClaim> pending(Caller caller, PageQuery page) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        List<Long> stores = tenancy.stores(caller).stream().map(Store::id).toList();
        return store.pending(caller.circuit(), stores, page);
    }

    @Override
    public ReceiptClaim review(Caller caller, long claimId, boolean approve, String reason) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        long circuitId = caller.circuit();
        ReceiptClaim claim = store.lock(circuitId, claimId)
                .filter(c -> caller.coversStore(tenancy.store(circuitId, c.storeId())))
                .orElseThrow(() -> new NotFound("Receipt claim", claimId));
        if (claim.status() == (approve ? ReceiptClaimStatus.RECORDED : ReceiptClaimStatus.REFUSED)) {
            return claim; // a retried decision answers what the first one did
        }
        String why = reason == null ? "" : reason.strip();
        if (!approve && (why.isEmpty() || why.length() > 300)) {
            throw new InvalidInput("reason", "say why the receipt is refused (up to 300 characters)");
        }
        ReceiptClaimStatus next = claim.status().decide(approve);
        ReceiptClaim reviewed = store.reviewed(circuitId, claimId, next, approve ? null : why, caller.actor(),
                clock.instant());
        if (approve) {
            reviewed = store.recorded(circuitId, claimId, record(circuitId, tenancy.store(circuitId, claim.storeId()),
                    reviewed));
        }
        events.publishEvent(new ReceiptReviewed(circuitId, claim.memberId(), claimId, claim.storeId(), approve,
                approve ? null : why));
        return reviewed;
    }

    @Override
    @Transactional(readOnly = true)
    public ReceiptSettings settings(long circuitId) {
        return store.settings(circuitId).orElseGet(ReceiptSettings::defaults);
    }

    @Override
    public ReceiptSettings change(Caller caller, ReceiptSettings settings) {
        caller.require(Role.CIRCUIT_ADMIN);
        store.save(caller.circuit(), settings);
        return settings(caller.circuit());
    }
}
