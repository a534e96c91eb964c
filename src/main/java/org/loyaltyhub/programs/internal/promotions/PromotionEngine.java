package org.loyaltyhub.programs.internal.promotions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which promotions a purchase earns and how many points each gives: facts in, decisions out, no I/O. The
 * live path, the simulation and the dry run all ask it. Promotions are considered by priority number, then id;
 * each one is recorded with its outcome and why, applied or not.
 */
public final class PromotionEngine {

    private PromotionEngine() {
    }

    /**
     * What the engine knows of a purchase: who, where, when (and the circuit's zone for days and hours), the amount,
     * the lines, the points the purchase itself earns, which visit of the member it is, the member's tier and the
     * segments (of those promotions name) the member is in, points per unit of currency at redemption value, and the
     * company's budget left when the circuit enforces budgets (null otherwise).
     */
    public record PurchaseCase(long memberId, long companyId, long storeId, String channel, Instant occurredAt,
                               ZoneId zone, BigDecimal spend, List<Line> lines, long basePoints, long visit,
                               Long tierId, Set<Long> segments, BigDecimal pointsPerUnit, Long companyBudget) {
        public PurchaseCase {
            lines = lines == null ? List.of() : List.copyOf(lines);
            segments = segments == null ? Set.of() : Set.copyOf(segments);
        }

        public LocalDateTime localTime() {
            return LocalDateTime.ofInstant(occurredAt, zone);
        }

        public record Line(String productId, String sku, String category) {
        }
    }

    /**
     * What the engine knows of a member outside a purchase: the occasion (an event received, or a date or schedule
     * falling due for one promotion), when, the circuit's zone, the member's tier, the segments (of those promotions
     * name) the member is in, the member's available points (what remove and set work from), and the budget left of
     * the company the occasion happened at when the circuit enforces budgets (null otherwise, and for dates).
     */
    public record MemberCase(long memberId, Occasion occasion, Instant occurredAt, ZoneId zone, Long tierId,
                             Set<Long> segments, long balance, Long companyBudget) {
        public MemberCase {
            segments = segments == null ? Set.of() : Set.copyOf(segments);
        }

        public MemberCase(long memberId, Occasion occasion, Instant occurredAt, ZoneId zone, Long tierId,
                          Set<Long> segments, long balance) {
            this(memberId, occasion, occurredAt, zone, tierId, segments, balance, null);
        }
    }

    /** What happened to the member, outside a purchase. */
    public sealed interface Occasion {
        /** An event of a type with its attributes. */
        record Event(String type, tools.jackson.databind.JsonNode attributes) implements Occasion {
        }

        /** A date or a schedule of one promotion fell due (the job decided which; the engine checks the rest). */
        record Due(long promotionId) implements Occasion {
        }
    }

    /** A promotion's counters when the purchase is decided: the member's uses in the limit's window, points given. */
    public record Counters(int memberUses, long spent) {
        public static final Counters NONE = new Counters(0, 0);
    }

    /** Why a promotion gave or did not. */
    public enum Outcome {
        APPLIED, NOT_VALID_THEN, NOT_TARGETED, CONDITION_UNMET, MEMBER_LIMIT_REACHED, BUDGET_SPENT,
        COMPANY_BUDGET_SPENT, NOT_COMBINED, NOTHING_TO_GIVE
    }

    /** One promotion considered: its outcome, the points it gives (0 unless applied), why, and its rule in words. */
    public record Considered(long promotionId, String name, Outcome outcome, long points, String why, String rule) {
        public boolean applied() {
            return outcome == Outcome.APPLIED;
        }
    }

    public record Evaluation(List<Considered> considered) {
        public Evaluation {
            considered = List.copyOf(considered);
        }

        public List<Considered> applied() {
            return considered.stream().filter(Considered::applied).toList();
        }

        public long points() {
            return considered.stream().mapToLong(Considered::points).sum();
        }
    }

    /** The order promotions are considered in: priority number, then id. */
    public static final Comparator<Promotion> ORDER = Comparator.comparingInt(Promotion::priority)
            .thenComparing(Promotion::id);

