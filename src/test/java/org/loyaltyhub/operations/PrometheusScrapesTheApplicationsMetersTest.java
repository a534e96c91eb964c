package org.loyaltyhub.operations;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus scrapes /actuator/prometheus with the metrics token; the application's own counters move with the facts. */
class PrometheusScrapesTheApplicationsMetersTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.loyaltyhub.shared.ClusterJobs jobs;

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
}
