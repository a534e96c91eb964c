package org.loyaltyhub.shared;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A phone number in E.164 form ({@code +393331234524}), read from what a customer dictates with the circuit's
 * default country: "333 123 4524" in Italy and "+39 333 123 4524" are the same number. Italy, San Marino and the
 * Vatican keep the leading 0 of landlines; elsewhere a national 0 (a trunk prefix) is dropped.
 */
public record PhoneNumber(String e164) {

    /** Country calling codes of the countries a circuit may choose as its default. */
    private static final Map<String, String> CALLING_CODES = Map.ofEntries(
            Map.entry("IT", "39"), Map.entry("SM", "378"), Map.entry("VA", "39"), Map.entry("CH", "41"),
            Map.entry("FR", "33"), Map.entry("DE", "49"), Map.entry("AT", "43"), Map.entry("ES", "34"),
            Map.entry("PT", "351"), Map.entry("GB", "44"), Map.entry("IE", "353"), Map.entry("NL", "31"),
            Map.entry("BE", "32"), Map.entry("LU", "352"), Map.entry("SI", "386"), Map.entry("HR", "385"),
            Map.entry("GR", "30"), Map.entry("MT", "356"), Map.entry("PL", "48"), Map.entry("RO", "40"),
            Map.entry("US", "1"), Map.entry("CA", "1"));

    /** Countries whose national numbers keep their leading 0 after the country code. */
    private static final java.util.Set<String> KEEP_LEADING_ZERO = java.util.Set.of("IT", "SM", "VA");

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new InvalidInput("phone", "is not a phone number");
        }
    }

    /** The countries a circuit may choose as its default, as ISO 3166 codes in alphabetical order. */
    public static java.util.List<String> countries() {
        return CALLING_CODES.keySet().stream().sorted().toList();
    }

    public static boolean knownCountry(String country) {
        return country != null && CALLING_CODES.containsKey(country.toUpperCase(Locale.ROOT));
    }

    /** Reads a typed number; a national one belongs to {@code defaultCountry}. Anything else is refused. */
    public static PhoneNumber parse(String typed, String defaultCountry) {
        return read(typed, defaultCountry).orElseThrow(() -> new InvalidInput("phone", "is not a phone number"));
    }

    /** The number, if the text is one (a search box holds names and e-mails too). */
    public static Optional<PhoneNumber> read(String typed, String defaultCountry) {
        if (typed == null || !typed.strip().matches("\\+?[0-9 ().\\-/]{6,30}")) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[^0-9+]", "");
        String international;
        if (digits.startsWith("+")) {
            international = digits.substring(1);
        } else if (digits.startsWith("00")) {
            international = digits.substring(2);
        } else {
            String country = defaultCountry == null ? "IT" : defaultCountry.toUpperCase(Locale.ROOT);
            String code = CALLING_CODES.getOrDefault(country, "39");
            String national = !KEEP_LEADING_ZERO.contains(country) && digits.startsWith("0") ? digits.substring(1)
                    : digits;
            if (code.equals("1") && national.length() == 11 && national.startsWith("1")) {
                national = national.substring(1);
            }
            international = code + national;
        }
        String e164 = "+" + international;
        return e164.matches("\\+[1-9][0-9]{6,14}") ? Optional.of(new PhoneNumber(e164)) : Optional.empty();
    }

    @Override
    public String toString() {
        return e164;
    }
}
