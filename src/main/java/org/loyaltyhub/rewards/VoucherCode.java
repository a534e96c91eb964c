package org.loyaltyhub.rewards;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * A voucher's code: 15 random characters (75 bits, unguessable) of Crockford's base 32, which has no I, L, O or U to
 * confuse, and a Luhn mod 32 check character that catches any single mistyped character and most swapped pairs.
 * Shown in groups of four ({@code 7KQ2-M9XD-4TRB-HW3E}); typed in any case, with or without dashes and spaces, O read
 * as 0 and I or L as 1.
 */
public record VoucherCode(@com.fasterxml.jackson.annotation.JsonValue String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 16;
    private static final RandomGenerator RANDOM = new SecureRandom();

    public VoucherCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                || checkCharacter(value.substring(0, LENGTH - 1)) != value.charAt(LENGTH - 1)) {
            throw new MalformedVoucherCode();
        }
    }

    public static VoucherCode random() {
        return random(RANDOM);
    }

    static VoucherCode random(RandomGenerator random) {
        StringBuilder body = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new VoucherCode(body.append(checkCharacter(body)).toString());
    }

    /** Reads a code as a person or a scanner typed it; {@link MalformedVoucherCode} when it cannot be one. */
    public static VoucherCode parse(String typed) {
        if (typed == null || typed.length() > 64) {
            throw new MalformedVoucherCode();
        }
        StringBuilder s = new StringBuilder(LENGTH);
        for (char c : typed.strip().toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ' -> { }
                case 'O' -> s.append('0');
                case 'I', 'L' -> s.append('1');
                default -> s.append(c);
            }
        }
        return new VoucherCode(s.toString());
    }

    /** Luhn mod N over the alphabet: doubling every other value from the right, summing the base-32 digits. */
    static char checkCharacter(CharSequence body) {
        int n = ALPHABET.length();
        int sum = 0;
        boolean doubled = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int v = ALPHABET.indexOf(body.charAt(i));
            if (v < 0) {
                throw new MalformedVoucherCode();
            }
            if (doubled) {
                v *= 2;
                v = v / n + v % n;
            }
            sum += v;
            doubled = !doubled;
        }
        return ALPHABET.charAt((n - sum % n) % n);
    }

    /** In groups of four, as printed and shown. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8, 12) + "-"
                + value.substring(12);
    }

    @Override
    public String toString() {
        return value;
    }
}
