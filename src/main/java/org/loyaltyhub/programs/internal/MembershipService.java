package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.InsufficientBalance;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.MembershipChanged;
import org.loyaltyhub.programs.MembershipSaleRefunded;
import org.loyaltyhub.programs.MembershipSold;
import org.loyaltyhub.programs.StatusEventKind;
import org.loyaltyhub.shared.CodiceFiscale;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Members' memberships: granting a plan (at the counter, over the API, from a shop's order), each grant once by its
 * key; renewals that extend from the current end; cancellation with a reason; refunds that take back what the sale
 * bought; expiry and the renewal reminder. Every change is a status event with its reason, and is published.
 */
@Service
@Transactional
public class MembershipService {

    private static final Logger log = LoggerFactory.getLogger(MembershipService.class);

    private final MembershipRows rows;
    private final MembershipPlans plans;
    private final MembershipWelcome welcome;
    private final Members members;
    private final Tenancy tenancy;
    private final StatusEvents statusEvents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MembershipService(MembershipRows rows, MembershipPlans plans, MembershipWelcome welcome, Members members,
                      Tenancy tenancy, StatusEvents statusEvents, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.plans = plans;
        this.welcome = welcome;
        this.members = members;
        this.tenancy = tenancy;
        this.statusEvents = statusEvents;
        this.events = events;
        this.clock = clock;
    }

    /** A paid membership as a counter or a till records it: which plan, how it was paid, the receipt. */
    public record Sold(Long planId, PaymentMethod paymentMethod, String receiptNumber, Long storeId,
                       String orderReference, String taxCode) {
    }

    /** The membership a grant left, the sale it recorded, and whether both were there already (a retry). */
    public record Granted(Membership membership, MembershipSale sale, boolean replayed) {
    }

