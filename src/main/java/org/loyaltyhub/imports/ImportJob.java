package org.loyaltyhub.imports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An import's real run: its file (by name and SHA-256), what it holds, settings, status and progress. {@code done}
 * rows are written or refused; {@code imported} of them became members (or purchases), {@code refused} are in the
 * report; {@code earnPoints}: past purchases earn points.
 */
public record ImportJob(long id, long circuitId, String fileName, String fileHash, String source, Long companyId,
                        LocalDate pointsExpireOn, ImportStatus status, int total, int done, int imported,
                        int refused, long points, Instant createdAt, Instant startedAt, Instant finishedAt,
                        ImportKind kind, boolean earnPoints) {

    /** Percent of the rows done, 0 to 100. */
    public int percent() {
        return total == 0 ? 100 : (int) (100L * done / total);
    }

    /** Rows per second since the run started (0 before it has done any). */
    public long rate(Instant now) {
        if (startedAt == null || done == 0) {
            return 0;
        }
        long millis = Math.max(1, Duration.between(startedAt, finishedAt != null ? finishedAt : now).toMillis());
        return done * 1000L / millis;
    }

    /** Time left at the current rate; null while unknown (not started) and zero when finished. */
    public Duration timeLeft(Instant now) {
        if (status == ImportStatus.DONE) {
            return Duration.ZERO;
        }
        long rate = rate(now);
        return rate == 0 ? null : Duration.ofSeconds((total - done + rate - 1) / rate);
    }
}
