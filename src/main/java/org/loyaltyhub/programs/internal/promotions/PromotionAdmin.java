package org.loyaltyhub.programs.internal.promotions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.ActivePromotions;
import org.loyaltyhub.programs.Earning;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.PurchaseHistory;
import org.loyaltyhub.programs.SegmentMembers;
import org.loyaltyhub.programs.SegmentUsers;
import org.loyaltyhub.programs.internal.ProgramStore;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Promotions as the back office and the API manage them: circuit administrators create, change, activate and pause
 * them; company administrators read them. Anyone at a counter may simulate a purchase; a dry run replays a promotion
 * (saved or not) over the last days' purchases before it goes live. Nothing here writes a ledger entry.
 */
@Service
@Transactional
public class PromotionAdmin implements ActivePromotions, SegmentUsers {

    private final PromotionStore store;
    private final PromotionBacktest backtest;
    private final PromotionCases cases;
    private final ProgramStore programs;
    private final Earning earning;
    private final PurchaseHistory history;
    private final Members members;
    private final Tenancy tenancy;
    private final CampaignChecks checks;
    private final Clock clock;

    PromotionAdmin(PromotionStore store, PromotionBacktest backtest, PromotionCases cases, ProgramStore programs,
                   Earning earning, PurchaseHistory history, Members members, Tenancy tenancy,
                   CampaignChecks checks, Clock clock) {
        this.store = store;
        this.backtest = backtest;
        this.cases = cases;
        this.programs = programs;
        this.earning = earning;
        this.history = history;
        this.members = members;
        this.tenancy = tenancy;
        this.checks = checks;
        this.clock = clock;
    }

    /** The promotions whose target is the segment (a segment they target is not deleted). */
    @Override
    @Transactional(readOnly = true)
    public List<SegmentUse> targeting(long circuitId, long segmentId) {
        return store.targeting(circuitId, segmentId);
    }

    /** A promotion with its rule in words and what it has given so far. */
    public record View(long id, String name, Promotion.Status status, String rule, PromotionInput definition,
                       PromotionStore.Figures given, Long budgetLeft, Instant updatedAt) {
    }

    /** A purchase to simulate: who (optional), where (the caller's store when omitted), what and when (now). */
    public record Simulate(Long memberId, Long storeId,
                           @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal total,
                           @Size(max = 500) List<@Valid @NotNull CartLine> lines,
                           Instant occurredAt,
                           @Pattern(regexp = "[a-z0-9][a-z0-9:._-]{0,79}", message = "must be lower-case letters, digits and :._-")
                           String channel,
                           boolean includeDrafts) {
    }

