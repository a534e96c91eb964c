package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.promotions.AttributeCondition;
import org.loyaltyhub.programs.internal.promotions.PromotionInput.AttributeConditionInput;
import org.loyaltyhub.programs.internal.promotions.PromotionTrigger;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A campaign form's conditions on the event's attributes as numbered rows ({@code attribute0}, {@code attributeOp0},
 * {@code attributeValue0}, …): every stored condition has its row and one empty row adds another; emptying a row's
 * attribute removes it. Shared by the promotion and the funnel forms, which the API gives the same conditions.
 */
final class EventConditionRows {

    static final int MAX = PromotionTrigger.OnPurchase.MAX_CONDITIONS;

    private EventConditionRows() {
    }

    /** The conditions read from the rows, and the row each came from (blank rows are skipped). */
    record Read(List<AttributeConditionInput> conditions, List<Integer> rows) {

        /** The form field an error's path names ("trigger.attributeConditions[1].values" → "attributeValue3"). */
        String fieldOf(String path) {
            String prefix = "trigger.attributeConditions[";
            if (!path.startsWith(prefix)) {
                return "attribute0";
            }
            int i = Integer.parseInt(path.substring(prefix.length(), path.indexOf(']')));
            int row = i < rows.size() ? rows.get(i) : 0;
            return field(path.substring(path.lastIndexOf('.') + 1)) + row;
        }
    }

    /**
     * The rows as conditions; a row that breaks a rule is reported under {@code errorKey} next to its field. A
     * "one of" list typed back exactly as it was shown keeps the stored values (a value may hold a comma).
     */
    static Read read(FormValues f, List<AttributeConditionInput> stored, String errorKey, Map<String, String> errors) {
        List<AttributeConditionInput> conditions = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            if (f.blank("attribute" + i)) {
                if (!f.blank("attributeValue" + i)) {
                    errors.put("attribute" + i, errorKey);
                }
                continue;
            }
            String attribute = f.text("attribute" + i);
            AttributeCondition.Op op = op(f.text("attributeOp" + i));
            String text = f.text("attributeValue" + i);
            List<String> values = text == null ? List.of() : op != AttributeCondition.Op.ONE_OF ? List.of(text)
                    : stored.stream().filter(s -> s.attribute().equals(attribute) && s.op() == op && text.equals(shown(s)))
                    .findFirst().map(AttributeConditionInput::values).orElseGet(() -> split(text));
            try {
                new AttributeCondition(attribute, op, values);
            } catch (InvalidInput e) {
                final int row = i;
                e.fieldErrors().keySet().forEach(path -> errors.put(field(path.substring(path.lastIndexOf('.') + 1))
                        + row, errorKey));
            }
            conditions.add(new AttributeConditionInput(attribute, op, values));
            rows.add(i);
        }
        return new Read(conditions, rows);
    }

    /** The stored conditions into the form's rows. */
    static void put(List<AttributeConditionInput> conditions, Map<String, String> form) {
        if (conditions == null) {
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            AttributeConditionInput c = conditions.get(i);
            form.put("attribute" + i, c.attribute());
            form.put("attributeOp" + i, c.op().name());
            form.put("attributeValue" + i, shown(c));
        }
    }

    /** How many rows the form shows: every filled one and one empty row, while there is room. */
    static int shownRows(Map<String, String> form) {
        int last = -1;
        for (int i = 0; i < MAX; i++) {
            if (!new FormValues(form).blank("attribute" + i) || !new FormValues(form).blank("attributeValue" + i)) {
                last = i;
            }
        }
        return Math.min(MAX, last + 2);
    }

    /** A list typed as "a, b, c" (blank items dropped). */
    static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * The stored list when {@code text} is exactly how it was shown (so values with a comma or spaces are kept),
     * otherwise the list as typed.
     */
    static List<String> keptOrTyped(String text, List<String> stored) {
        return stored != null && !stored.isEmpty() && String.join(", ", stored).equals(text) ? stored : split(text);
    }

    private static String shown(AttributeConditionInput c) {
        return c.values() == null ? "" : String.join(", ", c.values());
    }

    private static String field(String part) {
        return switch (part) {
            case "op" -> "attributeOp";
            case "values" -> "attributeValue";
            default -> "attribute";
        };
    }

    private static AttributeCondition.Op op(String name) {
        try {
            return name == null ? AttributeCondition.Op.EQUALS : AttributeCondition.Op.valueOf(name);
        } catch (IllegalArgumentException e) {
            return AttributeCondition.Op.EQUALS;
        }
    }
}