    public static Evaluation evaluate(PurchaseCase p, List<Promotion> promotions, Map<Long, Counters> counters) {
        return decide(promotions, counters, p.companyBudget(), promo -> mismatch(p, promo), promo -> promo.effect().points(p));
    }

    /** The promotions an event, a date or a schedule gives the member: the same order, limits, budget and stacking. */
    public static Evaluation evaluate(MemberCase m, List<Promotion> promotions, Map<Long, Counters> counters) {
        return decide(promotions, counters, m.companyBudget(), promo -> mismatch(m, promo),
                promo -> promo.effect().change(m.balance()));
    }

    private static Evaluation decide(List<Promotion> promotions, Map<Long, Counters> counters, Long companyBudget,
                                     java.util.function.Function<Promotion, Miss> mismatch,
                                     java.util.function.ToLongFunction<Promotion> pointsOf) {
        List<Considered> out = new ArrayList<>();
        Considered exclusive = null;
        boolean anyApplied = false;
        Long companyLeft = companyBudget;
        for (Promotion promo : promotions.stream().sorted(ORDER).toList()) {
            String rule = rule(promo);
            Miss miss = mismatch.apply(promo);
            if (miss != null) {
                out.add(new Considered(promo.id(), promo.name(), miss.outcome(), 0, miss.why(), rule));
                continue;
            }
            if (exclusive != null) {
                out.add(new Considered(promo.id(), promo.name(), Outcome.NOT_COMBINED, 0,
                        "exclusive promotion #" + exclusive.promotionId() + " applied first", rule));
                continue;
            }
            if (promo.stacking() == Promotion.Stacking.EXCLUSIVE && anyApplied) {
                out.add(new Considered(promo.id(), promo.name(), Outcome.NOT_COMBINED, 0,
                        "exclusive, and other promotions applied first", rule));
                continue;
            }
            Counters c = counters.getOrDefault(promo.id(), Counters.NONE);
            Promotion.Limits limits = promo.limits();
            if (limits.perMember() != null && c.memberUses() >= limits.perMember()) {
                out.add(new Considered(promo.id(), promo.name(), Outcome.MEMBER_LIMIT_REACHED, 0,
                        "the member has had it " + c.memberUses() + " time(s) " + window(limits.period()), rule));
                continue;
            }
            long points = pointsOf.applyAsLong(promo);
            String why = "applies";
            if (limits.budgetPoints() != null && points > 0) {
                long left = Math.max(0, limits.budgetPoints() - c.spent());
                if (left == 0) {
                    out.add(new Considered(promo.id(), promo.name(), Outcome.BUDGET_SPENT, 0,
                            "its budget of " + limits.budgetPoints() + " points is spent", rule));
                    continue;
                }
                if (points > left) {
                    points = left;
                    why = "applies, capped at the " + left + " points left in its budget";
                }
            }
            if (companyLeft != null && points > 0) {
                if (companyLeft <= 0) {
                    out.add(new Considered(promo.id(), promo.name(), Outcome.COMPANY_BUDGET_SPENT, 0,
                            "the company's points budget is spent", rule));
                    continue;
                }
                if (points > companyLeft) {
                    points = companyLeft;
                    why = "applies, capped at the " + companyLeft + " points left in the company's budget";
                }
            }
            if (points == 0 && promo.effect().kind().movesPoints()) {
                out.add(new Considered(promo.id(), promo.name(), Outcome.NOTHING_TO_GIVE, 0,
                        "its rule changes no points here", rule));
                continue;
            }
            Considered applied = new Considered(promo.id(), promo.name(), Outcome.APPLIED, points, why, rule);
            out.add(applied);
            anyApplied = true;
            if (companyLeft != null && points > 0) {
                companyLeft -= points;
            }
            if (promo.stacking() == Promotion.Stacking.EXCLUSIVE) {
                exclusive = applied;
            }
        }
        return new Evaluation(out);
    }

    /** Whether the promotion would apply to the purchase before limits, budgets and stacking are counted. */
    public static boolean matches(PurchaseCase p, Promotion promo) {
        return mismatch(p, promo) == null;
    }

