package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.RfmSegment;
import org.loyaltyhub.members.AgeGroup;
import org.loyaltyhub.marketing.Flaw;
import org.loyaltyhub.marketing.Gender;
import org.loyaltyhub.marketing.SegmentChoices;
import org.loyaltyhub.marketing.SegmentField;
import org.loyaltyhub.marketing.SegmentInput;
import org.loyaltyhub.marketing.SegmentOperator;
import org.loyaltyhub.members.ConsentKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The editor as the page draws it: per group its conditions, each with the operators its field takes, the inputs
 * its operator needs, the options of a list field and the message keys of its flaws (drawn from a form
 * {@link SegmentForm#normalized}).
 */
record SegmentEditor(String match, List<Group> groups, Map<String, String> errors) {

    record Group(int index, String match, List<Row> rows) {
    }

    /** {@code input}: NUMBER, DATE, DAYS, LIST, TEXT or CONSENT; {@code boxes}: how many value inputs (1 or 2). */
    record Row(String path, String id, String field, String operator, List<SegmentOperator> operators, String input,
               int boxes, List<String> values, boolean windowed, String months, List<Option> options) {

        /** The i-th value typed, or empty. */
        public String value(int i) {
            return i < values.size() ? values.get(i) : "";
        }

        public String joined() {
            return String.join(", ", values);
        }
    }

    /** A choice of a list: its value and either a message key or a name. */
    record Option(String value, String key, String name, boolean selected) {
    }

    static SegmentEditor of(SegmentInput in, SegmentChoices choices, Map<String, Flaw> flaws, Locale locale) {
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < in.groups().size(); g++) {
            SegmentInput.GroupInput group = in.groups().get(g);
            List<SegmentInput.ConditionInput> cs = group.conditions() == null ? List.of() : group.conditions();
            int gi = g;
            groups.add(new Group(g, group.match(), IntStream.range(0, cs.size())
                    .mapToObj(c -> row(gi, c, cs.get(c), choices, locale)).toList()));
        }
        Map<String, String> errors = new java.util.HashMap<>();
        flaws.forEach((path, flaw) -> errors.put(path, flaw.key()));
        return new SegmentEditor(in.match(), groups, errors);
    }

    private static Row row(int g, int c, SegmentInput.ConditionInput in, SegmentChoices choices, Locale locale) {
        String path = "groups[" + g + "].conditions[" + c + "]";
        String id = "g" + g + "-c" + c;
        SegmentField field = SegmentForm.field(in.field()).orElse(SegmentField.POINTS_BALANCE);
        SegmentOperator operator = SegmentForm.operator(field, in.operator()).orElse(field.operators().getFirst());
        List<String> values = in.values() == null ? List.of() : in.values();
        String input = switch (field.kind()) {
            case QUANTITY -> "NUMBER";
            case REFERENCE, CHOICE -> "LIST";
            case TEXT -> "TEXT";
            case CONSENT -> "CONSENT";
            case DATE -> operator == SegmentOperator.WITHIN_DAYS || operator == SegmentOperator.NOT_WITHIN_DAYS
                    ? "DAYS" : "DATE";
        };
        List<String> chosen = values;
        List<Option> options = switch (field) {
            case TIER -> named(choices.tiers(), chosen, locale);
            case BADGE -> named(choices.badges(), chosen, locale);
            case PLAN -> named(choices.plans(), chosen, locale);
            case ENROLMENT_STORE, PREFERRED_STORE, MOST_VISITED_STORE -> named(choices.stores(), chosen, locale);
            case RFM_SEGMENT -> keyed(Arrays.stream(RfmSegment.values()).map(Enum::name).toList(), "segments.rfm.",
                    chosen);
            case AGE_GROUP -> keyed(Arrays.stream(AgeGroup.values()).map(Enum::name).toList(), "segments.age.", chosen);
            case GENDER -> keyed(Arrays.stream(Gender.values()).map(Enum::name).toList(), "segments.gender.", chosen);
            case BIRTHDAY_MONTH -> keyed(IntStream.rangeClosed(1, 12).mapToObj(String::valueOf).toList(),
                    "segments.month.", chosen);
            case CONSENT -> keyed(Arrays.stream(ConsentKind.values()).map(Enum::name).toList(), "segments.consent.",
                    chosen);
            default -> List.of();
        };
        return new Row(path, id, field.name(), operator.name(), field.operators(), input,
                operator == SegmentOperator.BETWEEN ? 2 : 1, values, field.windowed(),
                in.months() == null ? "" : in.months().toString(), options);
    }

    private static List<Option> named(List<SegmentChoices.Choice> among, List<String> chosen, Locale locale) {
        return among.stream().map(c -> new Option(String.valueOf(c.id()), null, c.name().in(locale),
                chosen.contains(String.valueOf(c.id())))).toList();
    }

    private static List<Option> keyed(List<String> values, String prefix, List<String> chosen) {
        return values.stream().map(v -> new Option(v, prefix + v, null, chosen.contains(v))).toList();
    }

    public List<SegmentField> fields() {
        return List.of(SegmentField.values());
    }
}
