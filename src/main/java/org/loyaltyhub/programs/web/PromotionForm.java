package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.promotions.AttributeCondition;
import org.loyaltyhub.programs.internal.promotions.Promotion;
import org.loyaltyhub.programs.internal.promotions.PromotionEffect;
import org.loyaltyhub.programs.internal.promotions.PromotionInput;
import org.loyaltyhub.programs.internal.promotions.PromotionTrigger;
import org.loyaltyhub.shared.web.FormValues;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The promotion form's fields as the API's input and back: conditions, the trigger (purchase, event, date, schedule)
 * and the effect; a value that does not parse is reported by field and left out.
 */
final class PromotionForm {

    private PromotionForm() {
    }

    /** The form's values as the API's input; values that do not parse are reported and left out. */
    record FormInput(PromotionInput input, List<String> conditionFields) {
        /** The form field an error's path names ("trigger.conditions[1].value", "effect.factor", "limits.perMember"). */
        String fieldOf(String path) {
            if (path.startsWith("trigger.conditions[")) {
                int i = Integer.parseInt(path.substring("trigger.conditions[".length(), path.indexOf(']')));
                return i < conditionFields.size() ? conditionFields.get(i) : "minSpend";
            }
            if (path.startsWith("trigger.conditions.")) {
                String field = path.substring("trigger.conditions.".length());
                return switch (field) {
                    case "daysOfWeek" -> "weekdays";
                    case "hours" -> "hoursFrom";
                    case "nthVisit" -> conditionFields.contains("everyNthVisit") ? "everyNthVisit" : "nthVisit";
                    default -> field;
                };
            }
            if (path.startsWith("effect")) {
                return "effectValue";
            }
            if (path.startsWith("trigger.")) {
                return switch (path) {
                    case "trigger.eventType" -> "eventType";
                    case "trigger.date" -> "dateKind";
                    case "trigger.fixedDate" -> "fixedDate";
                    case "trigger.every", "trigger.day" -> "scheduleDay";
                    default -> "attribute";
                };
            }
            if (path.startsWith("limits.")) {
                return path.substring("limits.".length());
            }
            if (path.startsWith("target.")) {
                return path.substring("target.".length());
            }
            return path;
        }
    }

