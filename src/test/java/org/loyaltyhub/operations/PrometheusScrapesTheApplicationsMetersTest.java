package org.loyaltyhub.operations;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.internal.SmsSender;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus scrapes /actuator/prometheus with the metrics token; the application's own counters move with the facts. */
class PrometheusScrapesTheApplicationsMetersTest extends IntegrationTest {

    @Autowired
    org.loyaltyhub.shared.ClusterJobs jobs;

    @Autowired
    SmsSender sms;

    private static final String TOKEN = "test-metrics-token"; // application-test.yml

    private String scrape() {
        Api.Download d = api.withKey(TOKEN).download("/actuator/prometheus");
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.contentType()).startsWith("text/plain");
        return new String(d.bytes(), StandardCharsets.UTF_8);
    }

    /** The sum of a metric's samples whose labels contain {@code labels} (all of them when empty). */
    private static double value(String scrape, String metric, String labels) {
        return scrape.lines().filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .filter(l -> l.contains(labels))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void withoutTheMetricsTokenNobodyScrapes() {
        assertThat(api.download("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.withKey("not-the-token").download("/actuator/prometheus").status()).isEqualTo(401);
        World w = fixtures.world(api);
        assertThat(w.asAdmin().download("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void aPurchaseAndARedemptionMoveTheirCounters() {
        World w = fixtures.world(api);
        long[] shop = w.company("Metered");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        w.settings(Map.of("redeemPoints", 100, "redeemValue", 1, "maxDiscountPercent", 50));
        long member = w.enrol(till, "metered").path("id").asLong();
        String before = scrape();

        w.purchase(till, "metered-" + System.nanoTime(), member, "500.00", "PAID");
        Api.Response hold = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 200));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        Api.Response refused = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 100_000));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(till.post("/api/v1/redemptions/" + hold.json().path("id").asLong() + "/capture", Map.of()).status())
                .isEqualTo(200);
        jobs.runExclusively("metered-job", () -> "done");
        String after = scrape();

        assertThat(value(after, "loyaltyhub_purchases_recorded_total", "status=\"paid\"")
                - value(before, "loyaltyhub_purchases_recorded_total", "status=\"paid\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "loyaltyhub_points_issued_points_total", "")
                - value(before, "loyaltyhub_points_issued_points_total", "")).isGreaterThanOrEqualTo(500);
        assertThat(value(after, "loyaltyhub_points_redeemed_points_total", "")
                - value(before, "loyaltyhub_points_redeemed_points_total", "")).isGreaterThanOrEqualTo(200);
        for (String outcome : new String[] {"held", "refused", "captured"}) {
            assertThat(value(after, "loyaltyhub_redemptions_total", "outcome=\"" + outcome + "\"")
                    - value(before, "loyaltyhub_redemptions_total", "outcome=\"" + outcome + "\"")).as(outcome)
                    .isGreaterThanOrEqualTo(1);
        }
        assertThat(after).contains("http_server_requests_seconds_count").contains("hikaricp_connections_active")
                .doesNotContain("circuit=");
        assertThat(value(after, "loyaltyhub_jobs_seconds_count", "job=\"metered-job\",outcome=\"ran\"")).isEqualTo(1);
    }

    /** How much a metric's samples with {@code labels} grew since {@code before}, once it grew by {@code atLeast}
     * (facts sent in the background count when their transaction commits, a moment after the request). */
    private double grewBy(String before, String metric, String labels, double atLeast) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        double grown;
        do {
            grown = value(scrape(), metric, labels) - value(before, metric, labels);
        } while (grown < atLeast && Instant.now().isBefore(until) && pause());
        return grown;
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aNotificationMailAnSmsAndARetriedRechargeMoveTheirCounters() {
        World w = fixtures.world(api);
        assertThat(w.asAdmin().put("/api/v1/notifications/POINTS_EARNED", Map.of("enabled", true)).status())
                .isEqualTo(200);
        long[] shop = w.company("Metered sends");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        String email = Fixtures.unique("metered") + "@member.test";
        long member = w.enrol(till, Map.of("firstName", "Giulia", "email", email, "phone", "+393471234570",
                "consents", List.of(Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"),
                        Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1")))).path("id").asLong();
        String before = scrape();

        TestMail.nextTo(email, () -> w.purchase(till, "mailed-" + System.nanoTime(), member, "25.00", "PAID"));
        Api recharge = w.asAdmin().header("Idempotency-Key", "metered-recharge");
        for (int attempt = 0; attempt < 2; attempt++) {
            Api.Response r = recharge.post("/api/v1/companies/" + shop[0] + "/sms-credits", Map.of("credits", 5));
            assertThat(r.json().path("credits").asLong()).as(r.toString()).isEqualTo(5);
        }
        Api.Response sent = w.as(w.operator("COMPANY_ADMIN", shop[0], null)).post("/api/v1/sms/sends",
                Map.of("memberIds", List.of(member), "text", "Ciao {first_name}"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        sms.runOnce();

        assertThat(grewBy(before, "loyaltyhub_mails_total", "outcome=\"sent\"", 1)).isGreaterThanOrEqualTo(1);
        assertThat(grewBy(before, "loyaltyhub_sms_total", "outcome=\"sent\"", 1)).isGreaterThanOrEqualTo(1);
        assertThat(grewBy(before, "loyaltyhub_idempotent_replays_total", "channel=\"api\"", 1))
                .as("the second recharge with the same key is a replay").isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAssistantsToolCallMovesItsCounter() {
        World w = fixtures.world(api);
        long[] shop = w.company("Metered assistant");
        String key = w.apiKey(shop[0], shop[1]);
        String labels = "outcome=\"done\",tool=\"list_reports\"";
        String before = scrape();

        AssistantCall.listReports(port, key, "metered-call-0001");

        assertThat(value(scrape(), "loyaltyhub_mcp_tool_calls_total", labels)
                - value(before, "loyaltyhub_mcp_tool_calls_total", labels)).isEqualTo(1);
    }
}
