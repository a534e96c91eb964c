package org.loyaltyhub.rewards;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Code128Test {

    private static final String START_B = "11010010000";
    private static final String STOP = "1100011101011";

    @Test
    void aCodeStartsWithStartBAndEndsWithTheStopPattern() {
        String m = Code128.modules("A");
        assertThat(m).startsWith(START_B).endsWith(STOP);
        // start B (11 modules), 'A' (11), check (11), stop (13)
        assertThat(m).hasSize(46);
    }

    @Test
    void symbolsAndTheCheckSymbolFollowTheStandardTable() {
        // "A" is value 33: 10100011000; the check is (104 + 33 × 1) mod 103 = 34: 10001011000
        assertThat(Code128.modules("A")).isEqualTo(START_B + "10100011000" + "10001011000" + STOP);
        // "PJJ123C": check value (104 + 48 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7) mod 103 = 55, widths 311321
        String m = Code128.modules("PJJ123C");
        assertThat(m.substring(m.length() - 13 - 11, m.length() - 13)).isEqualTo("11101000110");
    }

    @Test
    void itDrawsTheSameBarsAsAnIndependentEncoderForVoucherCodes() {
        for (int i = 0; i < 50; i++) {
            String text = VoucherCode.random().value();
            // zxing picks set B for letters and digits mixed; a code of only digits it would encode in set C
            if (text.chars().allMatch(Character::isDigit)) {
                continue;
            }
            BitMatrix zxing = new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 1,
                    Map.of(com.google.zxing.EncodeHintType.MARGIN, 0, com.google.zxing.EncodeHintType.FORCE_CODE_SET, "B"));
            StringBuilder expected = new StringBuilder();
            for (int x = 0; x < zxing.getWidth(); x++) {
                expected.append(zxing.get(x, 0) ? '1' : '0');
            }
            assertThat(Code128.modules(text)).as(text).isEqualTo(expected.toString());
        }
    }

    @Test
    void theSvgHasOneBarPerRunOfDarkModulesAndQuietZones() {
        String svg = Code128.svg("A", 50);
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 66 50\"");
        long bars = svg.chars().filter(c -> c == 'M').count();
        assertThat(bars).isEqualTo(Code128.modules("A").split("0+").length);
    }

    @Test
    void charactersOutsidePrintableAsciiAreRefused() {
        assertThatThrownBy(() -> Code128.modules("é")).isInstanceOf(IllegalArgumentException.class);
    }
}
