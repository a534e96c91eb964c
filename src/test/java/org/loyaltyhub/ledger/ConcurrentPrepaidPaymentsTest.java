package org.loyaltyhub.ledger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.LoyaltyHubApplication;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database, 32 clients paying at once from one member's prepaid credit and from one gift
 * card, more than each holds, every request sent twice (its replay to the other node, same Idempotency-Key): exactly
 * what the credit held is spent, each replay answers the first payment, and the books balance per unit.
 */
class ConcurrentPrepaidPaymentsTest extends IntegrationTest {

    private static final int CLIENTS = 32;

    @Autowired
    DataSource dataSource;

    @Test
    void thirtyTwoClientsOnTwoNodesCannotOverspendPrepaidCreditOrAGiftCard() throws Exception {
        HikariDataSource db = dataSource.unwrap(HikariDataSource.class);
        try (ConfigurableApplicationContext second = new SpringApplication(LoyaltyHubApplication.class).run(
                "--server.port=0", "--spring.profiles.active=test", "--loyaltyhub.db.url=" + db.getJdbcUrl(),
                "--loyaltyhub.db.user=" + db.getUsername(), "--loyaltyhub.db.password=" + db.getPassword(),
                "--loyaltyhub.db.pool-size=20", "--loyaltyhub.db.data-dir=target/never-created",
                "--logging.level.root=WARN")) {
            int port2 = ((WebServerApplicationContext) second).getWebServer().getPort();
            assertThat(port2).as("a second node of its own").isNotEqualTo(port);
            World world = fixtures.world(api);
            long[] shop = world.company("Shop");
            String key = world.apiKey(shop[0], shop[1]);
            Api[] nodes = {api.withKey(key), new Api(port2).withKey(key)};
            assertThat(world.asAdmin().put("/api/v1/prepaid/settings", Map.of("enabled", true, "minAmount", "1",
                    "maxAmount", "500", "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies",
                    List.of())).status()).isEqualTo(200);
            long member = world.enrol(nodes[0], "concurrent").path("id").asLong();
            assertThat(nodes[0].post("/api/v1/prepaid/sales", Map.of("kind", "PREPAID_CREDIT",
                    "member", Map.of("id", member), "amount", eur("10.00"), "paymentMethod", "CASH",
                    "receiptNumber", "C-1")).status()).isEqualTo(201);
            Api.Response card = nodes[1].post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD",
                    "amount", eur("10.00"), "paymentMethod", "CASH", "receiptNumber", "C-2"));
            String number = card.json().path("sale").path("cardNumber").asString();
            String pin = card.json().path("pin").asString();

            int memberPaid = race(nodes, "/api/v1/wallet-payments", i -> Map.of("member", Map.of("id", member),
                    "purpose", "PREPAID", "orderTotal", eur("100.00"), "amount", eur("0.70")));
            int cardPaid = race(nodes, "/api/v1/gift-cards/payments", i -> Map.of("cardNumber", number, "pin", pin,
                    "orderTotal", eur("100.00"), "amount", eur("0.70")));

            assertThat(memberPaid).as("14 × 0.70 = 9.80 of the 10.00").isEqualTo(14);
            assertThat(cardPaid).isEqualTo(14);
            assertThat(world.asAdmin().get("/api/v1/members/" + member + "/wallets/PREPAID").json()
                    .path("available").path("amount").asString()).isEqualTo("0.20");
            assertThat(nodes[1].post("/api/v1/gift-cards/balance", Map.of("cardNumber", number, "pin", pin)).json()
                    .path("available").path("amount").asString()).isEqualTo("0.20");
            world.assertBooksBalance();
        }
    }

    /** Every client pays on one node and replays on the other; returns how many payments were made and captured. */
    private static int race(Api[] nodes, String path, IntFunction<Map<String, Object>> body) throws Exception {
        Set<Long> paid = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        String run = java.util.UUID.randomUUID().toString();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                done.add(pool.submit(() -> {
                    start.await();
                    Api first = nodes[client % 2].header("Idempotency-Key", run + "-" + client);
                    Api replay = nodes[(client + 1) % 2].header("Idempotency-Key", run + "-" + client);
                    Api.Response r = first.post(path, body.apply(client));
                    Api.Response again = replay.post(path, body.apply(client));
                    assertThat(again.body()).as("a replay answers the first answer").isEqualTo(r.body());
                    if (r.status() == 201) {
                        long id = r.json().path("id").asLong();
                        Api.Response captured = replay.header("Idempotency-Key", run + "-capture-" + client)
                                .post("/api/v1/wallet-payments/" + id + "/capture", Map.of());
                        assertThat(captured.status()).as(captured.toString()).isEqualTo(200);
                        paid.add(id);
                    } else {
                        assertThat(r.status()).as(r.toString()).isEqualTo(422);
                        assertThat(r.code()).isEqualTo("insufficient-wallet");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        return paid.size();
    }

    private static Map<String, Object> eur(String amount) {
        return new HashMap<>(Map.of("currency", "EUR", "amount", amount));
    }
}
