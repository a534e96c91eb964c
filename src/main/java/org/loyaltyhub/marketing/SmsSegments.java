package org.loyaltyhub.marketing;

/**
 * How many SMS segments a text takes, which is what it costs in credits: one message of 160 GSM-7 characters (the
 * characters of {@code ^{}\[~]|€} and form feed count two) or 70 UCS-2 units; a longer text is sent concatenated,
 * 153 GSM-7 characters or 67 UCS-2 units a segment, never splitting a two-character sign or a surrogate pair.
 * Any character outside the GSM-7 alphabet makes the whole text UCS-2.
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

    public enum Encoding {
        GSM_7(160, 153), UCS_2(70, 67);

        private final int single;
        private final int concatenated;

        Encoding(int single, int concatenated) {
            this.single = single;
            this.concatenated = concatenated;
        }
    }

    public static final int MAX_SEGMENTS = 10;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENDED = "^{}\\[~]|€\f";

    public static SmsSegments of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an SMS has a text");
        }
        boolean gsm = text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENDED.indexOf(c) >= 0);
        return gsm ? count(Encoding.GSM_7, text.chars().map(c -> EXTENDED.indexOf(c) >= 0 ? 2 : 1).toArray())
                : count(Encoding.UCS_2, text.codePoints().map(Character::charCount).toArray());
    }

    /** Each sign's width in units; a sign never straddles two segments. */
    private static SmsSegments count(Encoding encoding, int[] widths) {
        int units = 0;
        for (int w : widths) {
            units += w;
        }
        if (units <= encoding.single) {
            return new SmsSegments(encoding, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int w : widths) {
            if (used + w > encoding.concatenated) {
                segments++;
                used = 0;
            }
            used += w;
        }
        return new SmsSegments(encoding, units, segments);
    }
}
