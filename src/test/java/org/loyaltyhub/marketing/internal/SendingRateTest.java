package org.loyaltyhub.marketing.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendingRateTest {

    @Test
    void whatWasSentInTheLastMinuteIsTakenFromTheRate() {
        SendingRate rate = new SendingRate(600);
        assertThat(rate.allowance(0)).isEqualTo(600);
        assertThat(rate.allowance(450)).isEqualTo(150);
        assertThat(rate.allowance(600)).isZero();
        assertThat(rate.allowance(900)).as("never negative").isZero();
    }

    @Test
    void aRateIsAtLeastOneAMinute() {
        assertThatThrownBy(() -> new SendingRate(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