    /**
     * Records a paid membership sold at a store (or, for a circuit administrator naming no store, by the circuit).
     * The receipt number at that store makes it once: a retry returns the first grant and writes nothing.
     */
    public Granted sell(Caller caller, long memberId, Sold sold, MembershipSource source) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        Member member = members.visible(caller, memberId);
        long circuitId = caller.circuit();
        if (sold.planId() == null) {
            throw new InvalidInput("planId", "choose the plan sold");
        }
        MembershipPlan plan = plans.find(circuitId, sold.planId())
                .orElseThrow(() -> new InvalidInput("planId", "no plan " + sold.planId() + " in this circuit"));
        if (sold.paymentMethod() == null) {
            throw new InvalidInput("paymentMethod", "say how the membership was paid");
        }
        String taxCode = sold.taxCode() == null || sold.taxCode().isBlank() ? null
                : CodiceFiscale.normalize(sold.taxCode()).orElseThrow(() -> new InvalidInput("taxCode",
                "a codice fiscale has 16 letters and digits (or 11 digits)"));
        String receipt = sold.receiptNumber() == null ? "" : sold.receiptNumber().strip();
        if (receipt.isEmpty() || receipt.length() > 100) {
            throw new InvalidInput("receiptNumber", "type the receipt number (1 to 100 characters)");
        }
        Store store = caller.isCircuitAdmin() && sold.storeId() == null ? null
                : tenancy.storeFor(caller, sold.storeId());
        String key = "receipt:" + (store == null ? "circuit" : store.id()) + ":" + receipt;
        Optional<MembershipSale> replay = rows.saleByKey(circuitId, key);
        if (replay.isPresent() && replay.get().memberId() != member.id()) {
            throw new ReceiptAlreadyRecorded(receipt);
        }
        if (replay.isPresent()) {
            return replayed(circuitId, replay.get());
        }
        if (plan.archived()) {
            throw new InvalidInput("planId", "the plan \"" + plan.nameEn() + "\" is archived: it is sold no more");
        }
        return grant(circuitId, member.id(), plan, new MembershipSale.Facts(key, source, plan.price(),
                store == null ? null : store.companyId(), store == null ? null : store.id(), sold.paymentMethod(),
                receipt, blankToNull(sold.orderReference()), null, caller.actor(), taxCode));
    }

    /**
     * Grants a plan once per {@code facts.grantKey()}: a new membership, or a renewal of the member's membership in
     * the same plan still in force (extended from its end). A membership in another plan ends, replaced.
     */
    Granted grant(long circuitId, long memberId, MembershipPlan plan, MembershipSale.Facts facts) {
        rows.lockMember(circuitId, memberId);
        Optional<MembershipSale> replay = rows.saleByKey(circuitId, facts.grantKey());
        if (replay.isPresent()) {
            return replayed(circuitId, replay.get());
        }
        Instant now = clock.instant();
        Optional<Membership> current = rows.active(circuitId, memberId);
        Instant currentEnd = current.filter(m -> m.planId() == plan.id() && m.inForceAt(now))
                .map(Membership::endsAt).orElse(null);
        if (current.isPresent() && currentEnd == null) {
            Membership old = current.get();
            boolean expired = !old.inForceAt(now);
            end(circuitId, old, expired ? MembershipStatus.ENDED : MembershipStatus.CANCELLED, now,
                    expired ? "Expired" : "Replaced by the plan " + plan.nameEn(), facts.actor());
        }
        MembershipTerm.Period period = MembershipTerm.next(currentEnd, now, plan.monthsPerSale());
        long membershipId;
        if (period.renewal()) {
            membershipId = current.orElseThrow().id();
            rows.moveEnd(membershipId, period.to());
            statusEvents.record(circuitId, memberId, StatusEventKind.MEMBERSHIP_RENEWED, plan.nameEn(), plan.nameEn(),
                    membershipId, "Renewed until " + day(period.to()) + sold(facts), facts.actor());
        } else {
            membershipId = rows.insert(circuitId, memberId, plan.id(), period.from(), period.to());
            statusEvents.record(circuitId, memberId, StatusEventKind.MEMBERSHIP_STARTED, null, plan.nameEn(),
                    membershipId, "Member of " + plan.nameEn() + " until " + day(period.to()) + sold(facts),
                    facts.actor());
            try {
                welcome.give(circuitId, memberId, membershipId, plan, facts.companyId(), facts.storeId(), facts.actor());
            } catch (InsufficientBalance refused) {
                log.warn("No welcome points for membership {}: {}", membershipId, refused.getMessage());
            }
        }
        MembershipSale sale = rows.insertSale(circuitId, membershipId, memberId, plan, period.renewal()
                ? MembershipSale.Kind.RENEWED : MembershipSale.Kind.STARTED, facts, period, now);
        events.publishEvent(new MembershipChanged(circuitId, memberId, membershipId, plan.id(), period.renewal()
                ? StatusEventKind.MEMBERSHIP_RENEWED : StatusEventKind.MEMBERSHIP_STARTED, period.to()));
        if (sale.amount().signum() > 0) {
            events.publishEvent(new MembershipSold(circuitId, sale.id(), memberId, plan.nameEn(), period.renewal(),
                    Money.of(sale.amount(), sale.currency()), period.from(), period.to(), facts.buyerTaxCode()));
        }
        return new Granted(rows.find(circuitId, membershipId).orElseThrow(), sale, false);
    }

    /** Cancels a membership in force now, with the reason the administrator gives. */
    public Membership cancel(Caller caller, long membershipId, String reason) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        long circuitId = caller.circuit();
        Membership m = rows.find(circuitId, membershipId).orElseThrow(() -> new NotFound("Membership", membershipId));
        members.visible(caller, m.memberId());
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInput("reason", "say why the membership is cancelled (1 to 500 characters)");
        }
        m.status().end(MembershipStatus.CANCELLED);
        end(circuitId, m, MembershipStatus.CANCELLED, clock.instant(), "Cancelled: " + reason.strip(), caller.actor());
        return rows.find(circuitId, membershipId).orElseThrow();
    }

    /**
     * A sale was refunded or its order cancelled: the membership loses the time the sale bought (ending now when
     * nothing is left), and the welcome points of a sale that started it are withdrawn. Once per sale.
     */
    void refund(long circuitId, MembershipSale sale, String reason, String actor) {
        Instant now = clock.instant();
        rows.lockMember(circuitId, sale.memberId());
        if (!rows.markRefunded(sale.id(), now)) {
            return;
        }
        events.publishEvent(new MembershipSaleRefunded(circuitId, sale.id(), sale.memberId(), reason));
        MembershipPlan plan = plans.find(circuitId, sale.planId()).orElseThrow();
        Membership m = rows.find(circuitId, sale.membershipId()).orElseThrow();
        if (m.status() == MembershipStatus.ACTIVE) {
            switch (MembershipTerm.refund(m.endsAt(), sale.periodFrom(), sale.periodTo(), now)) {
                case MembershipTerm.Refund.Shortened s -> {
                    rows.moveEnd(m.id(), s.end());
                    statusEvents.record(circuitId, m.memberId(), StatusEventKind.MEMBERSHIP_SHORTENED, plan.nameEn(),
                            plan.nameEn(), m.id(), reason + ": now until " + day(s.end()), actor);
                    events.publishEvent(new MembershipChanged(circuitId, m.memberId(), m.id(), plan.id(),
                            StatusEventKind.MEMBERSHIP_SHORTENED, s.end()));
                }
                case MembershipTerm.Refund.Ends e -> end(circuitId, m, MembershipStatus.CANCELLED, now, reason, actor);
            }
        }
        if (sale.kind() == MembershipSale.Kind.STARTED) {
            try {
                welcome.takeBack(circuitId, sale.memberId(), m.id(), plan, sale.companyId(), sale.storeId(), actor);
            } catch (InsufficientBalance refused) {
                log.warn("Welcome points of membership {} not withdrawn: {}", m.id(), refused.getMessage());
            }
        }
    }

    /** Ends a membership past its end date as of {@code asOf}; false when it was not due or already ended. */
    public boolean expire(long circuitId, long membershipId, Instant asOf) {
        Membership m = rows.find(circuitId, membershipId).orElseThrow();
        if (!rows.end(m.id(), MembershipStatus.ENDED, m.endsAt(), "Expired on " + day(m.endsAt()), asOf)) {
            return false;
        }
        recordEnd(circuitId, m, m.endsAt(), "Expired on " + day(m.endsAt()), "system:memberships");
        return true;
    }

    private void end(long circuitId, Membership m, MembershipStatus status, Instant at, String reason, String actor) {
        if (rows.end(m.id(), status, at, reason, null)) {
            recordEnd(circuitId, m, at, reason, actor);
        }
    }

    private void recordEnd(long circuitId, Membership m, Instant at, String reason, String actor) {
        String plan = plans.find(circuitId, m.planId()).map(MembershipPlan::nameEn).orElse(null);
        statusEvents.record(circuitId, m.memberId(), StatusEventKind.MEMBERSHIP_ENDED, plan, null, m.id(), reason,
                actor);
        events.publishEvent(new MembershipChanged(circuitId, m.memberId(), m.id(), m.planId(),
                StatusEventKind.MEMBERSHIP_ENDED, at));
    }

    /** A member's memberships, newest first. */
    @Transactional(readOnly = true)
    public List<Membership> ofMember(Caller caller, long memberId) {
        members.visible(caller, memberId);
        return rows.ofMember(caller.circuit(), memberId);
    }

    /** A member's memberships, newest first, for pages that have already checked the caller may see the member. */
    @Transactional(readOnly = true)
    public List<Membership> history(long circuitId, long memberId) {
        return rows.ofMember(circuitId, memberId);
    }

    /** Every plan of the circuit, archived too. */
    @Transactional(readOnly = true)
    public List<MembershipPlan> plansOf(long circuitId) {
        return plans.all(circuitId);
    }

    /** The member's membership in force now, with its plan. */
    @Transactional(readOnly = true)
    public Optional<Current> current(long circuitId, long memberId) {
        Instant now = clock.instant();
        return rows.active(circuitId, memberId).filter(m -> m.inForceAt(now))
                .flatMap(m -> plans.find(circuitId, m.planId()).map(p -> new Current(m, p)));
    }

    public record Current(Membership membership, MembershipPlan plan) {
    }

    /** Sales for the reports: the whole circuit's for its administrator, their own company's for a company's. */
    @Transactional(readOnly = true)
    public Page<MembershipSale> sales(Caller caller, Long companyId, PageQuery page) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Long company = companyId;
        if (!caller.isCircuitAdmin()) {
            if (company != null && !caller.coversCompany(company)) {
                throw new NotFound("Company", company);
            }
            company = caller.companyId();
        }
        long circuitId = caller.circuit();
        return Page.of(rows.sales(circuitId, company, page), page, rows.countSales(circuitId, company));
    }

    private Granted replayed(long circuitId, MembershipSale sale) {
        return new Granted(rows.find(circuitId, sale.membershipId()).orElseThrow(), sale, true);
    }

    private static String sold(MembershipSale.Facts f) {
        return f.orderReference() != null ? " (order " + f.orderReference() + ")"
                : f.receiptNumber() != null ? " (receipt " + f.receiptNumber() + ")" : "";
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
