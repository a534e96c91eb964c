package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * A condition on one attribute of an event: equal to a value, one of values, or at least / at most a number. Null
 * from {@link #unmet} when the event meets it; otherwise why not.
 */
public record AttributeCondition(String attribute, Op op, List<String> values) {

    public enum Op {
        EQUALS, ONE_OF, AT_LEAST, AT_MOST
    }

    public AttributeCondition {
        if (attribute == null || attribute.isBlank()) {
            throw new InvalidInput("trigger.conditions.attribute", "is required");
        }
        if (op == null) {
            throw new InvalidInput("trigger.conditions.op", "is required: EQUALS, ONE_OF, AT_LEAST or AT_MOST");
        }
        values = values == null ? List.of() : List.copyOf(values);
        if (values.isEmpty() || (op != Op.ONE_OF && values.size() != 1)) {
            throw new InvalidInput("trigger.conditions.values", op == Op.ONE_OF ? "needs at least one value"
                    : "needs exactly one value");
        }
        if (op == Op.AT_LEAST || op == Op.AT_MOST) {
            try {
                new BigDecimal(values.getFirst());
            } catch (NumberFormatException e) {
                throw new InvalidInput("trigger.conditions.values", "'" + values.getFirst() + "' is not a number");
            }
        }
    }

    /** Checks the condition against the event type's schema: the attribute exists, and numbers compare numbers. */
    public void checkAgainst(AttributeSchema schema, String eventType) {
        AttributeSchema.Property p = schema.properties().get(attribute);
        if (p == null) {
            throw new InvalidInput("trigger.conditions.attribute", "'" + attribute + "' is not an attribute of "
                    + eventType + (schema.properties().isEmpty() ? " (it has none)"
                    : "; known: " + String.join(", ", schema.properties().keySet().stream().sorted().toList())));
        }
        boolean numeric = p.type() == AttributeSchema.Type.INTEGER || p.type() == AttributeSchema.Type.NUMBER;
        if ((op == Op.AT_LEAST || op == Op.AT_MOST) && !numeric) {
            throw new InvalidInput("trigger.conditions.op", attribute + " is not a number: use EQUALS or ONE_OF");
        }
    }

    public String describe() {
        return switch (op) {
            case EQUALS -> attribute + " = " + values.getFirst();
            case ONE_OF -> attribute + " in " + String.join("/", values);
            case AT_LEAST -> attribute + " ≥ " + values.getFirst();
            case AT_MOST -> attribute + " ≤ " + values.getFirst();
        };
    }

    public String unmet(JsonNode attributes) {
        JsonNode v = attributes == null ? null : attributes.get(attribute);
        if (v == null || v.isNull()) {
            return attribute + " is missing";
        }
        boolean met = switch (op) {
            case EQUALS, ONE_OF -> values.contains(v.asString());
            case AT_LEAST -> v.isNumber() && v.decimalValue().compareTo(new BigDecimal(values.getFirst())) >= 0;
            case AT_MOST -> v.isNumber() && v.decimalValue().compareTo(new BigDecimal(values.getFirst())) <= 0;
        };
        return met ? null : attribute + " is " + v.asString() + ", not " + describe().substring(attribute.length() + 1);
    }
}
