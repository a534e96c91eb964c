package org.loyaltyhub.programs;

import java.time.Instant;

/**
 * The review scores a member gave, stored only when verifiable: by a {@code review} campaign event with a rating, or
 * by a shop's approved review that carries one. Once per {@code reference} (a replay records nothing).
 */
public interface ReviewScores {

    void record(long circuitId, long memberId, String reference, ReviewRating rating, Instant reviewedAt);
}
