package org.loyaltyhub.programs;

import org.loyaltyhub.shared.InvalidInput;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * A gift card's number: 19 digits, {@code 9} then 17 random digits (about 56 bits: not guessable, and a PIN guards it
 * besides) and a Luhn check digit that catches a mistyped digit and most swapped pairs. Digits only, so a till's
 * numeric keypad or a barcode scanner types it; shown in groups of four, typed with or without spaces and dashes.
 */
public record GiftCardNumber(@com.fasterxml.jackson.annotation.JsonValue String value) {

    static final int LENGTH = 19;
    private static final RandomGenerator RANDOM = new SecureRandom();

    public GiftCardNumber {
        if (value == null || value.length() != LENGTH || value.charAt(0) != '9'
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')
                || checkDigit(value.substring(0, LENGTH - 1)) != value.charAt(LENGTH - 1)) {
            throw new InvalidInput("cardNumber", "is not a gift card number (19 digits starting with 9, check digit)");
        }
    }

    public static GiftCardNumber random() {
        return random(RANDOM);
    }

    static GiftCardNumber random(RandomGenerator random) {
        StringBuilder body = new StringBuilder("9");
        while (body.length() < LENGTH - 1) {
            body.append((char) ('0' + random.nextInt(10)));
        }
        return new GiftCardNumber(body.append(checkDigit(body)).toString());
    }

    /** Reads a number as typed or scanned; {@link InvalidInput} when it cannot be one. */
    public static GiftCardNumber parse(String typed) {
        if (typed == null || typed.length() > 40) {
            throw new InvalidInput("cardNumber", "is not a gift card number (19 digits starting with 9, check digit)");
        }
        return new GiftCardNumber(typed.replaceAll("[\\s-]", ""));
    }

    /** Luhn: doubling every other digit from the right of the body. */
    static char checkDigit(CharSequence body) {
        int sum = 0;
        boolean doubled = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
            doubled = !doubled;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** In groups of four, as printed. */
    public String display() {
        return value.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** The last four digits, all a list needs to tell cards apart without showing whole numbers around. */
    public String lastFour() {
        return value.substring(LENGTH - 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
