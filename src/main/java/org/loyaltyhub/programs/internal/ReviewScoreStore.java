package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.ReviewRating;
import org.loyaltyhub.programs.ReviewScores;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/** Review scores in {@code member_review}, once per circuit and reference, in the caller's transaction. */
@Repository
class ReviewScoreStore implements ReviewScores {

    private final JdbcClient jdbc;

    ReviewScoreStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(long circuitId, long memberId, String reference, ReviewRating rating, Instant reviewedAt) {
        jdbc.sql("insert into member_review (circuit_id, member_id, reference, rating, reviewed_at) values (:c, :m, "
                        + ":ref, :r, :at) on conflict (circuit_id, reference) do nothing")
                .param("c", circuitId).param("m", memberId).param("ref", reference).param("r", rating.stars())
                .param("at", Timestamp.from(reviewedAt)).update();
    }
}
