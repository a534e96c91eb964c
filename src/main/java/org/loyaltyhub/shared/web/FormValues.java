package org.loyaltyhub.shared.web;

import java.math.BigDecimal;
import java.util.Map;

/** Reads the values of a submitted page form: blank is absent, a number that does not parse is absent too. */
public record FormValues(Map<String, String> form) {

    public String text(String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long number(String field) {
        String value = text(field);
        return value != null && value.matches("[0-9]{1,18}") ? Long.valueOf(value) : null;
    }

    /** A decimal typed with a dot or a comma ("45.46" or "45,46"); null when blank or not a number. */
    public BigDecimal decimal(String field) {
        String value = text(field);
        if (value == null || !value.matches("-?[0-9]{1,12}([.,][0-9]{1,8})?")) {
            return null;
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    public boolean checked(String field) {
        return "on".equals(form.get(field)) || "true".equals(form.get(field));
    }

    public boolean blank(String field) {
        return text(field) == null;
    }
}
