package org.loyaltyhub.integrations.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reading the shops' JSON leniently: numbers may come as strings, absent and null fields read as null. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static JsonNode parse(byte[] body) {
        return MAPPER.readTree(body);
    }

    /** The field's text; a body without it cannot be processed, now or later. */
    public static String require(JsonNode body, String field) {
        String v = text(body, field);
        if (v == null) {
            throw new IllegalArgumentException("the payload has no " + field);
        }
        return v;
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        String s = v.isValueNode() ? v.asString() : null;
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Amounts and quantities beyond this (a thousand billion) are not a shop's: the body is refused for good. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    /** More decimals than this (after trailing zeros) are not a price. */
    public static final int MAX_DECIMALS = 6;

    /** A money amount or quantity; a value no shop can mean (NaN, 1e30, 1e-30) makes the delivery unusable. */
    public static BigDecimal money(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(s.length() > 60 ? "x" : s);
        } catch (NumberFormatException e) {
            throw new UnusableDelivery(field + " is not a number: " + cut(s));
        }
        if (v.abs().compareTo(MAX_AMOUNT) >= 0) {
            throw new UnusableDelivery(field + " is impossibly large: " + cut(s));
        }
        if (v.signum() != 0 && v.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new UnusableDelivery(field + " has more than " + MAX_DECIMALS + " decimals: " + cut(s));
        }
        return v;
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public static boolean flag(JsonNode node, String field) {
        String s = text(node, field);
        return s != null && (s.equals("true") || s.equals("1"));
    }

    public static Boolean optionalFlag(JsonNode node, String field) {
        String s = text(node, field);
        return s == null ? null : s.equals("true") || s.equals("1");
    }

    /** An instant in ISO form, with an offset or (WooCommerce's *_gmt fields) without one, meaning UTC. */
    public static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException withoutOffset) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    public static LocalDate date(JsonNode node, String field) {
        String s = text(node, field);
        try {
            return s == null || s.startsWith("0000") ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static List<JsonNode> array(JsonNode node, String field) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = node.path(field);
        if (v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }
}
