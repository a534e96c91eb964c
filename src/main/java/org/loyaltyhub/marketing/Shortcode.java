package org.loyaltyhub.marketing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The values a message's subject and body may name in braces, such as {@code {first_name}}. */
public enum Shortcode {
    FIRST_NAME("Maria"), LAST_NAME("Rossi"), POINTS("120"), BALANCE("1,540"), POINTS_VALUE("15.40 EUR"),
    THRESHOLD("1,500"), EXPIRY_DATE("31/12/2026"), CARD_NUMBER("2000000000017"), CIRCUIT_NAME("Circuito Demo"),
    STORE_NAME("Negozio Centro"), TIER("Gold"), BADGE("Silver"), VOUCHER_CODE("ABCD-EFGH-JKLM"),
    CUSTOMER_AREA_URL("https://example.org/c/1/my"), BOOKING_NAME("Tavolo in veranda"),
    BOOKING_DATE("mercoledì 2 dicembre 2026"), BOOKING_TIME("20:30"),
    BOOKING_PLACE("Negozio Centro, Via Roma 1, Milano"), BOOKING_SEATS("2"), REASON("The receipt is not legible");

    private final String sample;

    Shortcode(String sample) {
        this.sample = sample;
    }

    /** How a template names it: {@code {first_name}}. */
    public String token() {
        return "{" + name().toLowerCase(java.util.Locale.ROOT) + "}";
    }

    /** The value a preview shows for a sample member. */
    public String sample() {
        return sample;
    }

    public static Optional<Shortcode> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().toLowerCase(java.util.Locale.ROOT).equals(name)).findFirst();
    }

    /** Every token, in order, as error messages list them. */
    public static List<String> tokens() {
        return Arrays.stream(values()).map(Shortcode::token).toList();
    }
}
