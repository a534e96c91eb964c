package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * A member's points: balance, history, manual credits and debits with a preview (seed 004, "Nuove Operazioni"),
 * voiding a movement by a linked reversal, and fixed points for actions (review, newsletter, registration).
 */
@Service
@Transactional
public class PointsService {

    static final long MAX_MANUAL_POINTS = 10_000_000;
    private static final Set<String> REVERSIBLE = Set.of("MANUAL_CREDIT", "MANUAL_DEBIT", "ACTION_REGISTRATION",
            "ACTION_NEWSLETTER", "ACTION_REVIEW", "BUDGET_RECHARGE");

    private final Ledger ledger;
    private final Members members;
    private final Tenancy tenancy;
    private final ProgramStore store;
    private final Clock clock;

    PointsService(Ledger ledger, Members members, Tenancy tenancy, ProgramStore store, Clock clock) {
        this.ledger = ledger;
        this.members = members;
        this.tenancy = tenancy;
        this.store = store;
        this.clock = clock;
    }

    public enum Direction { CREDIT, DEBIT }

    public record Balance(long memberId, long available, long pending, long held, long expiringWithin30Days,
                          java.time.Instant nextExpiry, long lifetimeEarned) {
    }

    public record Preview(long currentBalance, long newBalance, boolean allowed, String reason) {
    }

    public record Adjusted(long entryId, long newBalance) {
    }

    @Transactional(readOnly = true)
    public Balance balance(Caller caller, long memberId) {
        members.resolve(caller, org.loyaltyhub.members.MemberIdentifier.byId(memberId));
        Ledger.MemberBalance b = ledger.memberBalance(caller.circuit(), memberId,
                clock.instant().plus(Duration.ofDays(30)));
        return new Balance(memberId, b.available(), b.pending(), b.held(), b.expiringSoon(), b.nextExpiry(),
                b.lifetimeEarned());
    }

    @Transactional(readOnly = true)
    public Page<Ledger.Movement> history(Caller caller, long memberId, Ledger.HistoryFilter filter, PageQuery page) {
        members.visible(caller, memberId);
        return ledger.memberHistory(caller.circuit(), memberId, filter, page);
    }

    @Transactional(readOnly = true)
    public Preview preview(Caller caller, long memberId, Direction direction, long points) {
        requireAdmin(caller);
        checkPoints(points);
        members.visible(caller, memberId);
        long current = ledger.balance(caller.circuit(), AccountRef.available(memberId));
        long next = direction == Direction.CREDIT ? current + points : current - points;
        return next < 0 ? new Preview(current, next, false, "The member has only " + current + " points")
                : new Preview(current, next, true, null);
    }

    public Adjusted adjust(Caller caller, long memberId, Direction direction, long points, String note, Long storeId) {
        requireAdmin(caller);
        checkPoints(points);
        if (note == null || note.isBlank()) {
            throw new InvalidInput("note", "say why the points are changed (an internal note)");
        }
        Member member = members.visible(caller, memberId);
        Long companyId = caller.companyId();
        if (storeId != null) {
            companyId = tenancy.storeFor(caller, storeId).companyId();
        }
        long circuitId = caller.circuit();
        EntryDraft.Builder draft;
        if (direction == Direction.CREDIT) {
            boolean fromBudget = companyId != null && tenancy.circuit(circuitId).budgetsEnforced();
            AccountRef source = fromBudget ? AccountRef.budget(companyId) : AccountRef.circuit(AccountKind.ADJUSTMENTS);
            draft = EntryDraft.transfer(circuitId, "manual:" + UUID.randomUUID(), "MANUAL_CREDIT", "Manual credit")
                    .move(source, AccountRef.available(member.id()), points, null,
                            new LotRule.NewLot(companyId, Expiry.of(store.settings(circuitId), clock.instant())));
        } else {
            draft = EntryDraft.transfer(circuitId, "manual:" + UUID.randomUUID(), "MANUAL_DEBIT", "Manual debit")
                    .move(AccountRef.available(member.id()), AccountRef.circuit(AccountKind.ADJUSTMENTS), points);
        }
        PostedEntry entry = ledger.post(draft.note(note.strip()).member(member.id()).company(companyId).store(storeId)
                .actor(caller.actor()).build());
        return new Adjusted(entry.id(), ledger.balance(circuitId, AccountRef.available(member.id())));
    }

