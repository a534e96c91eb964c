package org.loyaltyhub.shared;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TheTestClockMovesTheApplicationsClockTest extends IntegrationTest {

    @Autowired
    Clock applicationClock;

    @Test
    void servicesThatInjectTheClockSeeTimeMovedByATest() {
        Instant before = applicationClock.instant();
        clock.advance(Duration.ofDays(400));
        assertThat(Duration.between(before, applicationClock.instant())).isGreaterThanOrEqualTo(Duration.ofDays(400));
    }

    @Test
    void aClockSetToAnInstantReadsThatInstantAndKeepsRunning() {
        Instant newYear = Instant.parse("2030-01-01T00:00:00Z");
        clock.set(newYear);
        assertThat(applicationClock.instant()).isBetween(newYear, newYear.plusSeconds(60));
    }
}
