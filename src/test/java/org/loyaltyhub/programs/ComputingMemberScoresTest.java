package org.loyaltyhub.programs;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.ScoreJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly job computes each member's score (points earned in 12 months) and loyalty score (recency 40,
 * frequency 35, tenure 25) as of the day it runs for: here days and months after the members' activity.
 */
class ComputingMemberScoresTest extends IntegrationTest {

    @Autowired
    ScoreJobs scores;

    @Test
    void theNightlyJobComputesTheDocumentedFiguresAsTimeGoesBy() {
        Instant now = Instant.now();
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Bar");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long buyer = w.enrol(till, "buyer").path("id").asLong();
        long idle = w.enrol(till, "idle").path("id").asLong();
        assertThat(w.purchase(till, "S-1", buyer, "80.00", "COMPLETED").status()).isEqualTo(201);
        assertThat(w.asAdmin().post("/api/v1/members/" + buyer + "/adjustments",
                Map.of("direction", "CREDIT", "points", 20, "note", "welcome")).status()).isEqualTo(201);
        assertThat(scoresOf(w, buyer).path("computedOn").isNull()).as("not computed before the first night").isTrue();
        // the figures count whole days (UTC): a setup that ran across midnight would be a day off
        Assumptions.assumeTrue(LocalDate.ofInstant(now, ZoneOffset.UTC).equals(LocalDate.now(ZoneOffset.UTC)));

        assertThat(scores.runAt(now.plus(Duration.ofDays(40)))).isPositive();
        JsonNode soon = scoresOf(w, buyer);
        assertThat(soon.path("score").asLong()).as("80 earned + 20 credited").isEqualTo(100);
        assertThat(soon.path("daysSinceLastPurchase").asInt()).isEqualTo(40);
        assertThat(soon.path("purchasesIn12Months").asInt()).isEqualTo(1);
        assertThat(soon.path("monthsSinceEnrolment").asInt()).isEqualTo(1);
        assertThat(soon.path("loyaltyScore").asInt()).as("recency 35 + frequency 2 + tenure 1").isEqualTo(38);
        JsonNode idleSoon = scoresOf(w, idle);
        assertThat(idleSoon.path("score").asLong()).isZero();
        assertThat(idleSoon.path("daysSinceLastPurchase").isNull()).isTrue();
        assertThat(idleSoon.path("loyaltyScore").asInt()).as("tenure 1 alone").isEqualTo(1);

        assertThat(scores.runAt(now.plus(Duration.ofDays(40)))).as("done for that day: nothing left").isZero();
        assertThat(scoresOf(w, buyer)).isEqualTo(soon);

        scores.runAt(now.plus(Duration.ofDays(400)));
        JsonNode later = scoresOf(w, buyer);
        assertThat(later.path("score").asLong()).as("the points are older than 12 months").isZero();
        assertThat(later.path("purchasesIn12Months").asInt()).isZero();
        assertThat(later.path("daysSinceLastPurchase").asInt()).isEqualTo(400);
        assertThat(later.path("monthsSinceEnrolment").asInt()).isEqualTo(13);
        assertThat(later.path("loyaltyScore").asInt()).as("tenure 25 × 13/24 alone").isEqualTo(13);
    }

    private JsonNode scoresOf(World w, long member) {
        Api.Response r = w.asAdmin().get("/api/v1/members/" + member + "/scores");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
