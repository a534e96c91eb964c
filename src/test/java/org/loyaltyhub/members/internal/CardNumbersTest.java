package org.loyaltyhub.members.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CardNumbersTest {

    @Test
    void newCardNumbersCarryAValidLuhnCheckDigit() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String n = CardNumbers.next();
            assertThat(n).hasSize(13).startsWith("2");
            assertThat(CardNumbers.valid(n)).isTrue();
            seen.add(n);
        }
        assertThat(seen).hasSizeGreaterThan(990);
    }

    @Test
    void aSingleMistypedDigitOrASwapOfNeighboursIsCaught() {
        assertThat(CardNumbers.valid("79927398713")).as("the classic Luhn example").isTrue();
        assertThat(CardNumbers.valid("79927398710")).isFalse();
        assertThat(CardNumbers.valid("79927389713")).isFalse();
        assertThat(CardNumbers.valid("abc")).isFalse();
        assertThat(CardNumbers.valid(null)).isFalse();
    }

    @Test
    void qrPayloadsAreLongAndUnguessable() {
        assertThat(CardNumbers.qrPayload()).matches("LH1-[A-Z2-9]{24}").isNotEqualTo(CardNumbers.qrPayload());
    }
}