    public record CartLine(@Size(max = 120) String productId, @Size(max = 120) String sku,
                           @Size(max = 120) String category,
                           @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4) BigDecimal quantity,
                           @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4) BigDecimal unitPrice) {
    }

    /** The points the purchase itself would earn, what promotions would add, and every promotion considered. */
    public record Simulation(long purchasePoints, long promotionPoints, List<PromotionEngine.Considered> considered) {
    }

    /** A promotion (saved or not) to replay over the last {@code days} days. */
    public record DryRunRequest(@NotNull @Valid PromotionInput promotion,
                                @NotNull @Min(1) @Max(PromotionBacktest.MAX_DAYS) Integer days) {
    }

    /** A purchase's promotions: every one considered when its points were decided, and why. */
    public record PurchasePromotions(long purchaseId, Instant decidedAt, List<PromotionEngine.Considered> considered) {
    }

    @Transactional(readOnly = true)
    public List<View> list(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return store.all(caller.circuit()).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public View get(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return view(find(caller, id));
    }

    /** A new promotion, as a draft: it gives nothing until activated. */
    public View create(Caller caller, PromotionInput input) {
        caller.require(Role.CIRCUIT_ADMIN);
        Promotion p = checked(caller, input, Promotion.Status.DRAFT);
        long id = store.insert(caller.circuit(), p);
        return get(caller, id);
    }

    /** Changes a promotion; it keeps its status and what it has given (a budget below that is refused). */
    public View update(Caller caller, long id, PromotionInput input) {
        caller.require(Role.CIRCUIT_ADMIN);
        PromotionStore.Stored old = find(caller, id);
        Promotion p = checked(caller, input, old.promotion().status()).withId(id);
        if (p.limits().budgetPoints() != null && p.limits().budgetPoints() < old.spent()) {
            throw new InvalidInput("limits.budgetPoints", "cannot be below the " + old.spent() + " points already given");
        }
        store.update(caller.circuit(), id, p);
        return get(caller, id);
    }

    public View activate(Caller caller, long id) {
        return status(caller, id, Promotion.Status.ACTIVE);
    }

    public View pause(Caller caller, long id) {
        return status(caller, id, Promotion.Status.PAUSED);
    }

    private View status(Caller caller, long id, Promotion.Status status) {
        caller.require(Role.CIRCUIT_ADMIN);
        Promotion p = find(caller, id).promotion();
        if (p.status() != status) {
            store.update(caller.circuit(), id, p.withStatus(status));
        }
        return get(caller, id);
    }

    /** What the promotions would give for a purchase now (or at {@code occurredAt}); writes nothing. */
    @Transactional(readOnly = true)
    public Simulation simulate(Caller caller, Simulate in) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        long circuitId = caller.circuit();
        Store at = tenancy.storeFor(caller, in.storeId());
        Long memberId = in.memberId() == null ? null : members.visible(caller, in.memberId()).id();
        List<PurchaseFacts.Line> lines = in.lines() == null ? List.of() : in.lines().stream()
                .map(l -> new PurchaseFacts.Line(l.productId(), l.quantity(), l.unitPrice(), false, l.sku(), l.category()))
                .toList();
        long base = earning.preview(circuitId, memberId, in.total(), lines);
        Instant when = in.occurredAt() == null ? clock.instant() : in.occurredAt();
        ProgramSettings s = programs.settings(circuitId);
        Currency currency = Currency.getInstance(tenancy.circuit(circuitId).currency());
        long member = memberId == null ? 0 : memberId;
        PurchaseFacts f = new PurchaseFacts(circuitId, 0, at.companyId(), at.id(), member,
                new Money(in.total(), currency), new Money(BigDecimal.ZERO, currency), ProgramSettings.Stage.PAID, false,
                lines, caller.actor(), false, when, in.channel() == null ? "pos" : in.channel());
        List<Promotion> promotions = store.all(circuitId).stream().map(PromotionStore.Stored::promotion)
                .filter(p -> p.status() == Promotion.Status.ACTIVE || (in.includeDrafts() && p.status() == Promotion.Status.DRAFT))
                .filter(p -> p.trigger().kind() == PromotionTrigger.Kind.PURCHASE)
                .toList();
        java.time.ZoneId zone = store.zone(circuitId);
        PromotionEngine.PurchaseCase c = cases.of(f, when, zone, s, base,
                () -> memberId == null ? 1 : history.visits(circuitId, memberId) + 1, promotions);
        PromotionEngine.Evaluation e = PromotionEngine.evaluate(c, promotions,
                store.counters(promotions, member, when, zone, false));
        return new Simulation(base, e.points(), e.considered());
    }

    /** Replays a promotion (as entered, saved or not) over the last days' purchases; writes nothing. */
    @Transactional(readOnly = true)
    public PromotionBacktest.DryRun dryRun(Caller caller, DryRunRequest request) {
        caller.require(Role.CIRCUIT_ADMIN);
        Promotion p = checked(caller, request.promotion(), Promotion.Status.DRAFT);
        return backtest.run(caller.circuit(), p, request.days(), clock.instant());
    }

    /** The promotions a purchase was considered for, with why each did or did not apply. */
    @Transactional(readOnly = true)
    public PurchasePromotions ofPurchase(Caller caller, long purchaseId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        PromotionStore.StoredEvaluation e = store.evaluation(caller.circuit(), purchaseId)
                .filter(ev -> caller.coversCompany(ev.companyId()))
                .orElseThrow(() -> new NotFound("Promotions of purchase", purchaseId));
        return new PurchasePromotions(purchaseId, e.at(), e.considered());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> running(long circuitId, long memberId) {
        Instant now = clock.instant();
        List<Promotion> shown = store.active(circuitId).stream()
                .filter(p -> p.validity().contains(now) || p.validity().from().isAfter(now))
                .filter(p -> p.effect().kind().onPurchase())
                .toList();
        Long tier = cases.tier(circuitId, memberId, shown);
        java.util.Set<Long> segments = cases.segments(circuitId, memberId, shown);
        return shown.stream()
                .filter(p -> forMember(p.target(), tier, segments))
                .map(p -> {
                    PromotionInput.EffectInput e = PromotionInput.effectInput(p.effect());
                    return switch (e.type()) {
                        case MULTIPLIER -> summary(p, Gives.MULTIPLIER, e.factor());
                        case PERCENT_OF_SPEND -> summary(p, Gives.PERCENT_OF_SPEND, e.percent());
                        default -> summary(p, Gives.FIXED_POINTS, BigDecimal.valueOf(e.points()));
                    };
                }).toList();
    }

    /** Whether a promotion's target names the member: no segment or one they are in, no tiers or theirs. */
    static boolean forMember(Promotion.Target target, Long tier, java.util.Set<Long> segments) {
        return (target.segmentId() == null || segments.contains(target.segmentId()))
                && (target.tierIds().isEmpty() || tier != null && target.tierIds().contains(tier));
    }

    private static Summary summary(Promotion p, Gives gives, BigDecimal amount) {
        return new Summary(p.id(), p.name(), gives, amount, p.validity().from(), p.validity().until());
    }

    /** The circuit's time zone, in which the back office shows and reads promotions' dates. */
    @Transactional(readOnly = true)
    public java.time.ZoneId zone(Caller caller) {
        return store.zone(caller.circuit());
    }

    private PromotionStore.Stored find(Caller caller, long id) {
        return store.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Promotion", id));
    }

    private View view(PromotionStore.Stored s) {
        Promotion p = s.promotion();
        PromotionStore.Figures figures = store.figures(p.id());
        Long left = p.limits().budgetPoints() == null ? null : Math.max(0, p.limits().budgetPoints() - s.spent());
        return new View(p.id(), p.name(), p.status(), PromotionEngine.rule(p), PromotionInput.of(p), figures, left,
                s.updatedAt());
    }

    /** The input as a promotion, with its target's stores, companies, tiers and segment checked against the circuit. */
    private Promotion checked(Caller caller, PromotionInput input, Promotion.Status status) {
        Promotion p = input.toPromotion(null, status);
        long circuitId = caller.circuit();
        Promotion.Target t = p.target();
        Set<Long> companies = tenancy.companiesOf(circuitId).stream().map(Company::id).collect(Collectors.toSet());
        List<Long> strangers = t.companyIds().stream().filter(id -> !companies.contains(id)).sorted().toList();
        if (!strangers.isEmpty()) {
            throw new InvalidInput("target.companyIds", "not companies of this circuit: " + strangers);
        }
        for (long storeId : t.storeIds().stream().sorted().toList()) {
            try {
                tenancy.store(circuitId, storeId);
            } catch (NotFound e) {
                throw new InvalidInput("target.storeIds", "store " + storeId + " is not in this circuit");
            }
        }
        List<Long> tiers = store.unknownTiers(circuitId, t.tierIds());
        if (!tiers.isEmpty()) {
            throw new InvalidInput("target.tierIds", "not tiers of this circuit: " + tiers);
        }
        checks.segment(circuitId, t.segmentId(), "target.segmentId");
        if (p.trigger() instanceof PromotionTrigger.OnEvent on) {
            checks.event(circuitId, on);
        }
        checks.effect(circuitId, p.effect(), "effect");
        return p;
    }
}
