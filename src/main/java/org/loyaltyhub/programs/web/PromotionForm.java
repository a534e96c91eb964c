package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.promotions.Promotion;
import org.loyaltyhub.programs.internal.promotions.PromotionEffect;
import org.loyaltyhub.programs.internal.promotions.PromotionInput;
import org.loyaltyhub.programs.internal.promotions.PromotionTrigger;
import org.loyaltyhub.shared.web.FormValues;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
    record FormInput(PromotionInput input, List<String> conditionFields, EventConditionRows.Read attributes) {
        /** The form field an error's path names ("trigger.conditions[1].value", "effect.factor", "limits.perMember"). */
        String fieldOf(String path) {
            if (path.startsWith("trigger.attributeConditions")) {
                return attributes.fieldOf(path);
            }
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
                    default -> "attribute0";
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

    /**
     * The submitted form as the API's input. Ticked boxes come as lists (weekdays, storeIds, tierIds, companyIds);
     * {@code stored} is the promotion being changed (null for a new one): a list or an instant typed back exactly as
     * it was shown keeps its stored value, so saving an untouched field changes nothing.
     */
    static FormInput input(MultiValueMap<String, String> submitted, ZoneId zone, PromotionInput stored,
                           Map<String, String> errors) {
        FormValues f = new FormValues(submitted.toSingleValueMap());
        List<String> weekdays = ticked(submitted, "weekdays");
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
                conditions.add(new PromotionInput.ConditionInput(list, null,
                        EventConditionRows.keptOrTyped(f.text(list), storedValues(stored, list)), null, null));
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
        List<String> storedChannels = stored == null || stored.target() == null ? null : stored.target().channels();
        PromotionInput.TargetInput target = new PromotionInput.TargetInput(number(f, "segmentId", errors),
                ids(submitted, "tierIds"), ids(submitted, "storeIds"), ids(submitted, "companyIds"),
                EventConditionRows.keptOrTyped(f.text("channels"), storedChannels));
        Long perMember = number(f, "perMember", errors);
        Long budget = number(f, "budgetPoints", errors);
        Long priority = f.blank("priority") ? Long.valueOf(0) : number(f, "priority", errors);
        EventConditionRows.Read attributes = EventConditionRows.read(f, stored == null || stored.trigger().attributeConditions() == null
                ? List.of() : stored.trigger().attributeConditions(), "promotions.error.attribute", errors);
        PromotionInput input = new PromotionInput(f.text("name"),
                instant(f, "validFrom", zone, stored == null ? null : stored.validFrom(), errors),
                instant(f, "validUntil", zone, stored == null ? null : stored.validUntil(), errors), target,
                trigger(f, conditions, attributes.conditions(), errors), effect,
                new PromotionInput.LimitsInput(perMember == null ? null : (int) Math.min(perMember, Integer.MAX_VALUE),
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
        return new FormInput(input, fields, attributes);
    }

    private static List<String> ticked(MultiValueMap<String, String> submitted, String name) {
        List<String> values = submitted.get(name);
        return values == null ? List.of() : values;
    }

    private static List<Long> ids(MultiValueMap<String, String> submitted, String name) {
        return ticked(submitted, name).stream().filter(s -> s.matches("[0-9]{1,18}")).map(Long::valueOf).toList();
    }

    private static List<String> storedValues(PromotionInput stored, String field) {
        return stored == null ? null : stored.trigger().conditions().stream().filter(c -> c.field().equals(field))
                .findFirst().map(PromotionInput.ConditionInput::values).orElse(null);
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
                                                       List<PromotionInput.AttributeConditionInput> attributes,
                                                       Map<String, String> errors) {
        PromotionTrigger.Kind kind = enumOf(PromotionTrigger.Kind.class, f.text("triggerType"), PromotionTrigger.Kind.PURCHASE);
        return switch (kind) {
            case PURCHASE -> new PromotionInput.TriggerInput(kind, conditions);
            case EVENT -> new PromotionInput.TriggerInput(kind, List.of(), f.text("eventType"), attributes, null, null,
                    null, null);
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

    private static java.time.Instant instant(FormValues f, String field, ZoneId zone, java.time.Instant stored,
                                             Map<String, String> errors) {
        if (stored != null && shown(stored, zone).equals(f.text(field))) {
            return stored;
        }
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

    /** An instant as a date-time field shows it: local time, to the millisecond at most (what the field accepts). */
    private static String shown(java.time.Instant at, ZoneId zone) {
        return LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static Map<String, String> values(PromotionInput in, ZoneId zone) {
        Map<String, String> v = new HashMap<>();
        v.put("name", in.name());
        v.put("validFrom", shown(in.validFrom(), zone));
        v.put("validUntil", in.validUntil() == null ? "" : shown(in.validUntil(), zone));
        v.put("priority", String.valueOf(in.priority()));
        v.put("stacking", in.stacking().name());
        v.put("effectType", in.effect().type().name());
        PromotionInput.TriggerInput t = in.trigger();
        v.put("triggerType", t.type().name());
        v.put("eventType", t.eventType() == null ? "" : t.eventType());
        EventConditionRows.put(t.attributeConditions(), v);
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
        v.put("segmentId", in.target() == null || in.target().segmentId() == null ? "" : in.target().segmentId().toString());
        if (in.limits() != null) {
            v.put("perMember", in.limits().perMember() == null ? "" : in.limits().perMember().toString());
            v.put("period", in.limits().period() == null ? "" : in.limits().period().name());
            v.put("budgetPoints", in.limits().budgetPoints() == null ? "" : in.limits().budgetPoints().toString());
        }
        v.put("dryRunDays", "30");
        return v;
    }

    /** The boxes a stored promotion ticks: weekdays, storeIds, tierIds and companyIds. */
    static MultiValueMap<String, String> ticked(PromotionInput in) {
        MultiValueMap<String, String> ticked = new LinkedMultiValueMap<>();
        ticked.put("weekdays", in.trigger().conditions().stream().filter(c -> c.field().equals("daysOfWeek"))
                .flatMap(c -> c.values().stream()).toList());
        if (in.target() != null) {
            ticked.put("storeIds", in.target().storeIds().stream().map(String::valueOf).toList());
            ticked.put("tierIds", in.target().tierIds().stream().map(String::valueOf).toList());
            ticked.put("companyIds", in.target().companyIds().stream().map(String::valueOf).toList());
        }
        return ticked;
    }
}
