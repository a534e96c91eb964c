package org.loyaltyhub.rewards;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoucherCodeTest {

    @Test
    void aNewCodeHasSixteenCharactersOfTheAlphabetAndAValidCheckCharacter() {
        VoucherCode code = VoucherCode.random();
        assertThat(code.value()).hasSize(16).matches("[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(VoucherCode.parse(code.value())).isEqualTo(code);
    }

    @Test
    void codesAreShownInGroupsOfFourAndReadBackAsTyped() {
        VoucherCode code = VoucherCode.random(new Random(7));
        assertThat(code.display()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(VoucherCode.parse(" " + code.display().toLowerCase() + " ")).isEqualTo(code);
        assertThat(VoucherCode.parse(code.display().replace('-', ' '))).isEqualTo(code);
    }

    @Test
    void lettersPeopleConfuseAreReadAsTheDigitsTheyLookLike() {
        String body = "0011ABCDEFGHJKM";
        VoucherCode code = new VoucherCode(body + VoucherCode.checkCharacter(body));
        assertThat(VoucherCode.parse("O0Il" + code.value().substring(4))).isEqualTo(code);
    }

    @Test
    void theCheckCharacterFollowsLuhnModThirtyTwo() {
        // body "000000000000001": the last 1 is doubled (2), so the check is 32 - 2 = 30 → 'Y'
        assertThat(VoucherCode.checkCharacter("000000000000001")).isEqualTo('Y');
        assertThat(VoucherCode.checkCharacter("000000000000000")).isEqualTo('0');
        // the second from the right is not doubled: 1 → check 31 → 'Z'
        assertThat(VoucherCode.checkCharacter("000000000000010")).isEqualTo('Z');
    }

    @Test
    void anySingleMistypedCharacterIsCaught() {
        VoucherCode code = VoucherCode.random(new Random(42));
        for (int i = 0; i < 16; i++) {
            for (char c : VoucherCode.ALPHABET.toCharArray()) {
                if (c == code.value().charAt(i)) {
                    continue;
                }
                String typo = code.value().substring(0, i) + c + code.value().substring(i + 1);
                assertThatThrownBy(() -> VoucherCode.parse(typo)).isInstanceOf(MalformedVoucherCode.class);
            }
        }
    }

    @Test
    void swappingTwoNeighbouringCharactersIsCaughtAlmostAlways() {
        Random random = new Random(1);
        int caught = 0;
        int swaps = 0;
        for (int n = 0; n < 200; n++) {
            String v = VoucherCode.random(random).value();
            for (int i = 0; i < 15; i++) {
                if (v.charAt(i) == v.charAt(i + 1)) {
                    continue;
                }
                String swapped = v.substring(0, i) + v.charAt(i + 1) + v.charAt(i) + v.substring(i + 2);
                swaps++;
                try {
                    VoucherCode.parse(swapped);
                } catch (MalformedVoucherCode e) {
                    caught++;
                }
            }
        }
        assertThat((double) caught / swaps).isGreaterThan(0.95);
    }

    @Test
    void textThatCannotBeACodeIsRefusedAsMalformed() {
        for (String bad : new String[]{null, "", "ABC", "U".repeat(16), "!".repeat(16), "A".repeat(100),
                "0000-0000-0000-0001"}) {
            assertThatThrownBy(() -> VoucherCode.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(MalformedVoucherCode.class);
        }
    }

    @Test
    void tenThousandCodesAreAllDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(VoucherCode.random().value());
        }
        assertThat(seen).hasSize(10_000);
    }
}
