package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.programs.ActivePromotions;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A promotion as the API and the back office write it (and as it is stored): conditions are named by field, so a
 * condition on a field promotions do not know is refused by name. {@link #toPromotion} builds the checked model.
 */
public record PromotionInput(
        @NotBlank @Size(max = 120) String name,
        @NotNull @Schema(description = "From this instant (included)") Instant validFrom,
        @Schema(description = "Until this instant (excluded); empty: open-ended") Instant validUntil,
        @Valid TargetInput target,
        @NotNull @Valid TriggerInput trigger,
        @NotNull @Valid EffectInput effect,
        @Valid LimitsInput limits,
        @NotNull @Min(0) @Max(Promotion.MAX_PRIORITY) @Schema(description = "Lower numbers are considered first; ties by id")
        Integer priority,
        @Schema(description = "STACKABLE (default) or EXCLUSIVE: applies alone or not at all") Promotion.Stacking stacking) {

    /** Condition fields promotions know, as the API names them. */
    public static final List<String> FIELDS = List.of("minSpend", "products", "categories", "daysOfWeek", "hours",
            "firstPurchase", "nthVisit", "everyNthVisit");

    @Schema(description = "Whom and where; every part given must hold, empty parts do not restrict")
    public record TargetInput(Long segmentId, @Size(max = 100) List<@NotNull Long> tierIds,
                              @Size(max = 500) List<@NotNull Long> storeIds,
                              @Size(max = 500) List<@NotNull Long> companyIds,
                              @Size(max = 20) @Schema(description = "Channels such as pos, api, shopify (every shop) or shopify:12")
                              List<@NotNull @Size(max = 81) String> channels) {
    }

    public record TriggerInput(@NotNull PromotionTrigger.Kind type,
                               @Size(max = PromotionTrigger.OnPurchase.MAX_CONDITIONS) List<@Valid @NotNull ConditionInput> conditions) {
    }

    @Schema(description = "A condition on one field: minSpend (value), products (values: ids or SKUs), categories (values), "
            + "daysOfWeek (values: MONDAY…), hours (from, to: HH:mm, local time), firstPurchase, nthVisit (value), "
            + "everyNthVisit (value)")
    public record ConditionInput(@NotBlank @Size(max = 40) String field, @Size(max = 40) String value,
                                 @Size(max = 500) List<@NotNull @Size(max = 120) String> values,
                                 @Size(max = 5) String from, @Size(max = 5) String to) {
    }

    @Schema(description = "FIXED_POINTS (points), MULTIPLIER (factor on the purchase's points), PERCENT_OF_SPEND (percent)")
    public record EffectInput(@NotNull ActivePromotions.Gives type, Long points, BigDecimal factor, BigDecimal percent) {
    }

    @Schema(description = "perMember times per period (EVER, DAY, WEEK, MONTH); budgetPoints in all; empty: no limit")
    public record LimitsInput(Integer perMember, Promotion.Period period, Long budgetPoints) {
    }

    /** The checked promotion; a broken rule is refused with the field it concerns. */
    public Promotion toPromotion(Long id, Promotion.Status status) {
        return new Promotion(id, name, status, new Promotion.Validity(validFrom, validUntil), targetModel(), triggerModel(),
                effectModel(), limits == null ? null : new Promotion.Limits(limits.perMember(), limits.period(), limits.budgetPoints()),
                priority == null ? 0 : priority, stacking);
    }

    /** The input that builds {@code p} (what is stored, and what the API shows). */
    public static PromotionInput of(Promotion p) {
        Promotion.Target t = p.target();
        TargetInput target = new TargetInput(t.segmentId(), sorted(t.tierIds()), sorted(t.storeIds()),
                sorted(t.companyIds()), t.channels().stream().sorted().toList());
        List<ConditionInput> conditions = new ArrayList<>();
        if (p.trigger() instanceof PromotionTrigger.OnPurchase on) {
            for (PurchaseCondition c : on.conditions()) {
                conditions.add(switch (c) {
                    case PurchaseCondition.MinSpend m -> cond("minSpend", m.amount().toPlainString());
                    case PurchaseCondition.Products pr -> new ConditionInput("products", null,
                            pr.codes().stream().sorted().toList(), null, null);
                    case PurchaseCondition.Categories ca -> new ConditionInput("categories", null,
                            ca.names().stream().sorted().toList(), null, null);
                    case PurchaseCondition.DaysOfWeek d -> new ConditionInput("daysOfWeek", null,
                            d.days().stream().sorted().map(DayOfWeek::name).toList(), null, null);
                    case PurchaseCondition.Hours h -> new ConditionInput("hours", null, null, h.from().toString(),
                            h.to().toString());
                    case PurchaseCondition.FirstPurchase f -> cond("firstPurchase", null);
                    case PurchaseCondition.NthVisit n -> cond(n.every() ? "everyNthVisit" : "nthVisit",
                            Integer.toString(n.n()));
                });
            }
        }
        EffectInput effect = switch (p.effect()) {
            case PromotionEffect.FixedPoints f -> new EffectInput(ActivePromotions.Gives.FIXED_POINTS, f.points(), null, null);
            case PromotionEffect.Multiplier m -> new EffectInput(ActivePromotions.Gives.MULTIPLIER, null, m.factor(), null);
            case PromotionEffect.PercentOfSpend s -> new EffectInput(ActivePromotions.Gives.PERCENT_OF_SPEND, null, null, s.percent());
        };
        Promotion.Limits l = p.limits();
        return new PromotionInput(p.name(), p.validity().from(), p.validity().until(), target,
                new TriggerInput(PromotionTrigger.Kind.PURCHASE, conditions), effect,
                new LimitsInput(l.perMember(), l.period(), l.budgetPoints()), p.priority(), p.stacking());
    }

    private Promotion.Target targetModel() {
        if (target == null) {
            return Promotion.Target.ALL;
        }
        return new Promotion.Target(target.segmentId(), set(target.tierIds()), set(target.storeIds()),
                set(target.companyIds()), target.channels() == null ? null
                : new LinkedHashSet<>(target.channels().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList()));
    }

    private PromotionTrigger triggerModel() {
        List<PurchaseCondition> conditions = new ArrayList<>();
        List<ConditionInput> given = trigger.conditions() == null ? List.of() : trigger.conditions();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ConditionInput c = given.get(i);
            String path = "trigger.conditions[" + i + "]";
            String field = c.field() == null ? "" : c.field().strip();
            if (!FIELDS.contains(field)) {
                throw new PurchaseCondition.UnknownConditionField(path + ".field", field, FIELDS);
            }
            if (!seen.add(field)) {
                throw new InvalidInput(path + ".field", "'" + field + "' is given twice");
            }
            conditions.add(switch (field) {
                case "minSpend" -> new PurchaseCondition.MinSpend(decimal(path, c.value()));
                case "products" -> new PurchaseCondition.Products(set(c.values()));
                case "categories" -> new PurchaseCondition.Categories(set(c.values()));
                case "daysOfWeek" -> new PurchaseCondition.DaysOfWeek(days(path, c.values()));
                case "hours" -> new PurchaseCondition.Hours(time(path + ".from", c.from()), time(path + ".to", c.to()));
                case "firstPurchase" -> new PurchaseCondition.FirstPurchase();
                case "nthVisit" -> new PurchaseCondition.NthVisit(integer(path, c.value()), false);
                case "everyNthVisit" -> new PurchaseCondition.NthVisit(integer(path, c.value()), true);
                default -> throw new IllegalStateException(field);
            });
        }
        return new PromotionTrigger.OnPurchase(conditions);
    }

    private PromotionEffect effectModel() {
        return switch (effect.type()) {
            case FIXED_POINTS -> new PromotionEffect.FixedPoints(required("effect.points", effect.points()));
            case MULTIPLIER -> new PromotionEffect.Multiplier(required("effect.factor", effect.factor()));
            case PERCENT_OF_SPEND -> new PromotionEffect.PercentOfSpend(required("effect.percent", effect.percent()));
        };
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, "is required for this effect");
        }
        return value;
    }

    private static ConditionInput cond(String field, String value) {
        return new ConditionInput(field, value, null, null, null);
    }

    private static <T> Set<T> set(List<T> list) {
        return list == null ? null : new LinkedHashSet<>(list);
    }

    private static <T extends Comparable<T>> List<T> sorted(Set<T> set) {
        return set.stream().sorted().toList();
    }

    private static BigDecimal decimal(String path, String value) {
        try {
            return new BigDecimal(required(path + ".value", value).strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(path + ".value", "must be an amount like 20 or 19.90");
        }
    }

    private static int integer(String path, String value) {
        try {
            return Integer.parseInt(required(path + ".value", value).strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(path + ".value", "must be a whole number");
        }
    }

    private static LocalTime time(String path, String value) {
        try {
            return LocalTime.parse(required(path, value).strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(path, "must be a time like 18:30");
        }
    }

    private static Set<DayOfWeek> days(String path, List<String> values) {
        Set<DayOfWeek> days = new LinkedHashSet<>();
        for (String v : required(path + ".values", values)) {
            try {
                days.add(DayOfWeek.valueOf(v.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(path + ".values", "'" + v + "' is not a day (MONDAY … SUNDAY)");
            }
        }
        return days;
    }
}
