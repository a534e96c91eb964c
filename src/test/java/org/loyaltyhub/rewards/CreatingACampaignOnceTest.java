package org.loyaltyhub.rewards;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating a coupon campaign is idempotent (issue 10): the same Idempotency-Key returns the campaign the first
 * request created, whether the request is replayed, retried at once by several clients, or comes back after the
 * API's stored answers are gone (the key is kept with the campaign, unique in the circuit).
 */
class CreatingACampaignOnceTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private long campaigns(World w) {
        return w.asAdmin().get("/api/v1/campaigns").json().size();
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameCampaignAndCreatesNoSecond() {
        World w = fixtures.world(api);
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> body = CouponCampaignsTest.campaign("Autumn", Map.of());
        Api.Response first = w.asAdmin().header("Idempotency-Key", key).post("/api/v1/campaigns", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response replay = w.asAdmin().header("Idempotency-Key", key).post("/api/v1/campaigns", body);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(campaigns(w)).isEqualTo(1);

        // the API's stored answers forgotten: the campaign's own key still answers with it
        jdbc.sql("delete from idempotent_request where key = :k").param("k", key).update();
        Api.Response later = w.asAdmin().header("Idempotency-Key", key).post("/api/v1/campaigns", body);
        assertThat(later.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(campaigns(w)).isEqualTo(1);

        Api.Response another = w.asAdmin().header("Idempotency-Key", key + "-2").post("/api/v1/campaigns", body);
        assertThat(another.status()).isEqualTo(201);
        assertThat(campaigns(w)).as("another key is another campaign").isEqualTo(2);
    }

    @Test
    void aSharedCodeCampaignReplayedIsNotRefusedAsItsOwnDuplicate() {
        World w = fixtures.world(api);
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> body = CouponCampaignsTest.campaign("Summer", Map.of("codeMode", "SHARED",
                "sharedCode", "SUMMER" + (System.nanoTime() % 1000)));
        Api.Response first = w.asAdmin().header("Idempotency-Key", key).post("/api/v1/campaigns", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        jdbc.sql("delete from idempotent_request where key = :k").param("k", key).update();
        Api.Response again = w.asAdmin().header("Idempotency-Key", key).post("/api/v1/campaigns", body);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
    }

    @Test
    void eightClientsSendingTheSameKeyAtOnceMakeOneCampaign() throws Exception {
        World w = fixtures.world(api);
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> body = CouponCampaignsTest.campaign("Race", Map.of());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return w.asAdmin().header("Idempotency-Key", key).post("/api/v1/campaigns", body);
                }));
            }
            start.countDown();
            Set<Long> ids = new HashSet<>();
            for (Future<Api.Response> a : answers) {
                Api.Response r = a.get();
                if (r.status() == 201) {
                    ids.add(r.json().path("id").asLong());
                } else {
                    assertThat(r.status()).as("told to retry, never a second campaign: " + r).isEqualTo(409);
                }
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(campaigns(w)).isEqualTo(1);
    }
}
