package org.loyaltyhub.ledger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.LoyaltyHubApplication;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 "no double spend under 32 concurrent clients across two application nodes": a second application (its own
 * Spring context, pool and caches) on the same database as the tests' one; 32 tills pay 0.70 each from one wallet
 * of 10.00, half through each node, and each replays its request with the same Idempotency-Key through the other
 * node. Exactly 14 payments are captured (9.80), every replay answers the first payment and spends nothing more,
 * and the books balance.
 */
class WalletPaymentsAcrossTwoNodesTest extends IntegrationTest {

    private static ConfigurableApplicationContext secondNode;

    @Autowired
    HikariDataSource dataSource;

    private int secondNodePort() {
        if (secondNode == null) {
            secondNode = new SpringApplication(LoyaltyHubApplication.class).run("--server.port=0",
                    "--spring.profiles.active=test", "--loyaltyhub.db.url=" + dataSource.getJdbcUrl(),
                    "--loyaltyhub.db.user=" + dataSource.getUsername(),
                    "--loyaltyhub.db.password=" + dataSource.getPassword(), "--loyaltyhub.db.pool-size=20",
                    "--loyaltyhub.db.data-dir=target/never-created", "--logging.level.root=WARN");
        }
        return ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    private static Map<String, Object> payment(long member) {
        return Map.of("member", Map.of("id", member), "purpose", "CASHBACK",
                "orderTotal", Map.of("currency", "EUR", "amount", "100.00"),
                "amount", Map.of("currency", "EUR", "amount", "0.70"));
    }

    private record Outcome(Long paymentId, boolean captured, String refusal, Long replayedId, String replayRefusal) {
    }

    @Test
    void thirtyTwoTillsOnTwoNodesCannotOverspendOneWalletAndEveryReplaySpendsOnce() throws Exception {
        World w = fixtures.world(api);
        long[] shop = w.company("Two nodes");
        String secret = w.apiKey(shop[0], shop[1]);
        Api[] nodes = {api.withKey(secret), new Api(secondNodePort()).withKey(secret)};
        Api.Response rule = w.asAdmin().put("/api/v1/money-programs/CASHBACK",
                Map.of("enabled", true, "percent", "1", "minOrder", "0", "maxSharePercent", "100"));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(200);
        long member = w.enrol(nodes[0], "two-nodes").path("id").asLong();
        Api.Response credit = w.asAdmin().post("/api/v1/members/" + member + "/wallets/CASHBACK/adjustments",
                Map.of("direction", "CREDIT", "amount", Map.of("currency", "EUR", "amount", "10.00"), "note", "start"));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);

        int clients = 32;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                Api first = nodes[i % 2];
                Api other = nodes[(i + 1) % 2];
                String key = UUID.randomUUID().toString();
                outcomes.add(pool.submit(() -> {
                    start.await();
                    Api.Response held = first.header("Idempotency-Key", key).post("/api/v1/wallet-payments",
                            payment(member));
                    Api.Response replay = other.header("Idempotency-Key", key).post("/api/v1/wallet-payments",
                            payment(member));
                    if (held.status() != 201) {
                        return new Outcome(null, false, held.code(), null, replay.code());
                    }
                    long id = held.json().path("id").asLong();
                    Api.Response captured = other.post("/api/v1/wallet-payments/" + id + "/capture", Map.of());
                    return new Outcome(id, captured.status() == 200
                            && captured.json().path("status").asString().equals("CAPTURED"), null,
                            replay.json().path("id").asLong(), null);
                }));
            }
            start.countDown();
        }
        int captured = 0;
        int refused = 0;
        Set<Long> ids = new HashSet<>();
        for (Future<Outcome> f : outcomes) {
            Outcome o = f.get();
            if (o.paymentId() == null) {
                assertThat(o.refusal()).isEqualTo("insufficient-wallet");
                assertThat(o.replayRefusal()).as("the replay answers the same refusal").isEqualTo("insufficient-wallet");
                refused++;
            } else {
                assertThat(o.captured()).isTrue();
                assertThat(o.replayedId()).as("the replay answers the first payment").isEqualTo(o.paymentId());
                ids.add(o.paymentId());
                captured++;
            }
        }
        assertThat(captured).isEqualTo(14); // 14 × 0.70 = 9.80 of the 10.00
        assertThat(refused).isEqualTo(clients - 14);
        assertThat(ids).hasSize(14);
        Api.Response wallet = w.asAdmin().get("/api/v1/members/" + member + "/wallets/CASHBACK");
        assertThat(wallet.json().path("available").path("amount").asString()).isEqualTo("0.20");
        assertThat(wallet.json().path("held").path("amount").asString()).isEqualTo("0.00");
        w.assertBooksBalance();
    }
}
