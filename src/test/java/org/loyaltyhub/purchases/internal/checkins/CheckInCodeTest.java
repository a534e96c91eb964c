package org.loyaltyhub.purchases.internal.checkins;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.purchases.CheckInRefusal;
import org.loyaltyhub.purchases.CheckInRefused;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckInCodeTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER = new byte[32];
    private static final Instant NOW = Instant.parse("2026-11-30T10:05:00Z");

    static {
        Arrays.fill(OTHER, (byte) 1);
    }

    @Test
    void aCodeIsGoodInItsTenMinutesAndTheNextTenOnly() {
        String code = CheckInCode.at(KEY, 12, NOW).toString();
        assertThat(code).matches("12-[0-9a-f]{12}");
        assertThat(CheckInCode.read(code).currentFor(KEY, NOW)).isTrue();
        assertThat(CheckInCode.read(code).currentFor(KEY, NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(CheckInCode.read(code).currentFor(KEY, NOW.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(CheckInCode.read(code).currentFor(KEY, NOW.minus(Duration.ofMinutes(10)))).as("not yet shown").isFalse();
    }

    @Test
    void aCodeChangesEveryTenMinutesAndWithTheStoreOrItsKey() {
        String code = CheckInCode.at(KEY, 12, NOW).toString();
        assertThat(CheckInCode.at(KEY, 12, NOW.plus(Duration.ofMinutes(10))).toString()).isNotEqualTo(code);
        assertThat(CheckInCode.at(KEY, 13, NOW).mac()).isNotEqualTo(CheckInCode.read(code).mac());
        assertThat(CheckInCode.read(code).currentFor(OTHER, NOW)).isFalse();
    }

    @Test
    void whatIsNotACheckInCodeIsRefused() {
        for (String text : new String[]{null, "", "12", "12-xyz", "0-abcdefabcdef", "12-abcdefabcdef0"}) {
            assertThatThrownBy(() -> CheckInCode.read(text)).isInstanceOfSatisfying(CheckInRefused.class,
                    e -> assertThat(e.reason()).isEqualTo(CheckInRefusal.MALFORMED_CODE));
        }
    }
}
