package org.loyaltyhub.rewards;

/**
 * Code 128 (set B) barcodes drawn as SVG, for tills whose scanners read linear codes only. Each symbol is six
 * alternating bar and space widths (in modules); the check symbol is the start value plus each symbol's value times
 * its position, mod 103; a stop symbol and quiet zones of ten modules close the code.
 */
public final class Code128 {

    /** Widths of symbols 0..106 (106 is the stop, whose seventh width is its final bar). */
    private static final String[] PATTERNS = ("212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 "
            + "221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 "
            + "311222 321122 321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 "
            + "132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 "
            + "213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 121124 "
            + "121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 "
            + "111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 "
            + "131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112")
            .split(" ");
    private static final int START_B = 104;
    private static final int STOP = 106;
    private static final int QUIET = 10;

    private Code128() {
    }

    /** The code's modules, left to right: '1' a bar module, '0' a space module (quiet zones not included). */
    public static String modules(String text) {
        StringBuilder m = new StringBuilder();
        append(m, START_B);
        int check = START_B;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 32 || c > 126) {
                throw new IllegalArgumentException("Code 128 set B encodes printable ASCII only");
            }
            append(m, c - 32);
            check += (c - 32) * (i + 1);
        }
        append(m, check % 103);
        append(m, STOP);
        return m.toString();
    }

    /** An SVG of the code, one unit per module, {@code height} units tall, scaling to any width. */
    public static String svg(String text, int height) {
        String modules = modules(text);
        int width = modules.length() + 2 * QUIET;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < modules.length(); ) {
            if (modules.charAt(i) == '1') {
                int start = i;
                while (i < modules.length() && modules.charAt(i) == '1') {
                    i++;
                }
                path.append('M').append(start + QUIET).append(" 0h").append(i - start).append('v').append(height)
                        .append('h').append(start - i).append('z');
            } else {
                i++;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                + "fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    private static void append(StringBuilder m, int symbol) {
        boolean bar = true;
        for (char w : PATTERNS[symbol].toCharArray()) {
            m.append((bar ? "1" : "0").repeat(w - '0'));
            bar = !bar;
        }
    }
}
