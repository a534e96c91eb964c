package org.loyaltyhub.purchases.internal.receipts;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.purchases.ReceiptRefusal;
import org.loyaltyhub.purchases.ReceiptSettings;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Money NONE = Money.of("0", "EUR");
    private final ReceiptPolicy policy = new ReceiptPolicy(new ReceiptSettings(true, 7, new BigDecimal("100"),
            new BigDecimal("60")));

    private ReceiptPolicy.Decision decide(String amount, Instant at, Money today) {
        return policy.decide(Money.of(amount, "EUR"), at, NOW, today);
    }

    @Test
    void aRecentReceiptWithinTheLimitsIsRecorded() {
        assertThat(decide("25.00", NOW.minus(Duration.ofDays(6)), NONE)).isInstanceOf(ReceiptPolicy.Record.class);
    }

    @Test
    void aReceiptOlderThanTheCircuitsDaysIsRefused() {
        assertThat(decide("25.00", NOW.minus(Duration.ofDays(7)).minusSeconds(60), NONE))
                .isEqualTo(new ReceiptPolicy.Refuse(ReceiptRefusal.TOO_OLD));
    }

    @Test
    void aReceiptFromTheFutureIsRefusedPastFiveMinutesOfClockSkew() {
        assertThat(decide("25.00", NOW.plusSeconds(240), NONE)).isInstanceOf(ReceiptPolicy.Record.class);
        assertThat(decide("25.00", NOW.plusSeconds(600), NONE))
                .isEqualTo(new ReceiptPolicy.Refuse(ReceiptRefusal.IN_THE_FUTURE));
    }

    @Test
    void theDailyAmountCountsWhatTheMemberClaimedToday() {
        assertThat(decide("40.00", NOW, Money.of("60", "EUR"))).isInstanceOf(ReceiptPolicy.Record.class);
        assertThat(decide("40.01", NOW, Money.of("60", "EUR")))
                .isEqualTo(new ReceiptPolicy.Refuse(ReceiptRefusal.DAILY_LIMIT));
    }

    @Test
    void aReceiptAboveTheReviewAmountWaitsForAnOperator() {
        assertThat(decide("60.00", NOW, NONE)).isInstanceOf(ReceiptPolicy.Record.class);
        assertThat(decide("60.01", NOW, NONE)).isInstanceOf(ReceiptPolicy.Review.class);
    }

    @Test
    void nothingIsTakenWhileTheCircuitDoesNotAcceptReceipts() {
        ReceiptPolicy off = new ReceiptPolicy(new ReceiptSettings(false, 7, new BigDecimal("100"), null));
        assertThat(off.decide(Money.of("1", "EUR"), NOW, NOW, NONE))
                .isEqualTo(new ReceiptPolicy.Refuse(ReceiptRefusal.NOT_ACCEPTED));
    }
}
