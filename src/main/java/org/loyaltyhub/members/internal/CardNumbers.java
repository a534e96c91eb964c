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

    public static String next() {
        StringBuilder digits = new StringBuilder("2");
        for (int i = 0; i < 11; i++) {
            digits.append(RANDOM.nextInt(10));
        }
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
        StringBuilder s = new StringBuilder("LH1-");
        for (int i = 0; i < 24; i++) {
            s.append(QR_ALPHABET[RANDOM.nextInt(QR_ALPHABET.length)]);
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
