package org.loyaltyhub.programs.internal.promotions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.programs.FunnelMessages;
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

    @Schema(description = "PURCHASE (conditions), EVENT (eventType, attributeConditions), DATE (date: BIRTHDAY, "
            + "ENROLMENT_ANNIVERSARY or FIXED_DATE with fixedDate) or SCHEDULE (every: WEEK with day 1 Monday … 7, or "
            + "MONTH with day 1 … 31)")
    public record TriggerInput(@NotNull PromotionTrigger.Kind type,
                               @Size(max = PromotionTrigger.OnPurchase.MAX_CONDITIONS) List<@Valid @NotNull ConditionInput> conditions,
                               @Size(max = 40) String eventType,
                               @Size(max = PromotionTrigger.OnPurchase.MAX_CONDITIONS) List<@Valid @NotNull AttributeConditionInput> attributeConditions,
                               PromotionTrigger.DateKind date, java.time.LocalDate fixedDate,
                               PromotionTrigger.Every every, @Min(1) @Max(31) Integer day) {

        public TriggerInput(PromotionTrigger.Kind type, List<ConditionInput> conditions) {
            this(type, conditions, null, null, null, null, null, null);
        }
    }

    @Schema(description = "A condition on an event attribute: EQUALS (one value), ONE_OF (values), AT_LEAST or AT_MOST (a number)")
    public record AttributeConditionInput(@NotBlank @Size(max = 40) String attribute, @NotNull AttributeCondition.Op op,
                                          @Size(max = 100) List<@NotNull @Size(max = 200) String> values) {
    }

    @Schema(description = "A condition on one field: minSpend (value), products (values: ids or SKUs), categories (values), "
            + "daysOfWeek (values: MONDAY…), hours (from, to: HH:mm, local time), firstPurchase, nthVisit (value), "
            + "everyNthVisit (value)")
    public record ConditionInput(@NotBlank @Size(max = 40) String field, @Size(max = 40) String value,
                                 @Size(max = 500) List<@NotNull @Size(max = 120) String> values,
                                 @Size(max = 5) String from, @Size(max = 5) String to) {
    }

    @Schema(description = "FIXED_POINTS (points), MULTIPLIER (factor on the purchase's points), PERCENT_OF_SPEND (percent); "
            + "outside purchases also REMOVE_POINTS (points, never below zero), SET_POINTS (points: the target balance), "
            + "VOUCHER (rewardId) and TAG (tag)")
    public record EffectInput(@NotNull PromotionEffect.Kind type, Long points, BigDecimal factor, BigDecimal percent,
                              Long rewardId, @Size(max = 40) String tag,
                              @Valid @Schema(description = "MESSAGE (funnels only): the message in both languages")
                              MessageInput message) {

        public EffectInput(PromotionEffect.Kind type, Long points, BigDecimal factor, BigDecimal percent) {
            this(type, points, factor, percent, null, null, null);
        }

        public EffectInput(PromotionEffect.Kind type, Long rewardId, String tag) {
            this(type, null, null, null, rewardId, tag, null);
        }

        /** The checked effect; a missing value is refused under {@code path}. */
        public PromotionEffect toEffect(String path) {
            return switch (type) {
                case FIXED_POINTS -> new PromotionEffect.FixedPoints(required(path + ".points", points));
                case MULTIPLIER -> new PromotionEffect.Multiplier(required(path + ".factor", factor));
                case PERCENT_OF_SPEND -> new PromotionEffect.PercentOfSpend(required(path + ".percent", percent));
                case REMOVE_POINTS -> new PromotionEffect.RemovePoints(required(path + ".points", points));
                case SET_POINTS -> new PromotionEffect.SetPoints(required(path + ".points", points));
                case VOUCHER -> new PromotionEffect.IssueVoucher(required(path + ".rewardId", rewardId));
                case TAG -> new PromotionEffect.AddTag(required(path + ".tag", tag));
                case MESSAGE -> new PromotionEffect.SendMessage(required(path + ".message", message).texts());
            };
        }
    }

    @Schema(description = "A message a funnel sends: subject and body in Italian and English, with shortcodes such as "
            + "{first_name}; e-mailed to members with the marketing consent, always kept in their inbox")
    public record MessageInput(@Size(max = FunnelMessages.Texts.MAX_SUBJECT) String subjectIt,
                               @Size(max = FunnelMessages.Texts.MAX_BODY) String bodyIt,
                               @Size(max = FunnelMessages.Texts.MAX_SUBJECT) String subjectEn,
                               @Size(max = FunnelMessages.Texts.MAX_BODY) String bodyEn) {

        FunnelMessages.Texts texts() {
            return new FunnelMessages.Texts(subjectIt, bodyIt, subjectEn, bodyEn);
        }

        static MessageInput of(FunnelMessages.Texts t) {
            return new MessageInput(t.subjectIt(), t.bodyIt(), t.subjectEn(), t.bodyEn());
        }
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
        Promotion.Limits l = p.limits();
        return new PromotionInput(p.name(), p.validity().from(), p.validity().until(), target,
                triggerInput(p.trigger(), conditions), effectInput(p.effect()),
                new LimitsInput(l.perMember(), l.period(), l.budgetPoints()), p.priority(), p.stacking());
    }

    private static TriggerInput triggerInput(PromotionTrigger trigger, List<ConditionInput> conditions) {
        return switch (trigger) {
            case PromotionTrigger.OnPurchase _ -> new TriggerInput(PromotionTrigger.Kind.PURCHASE, conditions);
            case PromotionTrigger.OnEvent e -> new TriggerInput(PromotionTrigger.Kind.EVENT, List.of(), e.eventType(),
                    e.conditions().stream().map(c -> new AttributeConditionInput(c.attribute(), c.op(), c.values())).toList(),
                    null, null, null, null);
            case PromotionTrigger.OnDate d -> new TriggerInput(PromotionTrigger.Kind.DATE, List.of(), null, null, d.date(),
                    d.fixedDate(), null, null);
            case PromotionTrigger.OnSchedule s -> new TriggerInput(PromotionTrigger.Kind.SCHEDULE, List.of(), null, null, null,
                    null, s.every(), s.day());
        };
    }

    /** The input that builds {@code e} (a promotion's effect, or one of a funnel's). */
    public static EffectInput effectInput(PromotionEffect e) {
        return switch (e) {
            case PromotionEffect.FixedPoints f -> new EffectInput(e.kind(), f.points(), null, null);
            case PromotionEffect.Multiplier m -> new EffectInput(e.kind(), null, m.factor(), null);
            case PromotionEffect.PercentOfSpend s -> new EffectInput(e.kind(), null, null, s.percent());
            case PromotionEffect.RemovePoints r -> new EffectInput(e.kind(), r.points(), null, null);
            case PromotionEffect.SetPoints s -> new EffectInput(e.kind(), s.points(), null, null);
            case PromotionEffect.IssueVoucher v -> new EffectInput(e.kind(), v.rewardId(), null);
            case PromotionEffect.AddTag t -> new EffectInput(e.kind(), null, t.tag());
            case PromotionEffect.SendMessage m -> new EffectInput(e.kind(), null, null, null, null, null,
                    MessageInput.of(m.texts()));
        };
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
        return switch (trigger.type()) {
            case PURCHASE -> purchaseTrigger();
            case EVENT -> new PromotionTrigger.OnEvent(trigger.eventType() == null ? null : trigger.eventType().strip(),
                    trigger.attributeConditions() == null ? List.of() : trigger.attributeConditions().stream()
                            .map(c -> new AttributeCondition(c.attribute().strip(), c.op(), c.values())).toList());
            case DATE -> new PromotionTrigger.OnDate(trigger.date(), trigger.fixedDate());
            case SCHEDULE -> new PromotionTrigger.OnSchedule(trigger.every(),
                    required("trigger.day", trigger.day()));
        };
    }

    private PromotionTrigger purchaseTrigger() {
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
        return effect.toEffect("effect");
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
