package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GiftCardNumberTest {

    @Test
    void aCardNumberIsNineteenDigitsWithACheckDigitThatCatchesAnyMistypedDigit() {
        GiftCardNumber n = GiftCardNumber.random(new SplittableRandom(7));
        assertThat(n.value()).hasSize(19).startsWith("9").containsOnlyDigits();
        assertThat(GiftCardNumber.parse(n.display())).isEqualTo(n);
        assertThat(n.display()).matches("(\\d{4} ){4}\\d{3}");
        for (int i = 0; i < 19; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != n.value().charAt(i)) {
                    String typo = n.value().substring(0, i) + d + n.value().substring(i + 1);
                    assertThatThrownBy(() -> GiftCardNumber.parse(typo)).isInstanceOf(InvalidInput.class);
                }
            }
        }
        assertThatThrownBy(() -> GiftCardNumber.parse("not a number")).isInstanceOf(InvalidInput.class);
    }
}