    /** The promotion's effect and conditions in words: what movements' reasons quote as its rule. */
    public static String rule(Promotion promo) {
        String trigger = promo.trigger().describe();
        return trigger.isEmpty() ? promo.effect().describe() : promo.effect().describe() + " " + trigger;
    }

    private record Miss(Outcome outcome, String why) {
    }

    /** Null when validity, target and conditions all hold; otherwise the first that does not, and why. */
    private static Miss mismatch(PurchaseCase p, Promotion promo) {
        Miss member = memberMismatch(promo, p.occurredAt(), p.segments(), p.tierId());
        if (member != null) {
            return member;
        }
        Promotion.Target t = promo.target();
        if (!t.storeIds().isEmpty() && !t.storeIds().contains(p.storeId())) {
            return new Miss(Outcome.NOT_TARGETED, "store #" + p.storeId() + " is not one of the promotion's");
        }
        if (!t.companyIds().isEmpty() && !t.companyIds().contains(p.companyId())) {
            return new Miss(Outcome.NOT_TARGETED, "company #" + p.companyId() + " is not one of the promotion's");
        }
        if (!t.channelMatches(p.channel())) {
            return new Miss(Outcome.NOT_TARGETED, "channel " + p.channel() + " is not one of the promotion's");
        }
        if (promo.trigger() instanceof PromotionTrigger.OnPurchase on) {
            for (PurchaseCondition c : on.conditions()) {
                String unmet = c.unmet(p);
                if (unmet != null) {
                    return new Miss(Outcome.CONDITION_UNMET, unmet);
                }
            }
            return null;
        }
        return new Miss(Outcome.CONDITION_UNMET, "not a purchase promotion");
    }

    /** Validity, segment and tier: what a purchase and any other occasion both check. */
    private static Miss memberMismatch(Promotion promo, Instant at, Set<Long> segments, Long tierId) {
        if (!promo.validity().contains(at)) {
            return new Miss(Outcome.NOT_VALID_THEN, "valid from " + promo.validity().from()
                    + (promo.validity().until() == null ? "" : " until " + promo.validity().until()));
        }
        Promotion.Target t = promo.target();
        if (t.segmentId() != null && !segments.contains(t.segmentId())) {
            return new Miss(Outcome.NOT_TARGETED, "the member is not in segment #" + t.segmentId());
        }
        if (!t.tierIds().isEmpty() && (tierId == null || !t.tierIds().contains(tierId))) {
            return new Miss(Outcome.NOT_TARGETED, "the member's tier is not one of the promotion's");
        }
        return null;
    }

    /** Outside a purchase: a target on stores, companies or channels does not reach it; the trigger must be this one. */
    private static Miss mismatch(MemberCase m, Promotion promo) {
        Miss member = memberMismatch(promo, m.occurredAt(), m.segments(), m.tierId());
        if (member != null) {
            return member;
        }
        Promotion.Target t = promo.target();
        if (!t.storeIds().isEmpty() || !t.companyIds().isEmpty() || !t.channels().isEmpty()) {
            return new Miss(Outcome.NOT_TARGETED, "it targets stores, companies or channels: purchases only");
        }
        return switch (promo.trigger()) {
            case PromotionTrigger.OnEvent on when m.occasion() instanceof Occasion.Event e -> {
                if (!on.eventType().equals(e.type())) {
                    yield new Miss(Outcome.CONDITION_UNMET, "not a " + on.eventType() + " event");
                }
                for (AttributeCondition c : on.conditions()) {
                    String unmet = c.unmet(e.attributes());
                    if (unmet != null) {
                        yield new Miss(Outcome.CONDITION_UNMET, unmet);
                    }
                }
                yield null;
            }
            case PromotionTrigger.OnDate _ when m.occasion() instanceof Occasion.Due due && due.promotionId() == promo.id() -> null;
            case PromotionTrigger.OnSchedule _ when m.occasion() instanceof Occasion.Due due && due.promotionId() == promo.id() -> null;
            default -> new Miss(Outcome.CONDITION_UNMET, "its trigger is " + promo.trigger().kind());
        };
    }

    private static String window(Promotion.Period period) {
        return switch (period) {
            case EVER -> "already";
            case DAY -> "today";
            case WEEK -> "this week";
            case MONTH -> "this month";
        };
    }
}
