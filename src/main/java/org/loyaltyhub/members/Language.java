package org.loyaltyhub.members;

import java.util.Locale;

/** The languages a member reads (messages, the customer area) and messages are written in: Italian or English. */
public enum Language {
    IT, EN;

    public Locale locale() {
        return this == IT ? Locale.ITALIAN : Locale.ENGLISH;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of a page's locale (the browser's, or the one the visitor chose): Italian or else English. */
    public static Language of(Locale locale) {
        return locale != null && "it".equals(locale.getLanguage()) ? IT : EN;
    }

    /** A member's language as far as the circuit tells: Italian in Italy, San Marino and the Vatican, else English. */
    public static Language ofCountry(String country) {
        return org.loyaltyhub.tenancy.Circuit.readsItalian(country) ? IT : EN;
    }

    /** The language of a code such as "it" or "en"; null when it is neither. */
    public static Language read(String code) {
        for (Language l : values()) {
            if (l.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return l;
            }
        }
        return null;
    }
}
