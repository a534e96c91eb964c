package org.loyaltyhub.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.analytics.internal.PointsRollup;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class PointsReportTest extends IntegrationTest {

    @Autowired
    PointsRollup rollup;

    @Autowired
    JdbcClient jdbc;

    private static final String TODAY = "from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(400)
            + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(400);

    @Test
    void reportTotalsMatchTheBalancesRecomputedFromTheJournalBeforeAndAfterTheRollup() {
        World w = fixtures.world(api, false, false);
        long[] shop = w.company("Shop");
        long[] bar = w.company("Bar");
        Api shopTill = api.withKey(w.apiKey(shop[0], shop[1]));
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(w.enrol(w.asAdmin(), "report" + i).path("id").asLong());
        }
        w.purchase(shopTill, "r-1", members.get(0), "120.00", "PAID");
        w.purchase(barTill, "r-2", members.get(1), "80.00", "PAID");
        assertThat(w.asAdmin().post("/api/v1/members/" + members.get(2) + "/adjustments",
                Map.of("direction", "CREDIT", "points", 40, "note", "welcome")).status()).isEqualTo(201);
        assertReconciles(w, members);

        rollup.catchUp(Duration.ZERO);
        w.purchase(shopTill, "r-3", members.get(1), "55.00", "PAID");
        w.purchase(shopTill, "r-1", members.get(0), "120.00", "REFUNDED");
        assertThat(w.asAdmin().post("/api/v1/members/" + members.get(1) + "/adjustments",
                Map.of("direction", "DEBIT", "points", 5, "note", "fix")).status()).isEqualTo(201);
        assertReconciles(w, members); // rollup + tail

        rollup.catchUp(Duration.ZERO);
        JsonNode all = assertReconciles(w, members); // rollup only
        assertThat(all.path("credits").asLong()).isEqualTo(120 + 80 + 40 + 55);
        assertThat(all.path("debits").asLong()).isEqualTo(120 + 5);
        assertThat(kind(all, "REVERSAL").path("debits").asLong()).isEqualTo(120);
        assertThat(kind(all, "MANUAL").path("operations").asLong()).isEqualTo(2);
        assertThat(all.path("operations").asLong()).isEqualTo(6);
        assertThat(new java.math.BigDecimal(all.path("averagePerOperation").asString())).isEqualByComparingTo("70.00");

        JsonNode bars = w.asAdmin().get("/api/v1/reports/points?" + TODAY + "&companyId=" + bar[0]).json();
        assertThat(bars.path("credits").asLong()).isEqualTo(80);
        JsonNode ofMember = w.asAdmin().get("/api/v1/reports/points?" + TODAY + "&memberId=" + members.get(1)).json();
        assertThat(ofMember.path("credits").asLong() - ofMember.path("debits").asLong()).isEqualTo(80 + 55 - 5);
        JsonNode earned = w.asAdmin().get("/api/v1/reports/points?" + TODAY + "&kind=EARN&grouping=MONTH").json();
        assertThat(earned.path("credits").asLong()).isEqualTo(120 + 80 + 55);
        assertThat(earned.path("periods").size()).isEqualTo(1);

        Api.Response rows = w.asAdmin().get("/api/v1/reports/points/rows.csv?" + TODAY);
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.header("Content-Type")).startsWith("text/csv");
        assertThat(rows.body().lines().count()).isEqualTo(1 + 6);
        Api.Response summary = w.asAdmin().get("/api/v1/reports/points/summary.csv?" + TODAY);
        assertThat(summary.body()).contains("total,POINTS,295,125,6");
        w.assertBooksBalance();
    }

    @Test
    void liabilityPerIssuerAddsUpToWhatMembersHoldAndBreakageReadsTheBooks() {
        World w = fixtures.world(api, false, false);
        long[] shop = w.company("Shop");
        long[] bar = w.company("Bar");
        long a = w.enrol(w.asAdmin(), "liab-a").path("id").asLong();
        long b = w.enrol(w.asAdmin(), "liab-b").path("id").asLong();
        w.purchase(api.withKey(w.apiKey(shop[0], shop[1])), "l-1", a, "300.00", "PAID");
        w.purchase(api.withKey(w.apiKey(bar[0], bar[1])), "l-2", b, "200.00", "PAID");
        JsonNode liability = w.asAdmin().get("/api/v1/reports/liability").json();
        long held = w.available(a) + w.available(b);
        assertThat(liability.path("total").asLong()).isEqualTo(held).isEqualTo(500);
        long perIssuer = 0;
        for (JsonNode share : liability.path("issuers")) {
            perIssuer += share.path("points").asLong();
        }
        assertThat(perIssuer).isEqualTo(500);
        long lots = jdbc.sql("select coalesce(sum(remaining), 0) from lot l join account x on x.id = l.account_id"
                + " where l.circuit_id = :c and x.kind = 'MEMBER_AVAILABLE'").param("c", w.circuitId)
                .query(Long.class).single();
        assertThat(perIssuer).isEqualTo(lots);
        assertThat(new java.math.BigDecimal(liability.path("value").path("amount").asString())).isEqualByComparingTo("5.00");
        assertThat(w.asAdmin().get("/api/v1/reports/liability?asOf=2000-01-01").json().path("total").asLong())
                .isZero();
        JsonNode breakage = w.asAdmin().get("/api/v1/reports/breakage").json();
        assertThat(breakage.path("expired").asLong()).isZero();
        assertThat(new java.math.BigDecimal(breakage.path("rate").asString())).isEqualByComparingTo("0");
    }

    @Test
    void aCompanyAdministratorSeesOnlyItsOwnCompanyWhenCompaniesAreKeptApartAndStoreOperatorsNoReport() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long m = w.enrol(w.asAdmin(), Map.of("email", "apart@member.test", "storeId", own[1])).path("id").asLong();
        w.purchase(api.withKey(w.apiKey(own[0], own[1])), "k-1", m, "10.00", "PAID");
        long n = w.enrol(w.asAdmin(), Map.of("email", "apart2@member.test", "storeId", other[1])).path("id").asLong();
        w.purchase(api.withKey(w.apiKey(other[0], other[1])), "k-2", n, "70.00", "PAID");
        Api companyAdmin = w.as(w.operator("COMPANY_ADMIN", own[0], null));

        assertThat(w.asAdmin().get("/api/v1/reports/points?" + TODAY).json().path("credits").asLong()).isEqualTo(80);
        assertThat(companyAdmin.get("/api/v1/reports/points?" + TODAY).json().path("credits").asLong()).isEqualTo(10);
        assertThat(companyAdmin.get("/api/v1/reports/points?" + TODAY + "&companyId=" + other[0]).status())
                .isEqualTo(403);
        assertThat(companyAdmin.get("/api/v1/reports/points/rows.csv?" + TODAY).body()).doesNotContain("k-2")
                .contains(",10,");
        assertThat(companyAdmin.get("/api/v1/reports/sales?" + TODAY).json().path("total").path("purchases").asLong())
                .isEqualTo(1);
        Api storeOperator = w.as(w.operator("STORE_OPERATOR", null, own[1]));
        assertThat(storeOperator.get("/api/v1/reports/points").status()).isEqualTo(403);
        assertThat(storeOperator.get("/api/v1/reports/liability").status()).isEqualTo(403);
        assertThat(w.asAdmin().get("/api/v1/reports/points?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);
    }

    private JsonNode assertReconciles(World w, List<Long> members) {
        JsonNode all = w.asAdmin().get("/api/v1/reports/points?" + TODAY).json();
        long held = 0;
        for (long m : members) {
            JsonNode p = w.points(m);
            held += p.path("available").asLong() + p.path("pending").asLong() + p.path("held").asLong();
        }
        assertThat(all.path("credits").asLong() - all.path("debits").asLong()).isEqualTo(held);
        assertThat(w.asAdmin().get("/api/v1/reports/liability").json().path("total").asLong()).isEqualTo(held);
        return all;
    }

    private static JsonNode kind(JsonNode summary, String kind) {
        for (JsonNode k : summary.path("byKind")) {
            if (k.path("kind").asString().equals(kind)) {
                return k;
            }
        }
        throw new AssertionError("no " + kind + " in " + summary);
    }
}
