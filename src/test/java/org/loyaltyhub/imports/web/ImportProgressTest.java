package org.loyaltyhub.imports.web;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.imports.ImportJob;
import org.loyaltyhub.imports.ImportKind;
import org.loyaltyhub.imports.ImportStatus;
import org.loyaltyhub.imports.web.ImportController.ImportView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** An import's progress as the API and the page show it: rows per second since the start, and the time left at that rate. */
class ImportProgressTest {

    private static final Instant STARTED = Instant.parse("2026-03-02T09:00:00Z");

    private static ImportJob job(ImportStatus status, int total, int done, Instant started, Instant finished) {
        return new ImportJob(1, 1, "soci.csv", "hash", "Smile", null, null, status, total, done, done, 0, 0,
                STARTED.minusSeconds(5), started, finished, ImportKind.MEMBERS, false);
    }

    private static ImportView at(ImportJob job, Duration sinceStart) {
        return ImportView.of(job, Clock.fixed(STARTED.plus(sinceStart), ZoneOffset.UTC));
    }

    @Test
    void aRunningImportShowsItsRateAndTheSecondsLeftAtThatRate() {
        ImportView view = at(job(ImportStatus.RUNNING, 1000, 400, STARTED, null), Duration.ofSeconds(10));
        assertThat(view.percent()).isEqualTo(40);
        assertThat(view.rowsPerSecond()).isEqualTo(40);
        assertThat(view.secondsLeft()).isEqualTo(15);
    }

    @Test
    void theSecondsLeftAreRoundedUpSoTheLastRowsNeverShowZero() {
        ImportView view = at(job(ImportStatus.RUNNING, 1000, 990, STARTED, null), Duration.ofSeconds(33));
        assertThat(view.rowsPerSecond()).isEqualTo(30);
        assertThat(view.secondsLeft()).isEqualTo(1);
    }

    @Test
    void beforeItsFirstRowsTheRateAndTimeLeftAreUnknown() {
        assertThat(at(job(ImportStatus.QUEUED, 1000, 0, null, null), Duration.ofSeconds(3)))
                .extracting(ImportView::percent, ImportView::rowsPerSecond, ImportView::secondsLeft)
                .containsExactly(0, 0L, null);
        assertThat(at(job(ImportStatus.RUNNING, 1000, 0, STARTED, null), Duration.ofSeconds(3)).secondsLeft()).isNull();
    }

    @Test
    void aFinishedImportKeepsTheRateItRanAtAndHasNothingLeft() {
        ImportView view = at(job(ImportStatus.DONE, 1000, 1000, STARTED, STARTED.plusSeconds(4)), Duration.ofHours(2));
        assertThat(view.percent()).isEqualTo(100);
        assertThat(view.rowsPerSecond()).as("measured to its end, not to now").isEqualTo(250);
        assertThat(view.secondsLeft()).isZero();
    }
}
