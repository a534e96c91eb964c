package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.PrepaidSettings;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure rules of gift cards and prepaid sales: the PIN guard, what a sale and the settings may be. */
class GiftCardRulesTest {

    @Test
    void fiveWrongPinsInARowLockForFifteenMinutesAndARightOneStartsAgain() {
        Instant now = Instant.parse("2026-05-01T10:00:00Z");
        PinAttempts a = new PinAttempts(0, null);
        for (int i = 0; i < 4; i++) {
            a = a.wrong(now);
            assertThat(a.locked(now)).isEmpty();
        }
        assertThat(a.left()).isEqualTo(1);
        assertThat(a.right().left()).isEqualTo(5);
        PinAttempts locked = a.wrong(now);
        assertThat(locked.locked(now)).contains(Duration.ofMinutes(15));
        assertThat(locked.locked(now.plus(Duration.ofMinutes(15)))).isEmpty();
        assertThat(locked.left()).as("after the lock, five more tries").isEqualTo(5);
    }

    @Test
    void aSaleMustLieInTheCircuitsRangeInWholeCentsWithABonusUpToWhatWasPaid() {
        PrepaidSettings s = new PrepaidSettings(true, null, new BigDecimal("5"), new BigDecimal("500"),
                List.of(new BigDecimal("50")), PrepaidSettings.AcceptedAt.ALL, List.of());
        s.checkSale(Money.of("50.00", "EUR"), Money.of("5.00", "EUR"));
        assertThatThrownBy(() -> s.checkSale(Money.of("4.99", "EUR"), Money.of("0", "EUR")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> s.checkSale(Money.of("10.001", "EUR"), Money.of("0", "EUR")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> s.checkSale(Money.of("10.00", "EUR"), Money.of("10.01", "EUR")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> s.checkSale(Money.of("10.00", "EUR"), Money.of("-1", "EUR")))
                .isInstanceOf(InvalidInput.class);
        PrepaidSettings off = PrepaidSettings.defaults();
        assertThatThrownBy(() -> off.checkSale(Money.of("10.00", "EUR"), Money.of("0", "EUR")))
                .isInstanceOf(LoyaltyException.class).hasMessageContaining("not sold");
    }

    @Test
    void settingsRefuseAnExpiryUnderTwelveMonthsAndFixedAmountsOutsideTheRange() {
        assertThatThrownBy(() -> new PrepaidSettings(true, 6, BigDecimal.ONE, BigDecimal.TEN, List.of(),
                PrepaidSettings.AcceptedAt.ALL, List.of())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new PrepaidSettings(true, null, BigDecimal.ONE, BigDecimal.TEN,
                List.of(new BigDecimal("20")), PrepaidSettings.AcceptedAt.ALL, List.of())).isInstanceOf(InvalidInput.class);
        PrepaidSettings listed = new PrepaidSettings(true, 24, BigDecimal.ONE, BigDecimal.TEN, List.of(),
                PrepaidSettings.AcceptedAt.LISTED, List.of(3L));
        assertThat(listed.accepts(3)).isTrue();
        assertThat(listed.accepts(4)).isFalse();
        assertThat(listed.expiresAt(Instant.parse("2026-01-31T00:00:00Z"))).isEqualTo(Instant.parse("2028-01-31T00:00:00Z"));
    }
}
