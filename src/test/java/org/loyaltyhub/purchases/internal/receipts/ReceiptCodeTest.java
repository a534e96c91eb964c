package org.loyaltyhub.purchases.internal.receipts;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.purchases.ReceiptRefusal;
import org.loyaltyhub.purchases.ReceiptRefused;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptCodeTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(OTHER_KEY, (byte) 8);
    }

    private final ReceiptCode code = new ReceiptCode(12, 2550, Instant.parse("2026-11-30T10:15:42Z"), 4_000_000_123L);

    @Test
    void aCodeIsThirtySixBase32LettersInGroupsOfFourAndReadsBackToTheSameReceipt() {
        String signed = code.signed(KEY);
        assertThat(signed).matches("([A-Z2-7]{4}-){8}[A-Z2-7]{4}");
        ReceiptCode.Read read = ReceiptCode.read(signed);
        assertThat(read.code()).isEqualTo(new ReceiptCode(12, 2550, Instant.parse("2026-11-30T10:15:00Z"), 4_000_000_123L));
        assertThat(read.signedWith(KEY)).isTrue();
    }

    @Test
    void theSameReceiptAlwaysGetsTheSameCode() {
        assertThat(code.signed(KEY)).isEqualTo(new ReceiptCode(12, 2550, Instant.parse("2026-11-30T10:15:00Z"),
                4_000_000_123L).signed(KEY));
    }

    @Test
    void typingIsForgivenCaseSpacesDashesAndDigitsThatLookLikeLetters() {
        String signed = code.signed(KEY);
        String typed = signed.toLowerCase().replace("-", " ").replace('o', '0').replace('i', '1').replace('b', '8');
        assertThat(ReceiptCode.read(typed).signedWith(KEY)).isTrue();
    }

    @Test
    void anotherStoresKeyOrAChangedAmountDoesNotVerify() {
        String signed = code.signed(KEY);
        assertThat(ReceiptCode.read(signed).signedWith(OTHER_KEY)).isFalse();
        String bigger = new ReceiptCode(12, 9550, code.issuedAt(), code.receiptNumber()).signed(OTHER_KEY);
        String forged = bigger.substring(0, 27) + signed.substring(27); // the new amount with the old signature
        assertThat(ReceiptCode.read(forged).signedWith(KEY)).isFalse();
    }

    @Test
    void whatIsNotAReceiptCodeIsRefusedAsMalformed() {
        for (String text : new String[]{null, "", "ABCD", code.signed(KEY) + "A", "!".repeat(36)}) {
            assertThatThrownBy(() -> ReceiptCode.read(text)).isInstanceOfSatisfying(ReceiptRefused.class,
                    e -> assertThat(e.reason()).isEqualTo(ReceiptRefusal.MALFORMED));
        }
    }

    @Test
    void base32MatchesRfc4648() {
        assertThat(ReceiptCode.base32("foobar".getBytes())).isEqualTo("MZXW6YTBOI");
        assertThat(new String(ReceiptCode.unbase32("MZXW6YTBOI"))).isEqualTo("foobar");
    }
}
