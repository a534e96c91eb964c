package org.loyaltyhub.bench;

import org.loyaltyhub.tenancy.Tenancy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.loyaltyhub.bench.Benchmark.expect;

/**
 * The reliability phase: races that must end the same way every time, run through the HTTP API of the running
 * application in a circuit of its own, each a row of the reliability summary (what must hold, what was seen, PASS or
 * FAIL). Issue 10: 32 clients claim the last 10 units of a reward (exactly 10 vouchers, stock never below zero, no
 * points spent by a refused claim). Issue 11: 32 tills pay 0.70 each from one wallet holding 10.00 (14 payments,
 * never more than the balance). Each row ends with the circuit's ledger check.
 */
final class ReliabilityBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 32;

    /** One row of the summary. */
    record Row(String race, String expected, String seen, boolean passed, double seconds) {
    }

    private final Api api;
    private final String admin;
    private final String till;
    private final long storeId;

    private ReliabilityBench(Api api, String admin, String till, long storeId) {
        this.api = api;
        this.admin = admin;
        this.till = till;
        this.storeId = storeId;
    }

    static List<Row> run(Tenancy tenancy, int port, String tag, String password) throws Exception {
        // a platform administrator exists after the load phase's set-up; otherwise this one ends the first run
        tenancy.provisionPlatformAdmin("platform-reliability-" + tag + "@bench.example", "Bench Platform", password);
        String email = "reliability-" + tag + "@bench.example";
        tenancy.provisionCircuit("Bench reliability " + tag, "EUR", false, false, email, "Bench Reliability", password);
        try (Api api = new Api(port)) {
            String admin = Api.basic(email, password);
            JsonNode company = expect(api.post("/api/v1/companies", admin, "{\"name\":\"Reliability shop\"}"), 201,
                    "create company");
            long companyId = company.path("company").path("id").asLong();
            long storeId = company.path("firstStore").path("id").asLong();
            JsonNode key = expect(api.post("/api/v1/api-keys", admin, "{\"name\":\"till\",\"companyId\":" + companyId
                    + ",\"storeId\":" + storeId + "}"), 201, "issue API key");
            ReliabilityBench bench = new ReliabilityBench(api, admin, Api.bearer(key.path("secret").asString()),
                    storeId);
            return List.of(bench.claimRace(), bench.walletRace());
        }
    }

    private Row claimRace() throws Exception {
        long reward = expect(api.post("/api/v1/rewards", admin, "{\"kind\":\"FIXED_AMOUNT\",\"titleEn\":\"Five off\","
                + "\"titleIt\":\"Cinque di sconto\",\"points\":100,\"amount\":\"5.00\",\"voucherDays\":30,"
                + "\"stock\":10}"), 201, "create reward").path("id").asLong();
        long[] members = members("claim", id -> expect(api.post("/api/v1/members/" + id + "/adjustments", admin,
                "{\"direction\":\"CREDIT\",\"points\":150,\"note\":\"race\"}"), 201, "credit points"));
        long t = System.nanoTime();
        List<Api.Reply> replies = race(members, id -> api.post("/api/v1/members/" + id + "/reward-claims", till,
                "{\"rewardId\":" + reward + "}"));
        double seconds = (System.nanoTime() - t) / 1e9;
        int vouchers = 0;
        int outOfStock = 0;
        int other = 0;
        for (Api.Reply r : replies) {
            if (r.is(201)) {
                vouchers++;
            } else if (r.is(409) && r.body().contains("reward-out-of-stock")) {
                outOfStock++;
            } else {
                other++;
            }
        }
        long stock = expect(api.get("/api/v1/rewards/" + reward, admin), 200, "read reward").path("details")
                .path("stock").asLong();
        long spent = 0;
        int untouched = 0;
        for (long m : members) {
            long available = expect(api.get("/api/v1/members/" + m + "/points", admin), 200, "read points")
                    .path("available").asLong();
            spent += 150 - available;
            untouched += available == 150 ? 1 : 0;
        }
        boolean books = booksBalance();
        boolean passed = vouchers == 10 && outOfStock == CLIENTS - 10 && other == 0 && stock == 0 && spent == 1_000
                && untouched == CLIENTS - 10 && books;
        return new Row("Claim race: " + CLIENTS + " clients, last 10 units of a reward",
                "10 vouchers, stock 0, refused claims spend 0 points",
                String.format(Locale.ROOT, "%d vouchers, %d out of stock, %d other; stock %d; %d points spent, %d "
                        + "members untouched; books %s", vouchers, outOfStock, other, stock, spent, untouched,
                        books ? "balance" : "DIFFER"), passed, seconds);
    }

    private Row walletRace() throws Exception {
        expect(api.put("/api/v1/money-programs/CASHBACK", admin, "{\"enabled\":true,\"percent\":\"1\","
                + "\"minOrder\":\"0\",\"maxSharePercent\":\"100\"}"), 200, "cashback rule");
        long member = members("wallet", id -> expect(api.post("/api/v1/members/" + id + "/wallets/CASHBACK/adjustments",
                admin, "{\"direction\":\"CREDIT\",\"amount\":{\"currency\":\"EUR\",\"amount\":\"10.00\"},"
                        + "\"note\":\"race\"}"), 201, "credit wallet"), 1)[0];
        long[] clients = new long[CLIENTS];
        java.util.Arrays.fill(clients, member);
        long t = System.nanoTime();
        List<Api.Reply> replies = race(clients, id -> {
            Api.Reply held = api.post("/api/v1/wallet-payments", till, "{\"member\":{\"id\":" + id + "},"
                    + "\"purpose\":\"CASHBACK\",\"orderTotal\":{\"currency\":\"EUR\",\"amount\":\"100.00\"},"
                    + "\"amount\":{\"currency\":\"EUR\",\"amount\":\"0.70\"}}");
            return held.is(201) || held.is(200) ? api.post("/api/v1/wallet-payments/"
                    + JSON.readTree(held.body()).path("id").asLong() + "/capture", till, "{}") : held;
        });
        double seconds = (System.nanoTime() - t) / 1e9;
        int captured = 0;
        int refused = 0;
        int other = 0;
        for (Api.Reply r : replies) {
            if (r.is(200) && r.body().contains("CAPTURED")) {
                captured++;
            } else if (r.is(422) && r.body().contains("insufficient-wallet")) {
                refused++;
            } else {
                other++;
            }
        }
        String left = expect(api.get("/api/v1/members/" + member + "/wallets/CASHBACK", admin), 200, "read wallet")
                .path("available").path("amount").asString();
        boolean books = booksBalance();
        boolean passed = captured == 14 && refused == CLIENTS - 14 && other == 0 && "0.20".equals(left) && books;
        return new Row("Wallet race: " + CLIENTS + " tills pay 0.70 from one wallet of 10.00",
                "14 payments captured, 0.20 left, the rest refused",
                String.format(Locale.ROOT, "%d captured, %d refused, %d other; %s EUR left; books %s", captured, refused,
                        other, left, books ? "balance" : "DIFFER"), passed, seconds);
    }

    private interface Call {
        Api.Reply call(long memberId) throws Exception;
    }

    private interface Setup {
        void prepare(long memberId) throws Exception;
    }

    private long[] members(String prefix, Setup setup) throws Exception {
        return members(prefix, setup, CLIENTS);
    }

    private long[] members(String prefix, Setup setup, int count) throws Exception {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = expect(api.post("/api/v1/members", till, "{\"firstName\":\"Race\",\"lastName\":\"" + prefix + i
                    + "\",\"email\":\"" + prefix + i + "-" + System.nanoTime() + "@bench.example\",\"storeId\":"
                    + storeId + "}"), 201, "enrol").path("id").asLong();
            setup.prepare(ids[i]);
        }
        return ids;
    }

    /** Every client waits at the gate, then all call at once; the replies in the clients' order. */
    private static List<Api.Reply> race(long[] members, Call call) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Api.Reply>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(members.length)) {
            for (long m : members) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call(m);
                }));
            }
            gate.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> f : futures) {
                replies.add(f.get());
            }
            return replies;
        }
    }

    private boolean booksBalance() throws Exception {
        return expect(api.get("/api/v1/ledger/check", admin), 200, "ledger check").path("differences").isEmpty();
    }
}