    /**
     * A movement an administrator may see: any in the circuit for circuit administrators, otherwise one of their
     * company's, about a member they see. Anything else is a 404, as if it did not exist.
     */
    @Transactional(readOnly = true)
    public Ledger.Entry movement(Caller caller, long entryId) {
        requireAdmin(caller);
        Ledger.Entry entry = ledger.entry(caller.circuit(), entryId).orElseThrow(() -> new NotFound("Movement", entryId));
        if (!caller.isCircuitAdmin() && (entry.companyId() == null || !caller.coversCompany(entry.companyId())
                || entry.kind().equals("BUDGET_RECHARGE"))) {
            throw new NotFound("Movement", entryId);
        }
        if (entry.memberId() != null) {
            members.visible(caller, entry.memberId());
        }
        return entry;
    }

    /** Voids a movement (seed 004, "Eliminazione Movimenti") by posting its reversal; history keeps both. */
    public Ledger.Entry reverse(Caller caller, long entryId, String note) {
        Ledger.Entry entry = movement(caller, entryId);
        long circuitId = caller.circuit();
        if (!REVERSIBLE.contains(entry.kind())) {
            throw new LoyaltyException("not-reversible", Failure.CONFLICT, "A " + entry.kind().toLowerCase().replace('_', ' ')
                    + " movement cannot be voided here: cancel or refund the purchase, or release the reservation")
                    .with("kind", entry.kind());
        }
        PostedEntry reversal = ledger.reverse(circuitId, entryId, "REVERSAL", "Voided movement " + entryId,
                note == null || note.isBlank() ? null : note.strip(), caller.actor());
        return ledger.entry(circuitId, reversal.id()).orElseThrow();
    }

    public enum Action { REGISTRATION, NEWSLETTER, REVIEW }

    /**
     * Fixed points for an action. The business key makes each action count once (a review once per reference, or
     * once ever when so configured). Returns empty when the program gives no points for it.
     */
    public java.util.Optional<PostedEntry> awardAction(long circuitId, long memberId, Action action, String reference,
                                                       Long companyId, Long storeId, String actor) {
        ProgramSettings s = store.settings(circuitId);
        long points = switch (action) {
            case REGISTRATION -> s.registrationPoints();
            case NEWSLETTER -> s.newsletterPoints();
            case REVIEW -> s.reviewPoints();
        };
        if (!s.pointsEnabled() || points == 0) {
            return java.util.Optional.empty();
        }
        String key = "member:" + memberId + ":" + action.name().toLowerCase()
                + (action == Action.REVIEW && !s.reviewPointsOnce() ? ":" + reference : "");
        boolean fromBudget = companyId != null && tenancy.circuit(circuitId).budgetsEnforced();
        AccountRef source = fromBudget ? AccountRef.budget(companyId) : AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE);
        String reason = switch (action) {
            case REGISTRATION -> "Points for signing up";
            case NEWSLETTER -> "Points for subscribing to the newsletter";
            case REVIEW -> "Points for a product review";
        };
        return java.util.Optional.of(ledger.post(EntryDraft.transfer(circuitId, key, "ACTION_" + action.name(), reason)
                .move(source, AccountRef.available(memberId), points, null,
                        new LotRule.NewLot(companyId, Expiry.of(s, clock.instant())))
                .note(reference).member(memberId).company(companyId).store(storeId).actor(actor).build()));
    }

    public PostedEntry reviewAction(Caller caller, long memberId, String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw new InvalidInput("reference", "name the review (for instance the product id), 1 to 200 characters");
        }
        Member member = members.visible(caller, memberId);
        return awardAction(caller.circuit(), member.id(), Action.REVIEW, reference.strip(), caller.companyId(),
                caller.storeId(), caller.actor())
                .orElseThrow(() -> new LoyaltyException("no-points-for-action", Failure.REFUSED,
                        "The program gives no points for reviews"));
    }

    private static void requireAdmin(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
    }

    private static void checkPoints(long points) {
        if (points <= 0 || points > MAX_MANUAL_POINTS) {
            throw new InvalidInput("points", "must be between 1 and " + MAX_MANUAL_POINTS);
        }
    }
}
