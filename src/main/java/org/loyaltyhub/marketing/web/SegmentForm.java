package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.Condition;
import org.loyaltyhub.marketing.Match;
import org.loyaltyhub.marketing.Segment;
import org.loyaltyhub.marketing.SegmentDefinition;
import org.loyaltyhub.marketing.SegmentField;
import org.loyaltyhub.marketing.SegmentInput;
import org.loyaltyhub.marketing.SegmentInput.ConditionInput;
import org.loyaltyhub.marketing.SegmentInput.GroupInput;
import org.loyaltyhub.marketing.SegmentOperator;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The segment editor's form, named {@code groups[0].conditions[1].values} like the API's paths so a flaw shows next to
 * its field; and the editor's actions (add or remove a condition or a group), applied before the editor is drawn again.
 */
final class SegmentForm {

    static final int MAX_VALUE_BOXES = 2;

    private SegmentForm() {
    }

    /** A new segment: one group with one condition. */
    static SegmentInput blank() {
        return new SegmentInput("", "", Match.ALL.name(), List.of(blankGroup()));
    }

    static SegmentInput input(Segment s) {
        SegmentDefinition d = s.definition();
        return new SegmentInput(s.name(), s.description(), d.match().name(), d.groups().stream()
                .map(g -> new GroupInput(g.match().name(), g.conditions().stream().map(SegmentForm::condition).toList()))
                .toList());
    }

    private static ConditionInput condition(Condition c) {
        return new ConditionInput(c.field().name(), c.operator().name(), c.values(), c.months());
    }

    /** What the form holds; text lists (cities, postcodes, card groups) are typed separated by commas. */
    static SegmentInput read(MultiValueMap<String, String> form) {
        List<GroupInput> groups = new ArrayList<>();
        for (int g = 0; form.containsKey("groups[" + g + "].match"); g++) {
            List<ConditionInput> conditions = new ArrayList<>();
            for (int c = 0; form.containsKey("groups[" + g + "].conditions[" + c + "].field"); c++) {
                String at = "groups[" + g + "].conditions[" + c + "].";
                String field = form.getFirst(at + "field");
                List<String> values = form.getOrDefault(at + "values", List.of());
                boolean text = field(field).filter(f -> f.kind() == SegmentField.Kind.TEXT).isPresent();
                values = text ? values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                        .filter(v -> !v.isEmpty()).toList()
                        : values.size() > 1 && !"BETWEEN".equals(form.getFirst(at + "operator"))
                        ? values.stream().filter(v -> !v.isBlank()).toList() : values;
                conditions.add(new ConditionInput(field, form.getFirst(at + "operator"), values,
                        months(form.getFirst(at + "months"))));
            }
            groups.add(new GroupInput(form.getFirst("groups[" + g + "].match"), conditions));
        }
        return new SegmentInput(form.getFirst("name"), form.getFirst("description"), form.getFirst("match"), groups);
    }

    private static Integer months(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return typed.strip().matches("[0-9]{1,3}") ? Integer.valueOf(typed.strip()) : Integer.valueOf(-1);
    }

    /**
     * The form after an editor action: {@code add:G} a condition to group G, {@code remove:G:C} one, {@code group} a
     * new group, {@code ungroup:G} a group; anything else leaves it as it is.
     */
    static SegmentInput apply(SegmentInput in, String action) {
        if (action == null) {
            return in;
        }
        List<GroupInput> groups = new ArrayList<>(in.groups());
        String[] parts = action.split(":");
        try {
            switch (parts[0]) {
                case "add" -> {
                    int g = Integer.parseInt(parts[1]);
                    if (groups.get(g).conditions().size() < SegmentDefinition.MAX_CONDITIONS) {
                        List<ConditionInput> cs = new ArrayList<>(groups.get(g).conditions());
                        cs.add(blankCondition());
                        groups.set(g, new GroupInput(groups.get(g).match(), cs));
                    }
                }
                case "remove" -> {
                    int g = Integer.parseInt(parts[1]);
                    List<ConditionInput> cs = new ArrayList<>(groups.get(g).conditions());
                    cs.remove(Integer.parseInt(parts[2]));
                    if (cs.isEmpty()) {
                        groups.remove(g);
                    } else {
                        groups.set(g, new GroupInput(groups.get(g).match(), cs));
                    }
                }
                case "group" -> {
                    if (groups.size() < SegmentDefinition.MAX_GROUPS) {
                        groups.add(blankGroup());
                    }
                }
                case "ungroup" -> groups.remove(Integer.parseInt(parts[1]));
                default -> {
                    return in;
                }
            }
        } catch (RuntimeException e) {
            return in; // a stale or forged action: the form as it is
        }
        if (groups.isEmpty()) {
            groups.add(blankGroup());
        }
        return new SegmentInput(in.name(), in.description(), in.match(), groups);
    }

    private static GroupInput blankGroup() {
        return new GroupInput(Match.ALL.name(), List.of(blankCondition()));
    }

    private static ConditionInput blankCondition() {
        return new ConditionInput(SegmentField.POINTS_BALANCE.name(), SegmentOperator.AT_LEAST.name(), List.of(), null);
    }

    /**
     * The form as the editor continues from it: a condition whose field was changed to one that does not take its
     * operator gets the field's first operator and no values; purchases and spend start with a 12-month window.
     */
    static SegmentInput normalized(SegmentInput in) {
        return new SegmentInput(in.name(), in.description(), in.match(), in.groups().stream()
                .map(g -> new GroupInput(g.match(), g.conditions().stream().map(c -> {
                    var field = field(c.field());
                    if (field.isEmpty()) {
                        return c; // refused by the reader, named next to the field
                    }
                    SegmentField f = field.get();
                    Integer months = !f.windowed() ? null : c.months() == null ? Integer.valueOf(12) : c.months();
                    return operator(f, c.operator()).isPresent() ? new ConditionInput(c.field(), c.operator(),
                            c.values(), months) : new ConditionInput(f.name(), f.operators().getFirst().name(), List.of(),
                            months);
                }).toList())).toList());
    }

    static java.util.Optional<SegmentOperator> operator(SegmentField field, String typed) {
        return field.operators().stream().filter(o -> o.name().equals(typed)).findFirst();
    }

    static java.util.Optional<SegmentField> field(String typed) {
        return Arrays.stream(SegmentField.values()).filter(f -> typed != null
                && f.name().equals(typed.strip().toUpperCase(Locale.ROOT))).findFirst();
    }
}
