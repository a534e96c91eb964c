package org.loyaltyhub.rewards;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** 32 members claim the last 10 units of a reward at once: exactly 10 vouchers, and refusals spend nothing. */
class ClaimingTheLastUnitsTest extends IntegrationTest {

    @Test
    void thirtyTwoClientsClaimingTheLastTenUnitsGetExactlyTenVouchersAndTheOthersKeepTheirPoints() throws Exception {
        RewardScenario s = new RewardScenario(fixtures.world(api), 0);
        long reward = s.reward(100, Map.of("stock", 10));
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            long m = s.world.enrol(s.till, "racer").path("id").asLong();
            s.credit(m, 150);
            members.add(m);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (long m : members) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return s.claim(s.till, m, reward, "race");
                }));
            }
            start.countDown();
        }
        long issued = 0;
        for (Future<Api.Response> a : answers) {
            Api.Response r = a.get();
            if (r.status() == 201) {
                issued++;
            } else {
                assertThat(r.code()).as(r.toString()).isEqualTo("reward-out-of-stock");
            }
        }

        assertThat(issued).isEqualTo(10);
        assertThat(s.world.asAdmin().get("/api/v1/rewards/" + reward).json().path("details").path("stock").asLong())
                .isZero();
        long spent = members.stream().mapToLong(m -> 150 - s.world.available(m)).sum();
        assertThat(spent).isEqualTo(10 * 100);
        assertThat(members.stream().filter(m -> s.world.available(m) == 150).count()).isEqualTo(22);
        s.world.assertBooksBalance();
    }
}