    static FormInput input(Map<String, String> submitted, List<String> weekdays, List<String> stores,
                                   ZoneId zone, Map<String, String> errors) {
        FormValues f = new FormValues(submitted);
        List<PromotionInput.ConditionInput> conditions = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (!f.blank("minSpend")) {
            BigDecimal min = f.decimal("minSpend");
            if (min == null) {
                errors.put("minSpend", "promotions.error.minSpend");
            } else {
                conditions.add(new PromotionInput.ConditionInput("minSpend", min.toPlainString(), null, null, null));
                fields.add("minSpend");
            }
        }
        for (String list : List.of("products", "categories")) {
            if (!f.blank(list)) {
                conditions.add(new PromotionInput.ConditionInput(list, null, Arrays.stream(f.text(list).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList(), null, null));
                fields.add(list);
            }
        }
        if (!weekdays.isEmpty()) {
            conditions.add(new PromotionInput.ConditionInput("daysOfWeek", null, weekdays, null, null));
            fields.add("weekdays");
        }
        if (!f.blank("hoursFrom") || !f.blank("hoursTo")) {
            conditions.add(new PromotionInput.ConditionInput("hours", null, null, f.text("hoursFrom"), f.text("hoursTo")));
            fields.add("hoursFrom");
        }
        if (f.checked("firstPurchase")) {
            conditions.add(new PromotionInput.ConditionInput("firstPurchase", null, null, null, null));
            fields.add("firstPurchase");
        }
        for (String visit : List.of("nthVisit", "everyNthVisit")) {
            if (!f.blank(visit)) {
                conditions.add(new PromotionInput.ConditionInput(visit, f.text(visit), null, null, null));
                fields.add(visit);
            }
        }
        PromotionInput.EffectInput effect = effect(f, errors);
        List<Long> storeIds = stores.stream().filter(s -> s.matches("[0-9]{1,18}")).map(Long::valueOf).toList();
        List<String> channels = f.blank("channels") ? List.of() : Arrays.stream(f.text("channels").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Long perMember = number(f, "perMember", errors);
        Long budget = number(f, "budgetPoints", errors);
        Long priority = f.blank("priority") ? Long.valueOf(0) : number(f, "priority", errors);
        PromotionInput input = new PromotionInput(f.text("name"), instant(f, "validFrom", zone, errors),
                instant(f, "validUntil", zone, errors),
                new PromotionInput.TargetInput(null, List.of(), storeIds, List.of(), channels),
                trigger(f, conditions, errors), effect,
                new PromotionInput.LimitsInput(perMember == null || perMember > 10_000 ? null : perMember.intValue(),
                        perMember == null ? null : enumOf(Promotion.Period.class, f.text("period"), Promotion.Period.EVER),
                        budget),
                priority == null || priority > Promotion.MAX_PRIORITY ? 0 : priority.intValue(),
                enumOf(Promotion.Stacking.class, f.text("stacking"), Promotion.Stacking.STACKABLE));
        if (f.blank("name")) {
            errors.put("name", "promotions.error.name");
        }
        if (priority != null && priority > Promotion.MAX_PRIORITY) {
            errors.put("priority", "promotions.error.priority");
        }
        return new FormInput(input, fields);
    }

    /** The effect as entered: points, a factor or a percentage, a reward's id or a tag, by kind. */
    private static PromotionInput.EffectInput effect(FormValues f, Map<String, String> errors) {
        PromotionEffect.Kind kind = enumOf(PromotionEffect.Kind.class, f.text("effectType"), PromotionEffect.Kind.FIXED_POINTS);
        if (kind == PromotionEffect.Kind.TAG) {
            if (f.blank("effectValue")) {
                errors.put("effectValue", "promotions.error.effectValue");
            }
            return new PromotionInput.EffectInput(kind, null, f.text("effectValue"));
        }
        BigDecimal value = f.decimal("effectValue");
        if (value == null) {
            errors.put("effectValue", "promotions.error.effectValue");
        }
        Long whole = value == null ? null : value.longValue();
        return switch (kind) {
            case MULTIPLIER -> new PromotionInput.EffectInput(kind, null, value, null);
            case PERCENT_OF_SPEND -> new PromotionInput.EffectInput(kind, null, null, value);
            case VOUCHER -> new PromotionInput.EffectInput(kind, whole, null);
            default -> new PromotionInput.EffectInput(kind, whole, null, null);
        };
    }

    /** What makes it give: a purchase (with the conditions above), an event, a date or a schedule. */
    private static PromotionInput.TriggerInput trigger(FormValues f, List<PromotionInput.ConditionInput> conditions,
                                                       Map<String, String> errors) {
        PromotionTrigger.Kind kind = enumOf(PromotionTrigger.Kind.class, f.text("triggerType"), PromotionTrigger.Kind.PURCHASE);
        return switch (kind) {
            case PURCHASE -> new PromotionInput.TriggerInput(kind, conditions);
            case EVENT -> {
                List<PromotionInput.AttributeConditionInput> attributes = f.blank("attribute") ? List.of()
                        : List.of(new PromotionInput.AttributeConditionInput(f.text("attribute"),
                        enumOf(AttributeCondition.Op.class, f.text("attributeOp"), AttributeCondition.Op.EQUALS),
                        Arrays.stream(f.blank("attributeValue") ? new String[0] : f.text("attributeValue").split(","))
                                .map(String::strip).filter(v -> !v.isEmpty()).toList()));
                yield new PromotionInput.TriggerInput(kind, List.of(), f.text("eventType"), attributes, null, null, null, null);
            }
            case DATE -> {
                java.time.LocalDate fixed = null;
                if (!f.blank("fixedDate")) {
                    try {
                        fixed = java.time.LocalDate.parse(f.text("fixedDate"));
                    } catch (DateTimeParseException e) {
                        errors.put("fixedDate", "promotions.error.fixedDate");
                    }
                }
                yield new PromotionInput.TriggerInput(kind, List.of(), null, null,
                        enumOf(PromotionTrigger.DateKind.class, f.text("dateKind"), PromotionTrigger.DateKind.BIRTHDAY),
                        fixed, null, null);
            }
            case SCHEDULE -> {
                Long day = number(f, "scheduleDay", errors);
                yield new PromotionInput.TriggerInput(kind, List.of(), null, null, null, null,
                        enumOf(PromotionTrigger.Every.class, f.text("every"), PromotionTrigger.Every.WEEK),
                        day == null || day > 31 ? 0 : day.intValue());
            }
        };
    }

    private static Long number(FormValues f, String field, Map<String, String> errors) {
        if (f.blank(field)) {
            return null;
        }
        Long n = f.number(field);
        if (n == null) {
            errors.put(field, "promotions.error." + field);
        }
        return n;
    }

    private static java.time.Instant instant(FormValues f, String field, ZoneId zone, Map<String, String> errors) {
        if (f.blank(field)) {
            if ("validFrom".equals(field)) {
                errors.put(field, "promotions.error.validFrom");
            }
            return null;
        }
        try {
            return LocalDateTime.parse(f.text(field)).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "promotions.error." + field);
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    static Map<String, String> values(PromotionInput in, ZoneId zone) {
        Map<String, String> v = new HashMap<>();
        v.put("name", in.name());
        v.put("validFrom", LocalDateTime.ofInstant(in.validFrom(), zone).toString());
        v.put("validUntil", in.validUntil() == null ? "" : LocalDateTime.ofInstant(in.validUntil(), zone).toString());
        v.put("priority", String.valueOf(in.priority()));
        v.put("stacking", in.stacking().name());
        v.put("effectType", in.effect().type().name());
        PromotionInput.TriggerInput t = in.trigger();
        v.put("triggerType", t.type().name());
        v.put("eventType", t.eventType() == null ? "" : t.eventType());
        if (t.attributeConditions() != null && !t.attributeConditions().isEmpty()) {
            PromotionInput.AttributeConditionInput a = t.attributeConditions().getFirst();
            v.put("attribute", a.attribute());
            v.put("attributeOp", a.op().name());
            v.put("attributeValue", String.join(", ", a.values()));
        }
        v.put("dateKind", t.date() == null ? "" : t.date().name());
        v.put("fixedDate", t.fixedDate() == null ? "" : t.fixedDate().toString());
        v.put("every", t.every() == null ? "" : t.every().name());
        v.put("scheduleDay", t.day() == null ? "" : t.day().toString());
        v.put("effectValue", switch (in.effect().type()) {
            case FIXED_POINTS, REMOVE_POINTS, SET_POINTS -> String.valueOf(in.effect().points());
            case MULTIPLIER -> in.effect().factor().toPlainString();
            case PERCENT_OF_SPEND -> in.effect().percent().toPlainString();
            case VOUCHER -> String.valueOf(in.effect().rewardId());
            case TAG -> in.effect().tag();
            case MESSAGE -> ""; // funnels only: a promotion never holds one
        });
        for (PromotionInput.ConditionInput c : in.trigger().conditions()) {
            switch (c.field()) {
                case "products", "categories" -> v.put(c.field(), String.join(", ", c.values()));
                case "hours" -> {
                    v.put("hoursFrom", c.from());
                    v.put("hoursTo", c.to());
                }
                case "firstPurchase" -> v.put("firstPurchase", "on");
                case "daysOfWeek" -> { }
                default -> v.put(c.field(), c.value());
            }
        }
        v.put("channels", in.target() == null ? "" : String.join(", ", in.target().channels()));
        if (in.limits() != null) {
            v.put("perMember", in.limits().perMember() == null ? "" : in.limits().perMember().toString());
            v.put("period", in.limits().period() == null ? "" : in.limits().period().name());
            v.put("budgetPoints", in.limits().budgetPoints() == null ? "" : in.limits().budgetPoints().toString());
        }
        v.put("dryRunDays", "30");
        return v;
    }

    static List<String> weekdays(PromotionInput in) {
        return in.trigger().conditions().stream().filter(c -> c.field().equals("daysOfWeek"))
                .flatMap(c -> c.values().stream()).toList();
    }
}
