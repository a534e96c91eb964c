package org.loyaltyhub.members.internal;

import java.security.SecureRandom;

/**
 * Card numbers: 13 digits starting with 2 (the range kept for internal use in retail), the last one a Luhn check
 * digit so a mistyped number at the counter is caught before any lookup.
 */
public final class CardNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] QR_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private CardNumbers() {
    }

    /** One draw for the eleven random digits (a draw from SecureRandom costs microseconds; an import makes many). */
    public static String next() {
        String random = Long.toString(RANDOM.nextLong(100_000_000_000L));
        StringBuilder digits = new StringBuilder(13).append('2').repeat('0', 11 - random.length()).append(random);
        return digits.append(checkDigit(digits)).toString();
    }

    public static boolean valid(String number) {
        if (number == null || !number.matches("\\d{8,19}")) {
            return false;
        }
        return checkDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
    }

    /** An unguessable payload for the card's QR code (a card number alone could be made up). */
    public static String qrPayload() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random); // one draw; 32 letters, so the low five bits of a byte pick one without bias
        StringBuilder s = new StringBuilder("LH1-");
        for (byte b : random) {
            s.append(QR_ALPHABET[b & (QR_ALPHABET.length - 1)]);
        }
        return s.toString();
    }

    static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean dbl = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }
}
