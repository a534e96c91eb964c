package org.loyaltyhub.shared;

/**
 * An e-mail address or phone number as the log may show it: enough to tell two apart when reading an incident, not
 * enough to write to the person ({@code a***@d***.it}, {@code +39***567}).
 */
public final class Masked {

    private Masked() {
    }

    /** The first letter of the local part and of the domain, and the top-level domain: {@code a***@d***.it}. */
    public static String email(String address) {
        if (address == null || address.isBlank()) {
            return "(none)";
        }
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            return first(a) + "***";
        }
        String domain = a.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String tld = dot > 0 && dot < domain.length() - 1 ? domain.substring(dot) : "";
        return first(a) + "***@" + first(domain) + "***" + tld;
    }

    /** The country code's first digits and the last three: {@code +39***567}. */
    public static String phone(String number) {
        if (number == null || number.isBlank()) {
            return "(none)";
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "***";
        }
        return (number.strip().startsWith("+") ? "+" : "") + digits.substring(0, 2) + "***"
                + digits.substring(digits.length() - 3);
    }

    private static String first(String s) {
        return s.substring(0, s.offsetByCodePoints(0, 1));
    }
}
