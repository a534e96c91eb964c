package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The attributes an event type carries, from the subset of JSON Schema campaigns support: an object whose
 * {@code properties} each have a {@code type} (string, integer, number, boolean) and optionally {@code enum},
 * {@code minimum}/{@code maximum} (numbers) or {@code minLength}/{@code maxLength} (strings), and a {@code required}
 * list. Anything else is refused by name when the schema is declared, so a schema that exists is one this class
 * applies whole. Attributes not declared are refused too: a typo never passes silently.
 */
public record AttributeSchema(Map<String, Property> properties, Set<String> required) {

    public static final int MAX_PROPERTIES = 50;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Set<String> TOP = Set.of("type", "properties", "required", "$schema", "title", "description",
            "additionalProperties");
    private static final Set<String> KEYWORDS = Set.of("type", "enum", "minimum", "maximum", "minLength", "maxLength",
            "title", "description");

    public AttributeSchema {
        properties = Map.copyOf(properties);
        required = Set.copyOf(required);
        for (String r : required) {
            if (!properties.containsKey(r)) {
                throw new InvalidInput("schema.required", "'" + r + "' is required but not among the properties");
            }
        }
    }

    /** What an attribute may hold. */
    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN
    }

    /** One attribute's rules; null bounds do not restrict. */
    public record Property(Type type, List<String> allowed, BigDecimal minimum, BigDecimal maximum, Integer minLength,
                           Integer maxLength) {
        public Property {
            allowed = allowed == null ? List.of() : List.copyOf(allowed);
            if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
                throw new InvalidInput("schema", "minimum " + minimum + " is above maximum " + maximum);
            }
            if (minLength != null && maxLength != null && minLength > maxLength) {
                throw new InvalidInput("schema", "minLength " + minLength + " is above maxLength " + maxLength);
            }
        }
    }

    /** A schema without properties: events of the type carry no attributes. */
    public static final AttributeSchema NONE = new AttributeSchema(Map.of(), Set.of());

    /** The schema as declared in JSON; a keyword or a type outside the supported subset is refused by name. */
    public static AttributeSchema parse(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            throw new InvalidInput("schema", "must be a JSON object like {\"type\":\"object\",\"properties\":{…}}");
        }
        for (String key : schema.propertyNames()) {
            if (!TOP.contains(key)) {
                throw unsupported("schema." + key, key, TOP);
            }
        }
        if (schema.has("type") && !"object".equals(schema.path("type").asString(""))) {
            throw new InvalidInput("schema.type", "must be \"object\"");
        }
        JsonNode props = schema.path("properties");
        Map<String, Property> out = new LinkedHashMap<>();
        if (!props.isMissingNode()) {
            if (!props.isObject()) {
                throw new InvalidInput("schema.properties", "must be an object of attribute schemas");
            }
            if (props.size() > MAX_PROPERTIES) {
                throw new InvalidInput("schema.properties", "at most " + MAX_PROPERTIES + " attributes");
            }
            for (String name : props.propertyNames()) {
                if (!NAME.matcher(name).matches()) {
                    throw new InvalidInput("schema.properties", "'" + name + "' is not an attribute name (letters, "
                            + "digits and _, starting with a letter, at most 40)");
                }
                out.put(name, property("schema.properties." + name, props.path(name)));
            }
        }
        Set<String> required = new LinkedHashSet<>();
        JsonNode req = schema.path("required");
        if (!req.isMissingNode()) {
            if (!req.isArray()) {
                throw new InvalidInput("schema.required", "must be a list of attribute names");
            }
            req.forEach(r -> required.add(r.asString("")));
        }
        return new AttributeSchema(out, required);
    }

    private static Property property(String path, JsonNode p) {
        if (!p.isObject()) {
            throw new InvalidInput(path, "must be an object with a type");
        }
        for (String key : p.propertyNames()) {
            if (!KEYWORDS.contains(key)) {
                throw unsupported(path + "." + key, key, KEYWORDS);
            }
        }
        Type type = switch (p.path("type").asString("")) {
            case "string" -> Type.STRING;
            case "integer" -> Type.INTEGER;
            case "number" -> Type.NUMBER;
            case "boolean" -> Type.BOOLEAN;
            default -> throw new InvalidInput(path + ".type", "must be string, integer, number or boolean");
        };
        List<String> allowed = new ArrayList<>();
        if (p.has("enum")) {
            if (!p.path("enum").isArray() || p.path("enum").isEmpty()) {
                throw new InvalidInput(path + ".enum", "must be a non-empty list of values");
            }
            p.path("enum").forEach(v -> allowed.add(v.asString()));
        }
        BigDecimal min = number(path + ".minimum", p.path("minimum"), type != Type.STRING && type != Type.BOOLEAN);
        BigDecimal max = number(path + ".maximum", p.path("maximum"), type != Type.STRING && type != Type.BOOLEAN);
        BigDecimal minLength = number(path + ".minLength", p.path("minLength"), type == Type.STRING);
        BigDecimal maxLength = number(path + ".maxLength", p.path("maxLength"), type == Type.STRING);
        return new Property(type, allowed, min, max, length(path + ".minLength", minLength),
                length(path + ".maxLength", maxLength));
    }

    private static BigDecimal number(String path, JsonNode n, boolean applies) {
        if (n.isMissingNode()) {
            return null;
        }
        if (!applies) {
            throw new InvalidInput(path, "does not apply to this type");
        }
        if (!n.isNumber()) {
            throw new InvalidInput(path, "must be a number");
        }
        return n.decimalValue();
    }

    private static Integer length(String path, BigDecimal n) {
        if (n == null) {
            return null;
        }
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new InvalidInput(path, "must be a whole number between 0 and 10000");
        }
        return n.intValue();
    }

    private static InvalidInput unsupported(String path, String key, Set<String> known) {
        return new InvalidInput(path, "'" + key + "' is not supported; campaigns support "
                + String.join(", ", known.stream().sorted().toList()));
    }

    /** The attributes, checked: each problem by attribute name; an empty map when they are valid. */
    public Map<String, String> problems(JsonNode attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        if (attributes != null && !attributes.isNull() && !attributes.isMissingNode() && !attributes.isObject()) {
            out.put("attributes", "must be an object");
            return out;
        }
        for (String r : required.stream().sorted().toList()) {
            if (attributes == null || !attributes.has(r) || attributes.path(r).isNull()) {
                out.put("attributes." + r, "is required");
            }
        }
        if (attributes == null || !attributes.isObject()) {
            return out;
        }
        for (String name : attributes.propertyNames()) {
            Property p = properties.get(name);
            if (p == null) {
                out.put("attributes." + name, "is not an attribute of this event type"
                        + (properties.isEmpty() ? "" : "; known: " + String.join(", ", properties.keySet().stream().sorted().toList())));
                continue;
            }
            String problem = problem(p, attributes.path(name));
            if (problem != null) {
                out.put("attributes." + name, problem);
            }
        }
        return out;
    }

    private static String problem(Property p, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        switch (p.type()) {
            case STRING -> {
                if (!v.isString()) {
                    return "must be a string";
                }
                int length = v.asString().codePointCount(0, v.asString().length());
                if (p.minLength() != null && length < p.minLength()) {
                    return "must be at least " + p.minLength() + " characters";
                }
                if (p.maxLength() != null && length > p.maxLength()) {
                    return "must be at most " + p.maxLength() + " characters";
                }
            }
            case INTEGER, NUMBER -> {
                if (!v.isNumber() || (p.type() == Type.INTEGER && !v.isIntegralNumber())) {
                    return p.type() == Type.INTEGER ? "must be a whole number" : "must be a number";
                }
                BigDecimal n = v.decimalValue();
                if (p.minimum() != null && n.compareTo(p.minimum()) < 0) {
                    return "must be at least " + p.minimum().toPlainString();
                }
                if (p.maximum() != null && n.compareTo(p.maximum()) > 0) {
                    return "must be at most " + p.maximum().toPlainString();
                }
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    return "must be true or false";
                }
            }
        }
        if (!p.allowed().isEmpty() && !p.allowed().contains(v.asString())) {
            return "must be one of " + String.join(", ", p.allowed());
        }
        return null;
    }
}
