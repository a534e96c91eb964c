package org.loyaltyhub.marketing;

import org.loyaltyhub.members.AgeGroup;
import org.loyaltyhub.members.ConsentKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a segment as a client typed it into a {@link SegmentDefinition}, or refuses it with every flaw named by its
 * path ({@code groups[0].conditions[1].values}). Pure: which ids exist in the circuit comes from {@link Known}.
 */
public final class ConditionReader {

    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000000");
    public static final int MAX_VALUES = 100;
    /** A tag as promotions and funnels give it (the member_tag check). */
    private static final String TAG = "[a-z0-9][a-z0-9_-]{0,39}";

    /** Which tiers, badges, plans and stores exist in the circuit. */
    @FunctionalInterface
    public interface Known {
        boolean exists(SegmentField field, long id);
    }

    private final Known known;
    private final Map<String, Flaw> flaws = new LinkedHashMap<>();

    private ConditionReader(Known known) {
        this.known = known;
    }

    /** The segment's name, description and definition, checked. */
    public record Read(String name, String description, SegmentDefinition definition) {
    }

    public static Read read(SegmentInput in, Known known) {
        ConditionReader r = new ConditionReader(known);
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            r.flaws.put("name", Flaw.NAME);
        }
        String description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        if (description != null && description.length() > 500) {
            r.flaws.put("description", Flaw.DESCRIPTION);
        }
        SegmentDefinition definition = r.definition(in);
        if (!r.flaws.isEmpty()) {
            throw new InvalidSegment(r.flaws);
        }
        return new Read(name, description, definition);
    }

    /** Only the definition (a live count while the name may still be empty). */
    public static SegmentDefinition definition(SegmentInput in, Known known) {
        ConditionReader r = new ConditionReader(known);
        SegmentDefinition d = r.definition(in);
        if (!r.flaws.isEmpty()) {
            throw new InvalidSegment(r.flaws);
        }
        return d;
    }

    private SegmentDefinition definition(SegmentInput in) {
        Match match = match("match", in.match());
        List<SegmentInput.GroupInput> groups = in.groups() == null ? List.of() : in.groups();
        if (groups.isEmpty() || groups.size() > SegmentDefinition.MAX_GROUPS) {
            flaws.put("groups", Flaw.GROUPS);
            return null;
        }
        List<SegmentDefinition.Group> read = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            String path = "groups[" + g + "]";
            SegmentInput.GroupInput group = groups.get(g);
            if (group == null) {
                flaws.put(path, Flaw.CONDITIONS);
                continue;
            }
            Match groupMatch = match(path + ".match", group.match());
            List<SegmentInput.ConditionInput> conditions = group.conditions() == null ? List.of() : group.conditions();
            if (conditions.isEmpty() || conditions.size() > SegmentDefinition.MAX_CONDITIONS) {
                flaws.put(path + ".conditions", Flaw.CONDITIONS);
                continue;
            }
            List<Condition> cs = new ArrayList<>();
            for (int c = 0; c < conditions.size(); c++) {
                condition(path + ".conditions[" + c + "]", conditions.get(c)).ifPresent(cs::add);
            }
            if (groupMatch != null && cs.size() == conditions.size()) {
                read.add(new SegmentDefinition.Group(groupMatch, cs));
            }
        }
        return flaws.isEmpty() ? new SegmentDefinition(match, read) : null;
    }

    private Match match(String path, String typed) {
        Optional<Match> m = constant(Match.class, typed);
        if (m.isEmpty()) {
            flaws.put(path, Flaw.MATCH);
        }
        return m.orElse(null);
    }

    Optional<Condition> condition(String path, SegmentInput.ConditionInput in) {
        if (in == null) {
            flaws.put(path + ".field", Flaw.FIELD);
            return Optional.empty();
        }
        Optional<SegmentField> field = constant(SegmentField.class, in.field());
        if (field.isEmpty()) {
            flaws.put(path + ".field", Flaw.FIELD);
            return Optional.empty();
        }
        SegmentField f = field.get();
        Optional<SegmentOperator> op = constant(SegmentOperator.class, in.operator()).filter(f.operators()::contains);
        if (op.isEmpty()) {
            flaws.put(path + ".operator", Flaw.OPERATOR);
            return Optional.empty();
        }
        SegmentOperator o = op.get();
        if (in.months() != null && !f.windowed()) {
            flaws.put(path + ".months", Flaw.NO_MONTHS);
            return Optional.empty();
        }
        if (f.windowed() && (in.months() == null || in.months() < 1 || in.months() > 36)) {
            flaws.put(path + ".months", Flaw.MONTHS);
            return Optional.empty();
        }
        List<String> values = in.values() == null ? List.of() : in.values().stream()
                .map(v -> v == null ? "" : v.strip()).toList();
        if (o.arity() > 0 ? values.size() != o.arity() : values.isEmpty() || values.size() > MAX_VALUES) {
            flaws.put(path + ".values", Flaw.VALUE_COUNT);
            return Optional.empty();
        }
        String at = path + ".values";
        return Optional.ofNullable(switch (f.kind()) {
            case QUANTITY -> quantity(at, f, o, values, in.months());
            case REFERENCE -> references(at, f, o, values);
            case TEXT -> texts(at, f, o, values);
            case CHOICE -> choices(at, f, o, values);
            case DATE -> dated(at, f, o, values);
            case CONSENT -> constant(ConsentKind.class, values.getFirst())
                    .map(k -> (Condition) new Condition.Consented(k, o == SegmentOperator.GIVEN))
                    .orElseGet(() -> flaw(at, Flaw.CHOICE));
        });
    }

    private Condition quantity(String at, SegmentField f, SegmentOperator o, List<String> values, Integer months) {
        List<BigDecimal> read = new ArrayList<>();
        for (String v : values) {
            BigDecimal n;
            try {
                n = new BigDecimal(v);
            } catch (NumberFormatException e) {
                return flaw(at, f.money() ? Flaw.AMOUNT : Flaw.NUMBER);
            }
            if (n.signum() < 0 || n.compareTo(MAX_QUANTITY) > 0 || (f.money() ? n.stripTrailingZeros().scale() > 2
                    : n.stripTrailingZeros().scale() > 0)) {
                return flaw(at, f.money() ? Flaw.AMOUNT : Flaw.NUMBER);
            }
            read.add(f.money() ? n.setScale(2, java.math.RoundingMode.UNNECESSARY) : n.setScale(0,
                    java.math.RoundingMode.UNNECESSARY));
        }
        if (o == SegmentOperator.BETWEEN && read.get(0).compareTo(read.get(1)) > 0) {
            return flaw(at, Flaw.RANGE);
        }
        return new Condition.Quantity(f, o, o == SegmentOperator.AT_MOST ? null : read.getFirst(),
                o == SegmentOperator.AT_LEAST ? null : read.getLast(), months);
    }

    private Condition references(String at, SegmentField f, SegmentOperator o, List<String> values) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String v : values) {
            if (!v.matches("[1-9][0-9]{0,17}") || !known.exists(f, Long.parseLong(v))) {
                return flaw(at, Flaw.ID);
            }
            ids.add(v);
        }
        return new Condition.OneOf(f, o, List.copyOf(ids));
    }

    private Condition texts(String at, SegmentField f, SegmentOperator o, List<String> values) {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (String v : values) {
            if (v.isEmpty() || v.length() > 100) {
                return flaw(at, Flaw.TEXT);
            }
            if (f == SegmentField.TAG && !v.toLowerCase(Locale.ROOT).matches(TAG)) {
                return flaw(at, Flaw.TAG);
            }
            texts.add(f == SegmentField.POSTCODE ? v.replace(" ", "").toUpperCase(Locale.ROOT)
                    : v.toLowerCase(Locale.ROOT));
        }
        return new Condition.OneOf(f, o, List.copyOf(texts));
    }

    private Condition choices(String at, SegmentField f, SegmentOperator o, List<String> values) {
        LinkedHashSet<String> read = new LinkedHashSet<>();
        for (String v : values) {
            Optional<String> c = switch (f) {
                case AGE_GROUP -> constant(AgeGroup.class, v).map(Enum::name);
                case GENDER -> constant(Gender.class, v).map(Enum::name);
                case RFM_SEGMENT -> constant(RfmSegment.class, v).map(Enum::name);
                default -> v.matches("(0?[1-9]|1[0-2])") ? Optional.of(String.valueOf(Integer.parseInt(v)))
                        : Optional.empty();
            };
            if (c.isEmpty()) {
                return flaw(at, Flaw.CHOICE);
            }
            read.add(c.get());
        }
        return new Condition.OneOf(f, o, List.copyOf(read));
    }

    private Condition dated(String at, SegmentField f, SegmentOperator o, List<String> values) {
        if (o == SegmentOperator.WITHIN_DAYS || o == SegmentOperator.NOT_WITHIN_DAYS) {
            String v = values.getFirst();
            if (!v.matches("[0-9]{1,4}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 3650) {
                return flaw(at, Flaw.DAYS);
            }
            return new Condition.Dated(f, o, null, null, Integer.parseInt(v));
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String v : values) {
            try {
                dates.add(LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                return flaw(at, Flaw.DATE);
            }
        }
        if (o == SegmentOperator.BETWEEN && dates.get(0).isAfter(dates.get(1))) {
            return flaw(at, Flaw.RANGE);
        }
        return new Condition.Dated(f, o, o == SegmentOperator.ON_OR_BEFORE ? null : dates.getFirst(),
                o == SegmentOperator.ON_OR_AFTER ? null : dates.getLast(), null);
    }

    private Condition flaw(String at, Flaw flaw) {
        flaws.put(at, flaw);
        return null;
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, typed.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
