package org.loyaltyhub.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.analytics.internal.PointsRollup;
import org.loyaltyhub.programs.internal.ExpiryJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The reports' figures against values worked out by hand from small fixtures: the points report's filters, groupings
 * and averages, breakage with points really expired, upcoming expiries, liability at a day in the middle of the
 * history, the members report and the sales figures.
 * <p>
 * Journal entries are stamped by the database's own clock ({@code now()}), not the application's: to give the books a
 * history over several days, a test moves a member's latest entries back to a chosen instant ({@link #backdate}).
 */
class ReportFiguresTest extends IntegrationTest {

    @Autowired
    PointsRollup rollup;

    @Autowired
    ExpiryJobs expiry;

    @Autowired
    DataSource dataSource;

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void thePointsReportFiltersByStoreAndOperatorGroupsByDayAndWeekAndAveragesPerMember() throws SQLException {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        long[] bar = w.company("Bar");
        Api shopTill = api.withKey(w.apiKey(shop[0], shop[1]));
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        LocalDate monday = TODAY.minusWeeks(3).with(DayOfWeek.MONDAY);
        clock.set(monday.atStartOfDay().toInstant(ZoneOffset.UTC)); // enrolled before the range ends
        long m1 = w.enrol(w.asAdmin(), "figures1").path("id").asLong();
        long m2 = w.enrol(w.asAdmin(), "figures2").path("id").asLong();
        long m3 = w.enrol(w.asAdmin(), "figures3").path("id").asLong();
        clock.reset();
        Api.Login other = w.operator("CIRCUIT_ADMIN", null, null);

        // Tuesday of week 1: m1 earns 100 at Shop, another administrator takes 10 off
        assertThat(w.purchase(shopTill, "f-1", m1, "100.00", "PAID").status()).isEqualTo(201);
        assertThat(w.as(other).post("/api/v1/members/" + m1 + "/adjustments",
                Map.of("direction", "DEBIT", "points", 10, "note", "fix")).status()).isEqualTo(201);
        backdate(w, m1, monday.plusDays(1));
        // Wednesday of week 1: m2 earns 60 at Bar
        assertThat(w.purchase(barTill, "f-2", m2, "60.00", "PAID").status()).isEqualTo(201);
        backdate(w, m2, monday.plusDays(2));
        // Tuesday of week 2: the circuit's administrator gives m3 40
        assertThat(w.asAdmin().post("/api/v1/members/" + m3 + "/adjustments",
                Map.of("direction", "CREDIT", "points", 40, "note", "gift")).status()).isEqualTo(201);
        backdate(w, m3, monday.plusDays(8));

        String range = "from=" + monday + "&to=" + monday.plusDays(13);
        for (boolean rolledUp : new boolean[] {false, true}) {
            if (rolledUp) {
                rollup.catchUp(Duration.ZERO);
            }
            JsonNode all = w.asAdmin().get("/api/v1/reports/points?" + range).json();
            assertThat(all.path("credits").asLong()).isEqualTo(200);
            assertThat(all.path("debits").asLong()).isEqualTo(10);
            assertThat(all.path("operations").asLong()).isEqualTo(4);
            assertThat(all.path("members").asLong()).isEqualTo(3);
            assertThat(decimal(all.path("averagePerOperation"))).isEqualByComparingTo("52.50"); // 210 / 4
            assertThat(decimal(all.path("averagePerMember"))).isEqualByComparingTo("70.00"); // 210 / 3

            JsonNode days = w.asAdmin().get("/api/v1/reports/points?" + range + "&grouping=DAY").json();
            assertThat(periods(days)).containsExactly(
                    Map.entry(monday.plusDays(1).toString(), List.of(100L, 10L, 2L)),
                    Map.entry(monday.plusDays(2).toString(), List.of(60L, 0L, 1L)),
                    Map.entry(monday.plusDays(8).toString(), List.of(40L, 0L, 1L)));
            JsonNode weeks = w.asAdmin().get("/api/v1/reports/points?" + range + "&grouping=WEEK").json();
            assertThat(periods(weeks)).containsExactly(
                    Map.entry(monday.toString(), List.of(160L, 10L, 3L)),
                    Map.entry(monday.plusDays(7).toString(), List.of(40L, 0L, 1L)));

            JsonNode atBar = w.asAdmin().get("/api/v1/reports/points?" + range + "&storeId=" + bar[1]).json();
            assertThat(List.of(atBar.path("credits").asLong(), atBar.path("debits").asLong(),
                    atBar.path("operations").asLong())).containsExactly(60L, 0L, 1L);
            JsonNode atShop = w.asAdmin().get("/api/v1/reports/points?" + range + "&storeId=" + shop[1]).json();
            assertThat(atShop.path("credits").asLong()).isEqualTo(100);
            assertThat(w.asAdmin().get("/api/v1/reports/points?" + range + "&companyId=" + bar[0]).json()
                    .path("credits").asLong()).isEqualTo(60);
        }
        JsonNode byOther = w.asAdmin().get("/api/v1/reports/points?" + range + "&operator=operator:"
                + operatorId(other)).json();
        assertThat(List.of(byOther.path("credits").asLong(), byOther.path("debits").asLong(),
                byOther.path("operations").asLong())).containsExactly(0L, 10L, 1L);
        assertThat(decimal(byOther.path("averagePerOperation"))).isEqualByComparingTo("10.00");
        JsonNode byAdmin = w.asAdmin().get("/api/v1/reports/points?" + range + "&operator=operator:"
                + operatorId(w.admin)).json();
        assertThat(List.of(byAdmin.path("credits").asLong(), byAdmin.path("operations").asLong()))
                .containsExactly(40L, 1L);
        assertThat(byAdmin.path("periods").get(0).path("start").asString()).isEqualTo(monday.plusDays(8).toString());
        JsonNode ofM1 = w.asAdmin().get("/api/v1/reports/points?" + range + "&memberId=" + m1).json();
        assertThat(ofM1.path("members").asLong()).isEqualTo(1);
        assertThat(decimal(ofM1.path("averagePerMember"))).isEqualByComparingTo("110.00");
        w.assertBooksBalance();
    }

    @Test
    void breakageCountsPointsReallyExpiredAgainstThoseRedeemedAndListsTheExpiriesToCome() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        w.settings(Map.of("validity", "MONTHS", "validityMonths", 1));
        long a = w.enrol(w.asAdmin(), "expires-a").path("id").asLong();
        long b = w.enrol(w.asAdmin(), "expires-b").path("id").asLong();
        long c = w.enrol(w.asAdmin(), "expires-c").path("id").asLong();
        Instant now = Instant.now();

        clock.set(now.minus(Duration.ofDays(45))); // earned 45 days ago, valid one month: due two weeks ago
        assertThat(w.purchase(till, "e-1", a, "100.00", "PAID").status()).isEqualTo(201);
        assertThat(w.purchase(till, "e-2", b, "200.00", "PAID").status()).isEqualTo(201);
        Api.Response held = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", b),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 50));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(till.post("/api/v1/redemptions/" + held.json().path("id").asLong() + "/capture",
                Map.of("orderId", "e-2b")).status()).isEqualTo(200);
        clock.reset();
        assertThat(w.purchase(till, "e-3", c, "30.00", "PAID").status()).isEqualTo(201); // due in a month
        w.settings(Map.of("validity", "MONTHS", "validityMonths", 3));
        assertThat(w.purchase(till, "e-4", c, "20.00", "PAID").status()).isEqualTo(201); // due in three months

        String range = "from=" + TODAY.minusDays(60) + "&to=" + TODAY;
        JsonNode before = w.asAdmin().get("/api/v1/reports/breakage?" + range).json();
        assertThat(before.path("expired").asLong()).isZero();
        assertThat(before.path("redeemed").asLong()).isEqualTo(50);

        assertThat(expiry.runAt(clock.instant()).lotsExpired()).isGreaterThanOrEqualTo(2);
        assertThat(w.available(a)).isZero();
        assertThat(w.available(b)).isZero();
        JsonNode breakage = w.asAdmin().get("/api/v1/reports/breakage?" + range).json();
        assertThat(breakage.path("expired").asLong()).isEqualTo(100 + 150);
        assertThat(breakage.path("redeemed").asLong()).isEqualTo(50);
        assertThat(decimal(breakage.path("rate"))).isEqualByComparingTo("0.8333"); // 250 / 300
        Map<String, Long> upcoming = new LinkedHashMap<>();
        breakage.path("upcoming").forEach(u -> upcoming.put(u.path("month").asString(), u.path("points").asLong()));
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.merge(YearMonth.from(now.atZone(ZoneOffset.UTC).plusMonths(1)).toString(), 30L, Long::sum);
        expected.merge(YearMonth.from(now.atZone(ZoneOffset.UTC).plusMonths(3)).toString(), 20L, Long::sum);
        assertThat(upcoming).containsExactlyEntriesOf(expected);
        Api.Response csv = w.asAdmin().get("/api/v1/reports/breakage.csv?" + range);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String span = TODAY.minusDays(60) + "/" + TODAY;
        assertThat(csv.body().lines()).startsWith("section,key,value", "expired," + span + ",250",
                "redeemed," + span + ",50", "rate," + span + ",0.8333");
        assertThat(csv.body().lines().filter(l -> l.startsWith("upcoming,"))).containsExactlyElementsOf(
                expected.entrySet().stream().map(e -> "upcoming," + e.getKey() + "," + e.getValue()).toList());
        assertThat(w.asAdmin().get("/api/v1/reports/breakage?from=" + TODAY.minusDays(60) + "&to="
                + TODAY.minusDays(1)).json().path("expired").asLong()).as("expired today, not before").isZero();
        assertThat(w.asAdmin().get("/api/v1/reports/liability").json().path("total").asLong()).isEqualTo(50);
        w.assertBooksBalance();
    }

    @Test
    void liabilityAsOfADayInTheMiddleOfTheHistoryIsTheBalanceThenNotNow() throws SQLException {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        long[] bar = w.company("Bar");
        long a = w.enrol(w.asAdmin(), "then-a").path("id").asLong();
        long b = w.enrol(w.asAdmin(), "then-b").path("id").asLong();
        assertThat(w.purchase(api.withKey(w.apiKey(shop[0], shop[1])), "t-1", a, "100.00", "PAID").status())
                .isEqualTo(201);
        backdate(w, a, TODAY.minusDays(20));
        assertThat(w.purchase(api.withKey(w.apiKey(bar[0], bar[1])), "t-2", b, "60.00", "PAID").status())
                .isEqualTo(201);
        backdate(w, b, TODAY.minusDays(10));
        assertThat(w.asAdmin().post("/api/v1/members/" + a + "/adjustments",
                Map.of("direction", "DEBIT", "points", 30, "note", "used")).status()).isEqualTo(201);
        backdate(w, a, TODAY.minusDays(5));

        for (boolean rolledUp : new boolean[] {false, true}) { // from the journal's tail, then from the daily rollup
            if (rolledUp) {
                rollup.catchUp(Duration.ZERO);
            }
            assertThat(liability(w, TODAY.minusDays(25))).as("rolled up: " + rolledUp).isEmpty();
            assertThat(liability(w, TODAY.minusDays(15))).containsExactly(Map.entry(shop[0], 100L));
            assertThat(liability(w, TODAY.minusDays(8)))
                    .containsExactly(Map.entry(shop[0], 100L), Map.entry(bar[0], 60L));
            assertThat(liability(w, TODAY.minusDays(5)))
                    .containsExactly(Map.entry(shop[0], 70L), Map.entry(bar[0], 60L));
        }
        JsonNode then = w.asAdmin().get("/api/v1/reports/liability?asOf=" + TODAY.minusDays(8)).json();
        Api.Response csv = w.asAdmin().get("/api/v1/reports/liability.csv?asOf=" + TODAY.minusDays(8));
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String day = "," + TODAY.minusDays(8);
        assertThat(csv.body().lines()).containsExactly("section,company_id,points,value,currency,as_of",
                "issuer," + shop[0] + ",100,1.00,EUR" + day, "issuer," + bar[0] + ",60,0.60,EUR" + day,
                "pending,,0,0.00,EUR" + day, "held,,0,0.00,EUR" + day, "total,,160,1.60,EUR" + day);
        assertThat(then.path("total").asLong()).isEqualTo(160);
        assertThat(decimal(then.path("value").path("amount"))).isEqualByComparingTo("1.60"); // 100 points = 1 EUR
        assertThat(w.asAdmin().get("/api/v1/reports/liability?asOf=" + TODAY.minusDays(8) + "&companyId=" + bar[0])
                .json().path("total").asLong()).isEqualTo(60);
        assertThat(w.asAdmin().get("/api/v1/reports/liability").json().path("total").asLong())
                .isEqualTo(w.available(a) + w.available(b)).isEqualTo(130);
        w.assertBooksBalance();
    }

    @Test
    void theMembersReportCountsActiveChurnedEnrolmentsDemographicsAndConsentsAndSalesTheirBaskets() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        long[] bar = w.company("Bar");
        Api shopTill = api.withKey(w.apiKey(shop[0], shop[1]));
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        LocalDate first = TODAY.minusMonths(3).withDayOfMonth(1);
        LocalDate second = first.plusMonths(1);
        clock.set(first.minusMonths(1).atTime(10, 0).toInstant(ZoneOffset.UTC)); // before the range
        long m4 = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("m4") + "@member.test", "gender", "OTHER",
                "city", "=SUM(A1)", "storeId", shop[1])).path("id").asLong();
        clock.set(first.plusDays(9).atTime(10, 0).toInstant(ZoneOffset.UTC));
        long m1 = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("m1") + "@member.test", "gender", "FEMALE",
                "city", "Milano", "postcode", "20100", "language", "IT", "storeId", shop[1],
                "birthDate", TODAY.minusYears(30).minusDays(10).toString(), "consents", List.of(
                        Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"),
                        Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1")))).path("id").asLong();
        long m2 = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("m2") + "@member.test", "gender", "MALE",
                "city", "Roma", "postcode", "00100", "language", "EN", "storeId", bar[1],
                "birthDate", TODAY.minusYears(20).toString(), "consents", List.of(
                        Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"),
                        Map.of("kind", "MARKETING", "granted", false, "textVersion", "v1")))).path("id").asLong();
        clock.set(second.plusDays(4).atTime(10, 0).toInstant(ZoneOffset.UTC));
        long m3 = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("m3") + "@member.test", "city", " Milano ",
                "storeId", shop[1])).path("id").asLong();
        clock.reset();

        buy(shopTill, m1, "s-1", "50.00", 3);
        buy(shopTill, m1, "s-2", "30.00", 10);
        buy(barTill, m2, "s-3", "80.00", 50); // before the active window: churned
        buy(barTill, m3, "s-4", "25.00", 20);
        Map<String, Object> refund = new HashMap<>(Map.of("orderId", "s-4", "member", Map.of("id", m3),
                "currency", "EUR", "total", "25.00", "status", "REFUNDED"));
        assertThat(w.purchase(barTill, refund).status()).isBetween(200, 201);
        buy(shopTill, m4, "s-5", "40.00", 2);

        String range = "from=" + first + "&to=" + TODAY;
        JsonNode members = w.asAdmin().get("/api/v1/reports/members?" + range + "&activeDays=30").json();
        assertThat(members.path("total").asLong()).isEqualTo(4);
        assertThat(members.path("active").asLong()).isEqualTo(3); // m1, m3 (a refunded purchase is a visit), m4
        assertThat(members.path("churned").asLong()).isEqualTo(1); // m2
        assertThat(counts(members.path("enrolmentsByPeriod"))).containsExactly(Map.entry(first.toString(), 2L),
                Map.entry(second.toString(), 1L));
        assertThat(counts(members.path("enrolmentsByStore"))).containsExactly(Map.entry(String.valueOf(shop[1]), 2L),
                Map.entry(String.valueOf(bar[1]), 1L));
        assertThat(counts(members.path("ageGroups"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "FROM_25_TO_34", 1L, "FROM_18_TO_24", 1L, "UNKNOWN", 2L));
        assertThat(counts(members.path("genders"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "FEMALE", 1L, "MALE", 1L, "OTHER", 1L, "UNDISCLOSED", 1L));
        assertThat(counts(members.path("cities"))).containsExactlyInAnyOrderEntriesOf(Map.of("Milano", 2L,
                "=SUM(A1)", 1L, "Roma", 1L));
        assertThat(members.path("cities").get(0).path("key").asString()).isEqualTo("Milano");
        assertThat(counts(members.path("postcodes"))).containsExactlyInAnyOrderEntriesOf(Map.of("20100", 1L,
                "00100", 1L, "-", 2L));
        assertThat(counts(members.path("languages"))).containsExactlyInAnyOrderEntriesOf(Map.of("-", 2L, "EN", 1L,
                "IT", 1L));
        Map<String, String> rates = new LinkedHashMap<>();
        members.path("consents").forEach(c -> rates.put(c.path("consent").asString(),
                c.path("granted").asLong() + " " + decimal(c.path("rate")).stripTrailingZeros().toPlainString()));
        assertThat(rates).containsExactlyInAnyOrderEntriesOf(Map.of("PRIVACY", "2 0.5", "MARKETING", "1 0.25",
                "NEWSLETTER", "0 0"));
        Api.Response membersCsv = w.asAdmin().get("/api/v1/reports/members.csv?" + range + "&activeDays=30");
        assertThat(membersCsv.header("Content-Type")).startsWith("text/csv");
        assertThat(membersCsv.body().lines()).startsWith("section,key,count,rate", "members,total,4,",
                "members,active in 30 days,3,", "members,churned,1,").contains(
                "enrolments by period," + first + ",2,", "enrolments by store," + shop[1] + ",2,",
                "age group,UNKNOWN,2,", "gender,FEMALE,1,", "city,Milano,2,", "city,'=SUM(A1),1,", "postcode,20100,1,", "language,IT,1,",
                "consent,PRIVACY,2,0.5000", "consent,MARKETING,1,0.2500");
        JsonNode ofBar = w.asAdmin().get("/api/v1/reports/members?" + range + "&activeDays=30&companyId=" + bar[0])
                .json();
        assertThat(List.of(ofBar.path("total").asLong(), ofBar.path("active").asLong(),
                ofBar.path("churned").asLong())).containsExactly(2L, 1L, 1L); // m2 and m3, who bought at Bar

        JsonNode sales = w.asAdmin().get("/api/v1/reports/sales?" + range).json();
        assertSales(sales.path("total"), 5, "200.00", 4, 1, "40.00", "1.25", "0.2500");
        Map<Long, JsonNode> perStore = new HashMap<>();
        sales.path("stores").forEach(s -> perStore.put(s.path("storeId").asLong(), s.path("sales")));
        assertThat(perStore).containsOnlyKeys(shop[1], bar[1]);
        assertSales(perStore.get(shop[1]), 3, "120.00", 2, 1, "40.00", "1.50", "0.5000");
        assertSales(perStore.get(bar[1]), 2, "80.00", 2, 0, "40.00", "1.00", "0");
        assertSales(w.asAdmin().get("/api/v1/reports/sales?" + range + "&companyId=" + bar[0]).json().path("total"),
                2, "80.00", 2, 0, "40.00", "1.00", "0");
        Api.Response salesCsv = w.asAdmin().get("/api/v1/reports/sales.csv?" + range);
        assertThat(salesCsv.header("Content-Type")).startsWith("text/csv");
        assertThat(salesCsv.body().lines()).hasSize(4).startsWith("scope,company_id,store_id,purchases,spend,currency,"
                + "buyers,repeat_buyers,average_basket,visit_frequency,repeat_rate",
                "total,,,5,200.00,EUR,4,1,40.00,1.25,0.2500").contains(
                "store," + shop[0] + "," + shop[1] + ",3,120.00,EUR,2,1,40.00,1.50,0.5000",
                "store," + bar[0] + "," + bar[1] + ",2,80.00,EUR,2,0,40.00,1.00,0.0000");
    }

    private static void assertSales(JsonNode s, long purchases, String spend, long buyers, long repeat, String basket,
                                    String frequency, String repeatRate) {
        assertThat(s.path("purchases").asLong()).as("purchases").isEqualTo(purchases);
        assertThat(decimal(s.path("spend").path("amount"))).as("spend").isEqualByComparingTo(spend);
        assertThat(s.path("buyers").asLong()).as("buyers").isEqualTo(buyers);
        assertThat(s.path("repeatBuyers").asLong()).as("repeat buyers").isEqualTo(repeat);
        assertThat(decimal(s.path("averageBasket").path("amount"))).as("average basket").isEqualByComparingTo(basket);
        assertThat(decimal(s.path("visitFrequency"))).as("visit frequency").isEqualByComparingTo(frequency);
        assertThat(decimal(s.path("repeatRate"))).as("repeat rate").isEqualByComparingTo(repeatRate);
    }

    private void buy(Api till, long member, String order, String total, int daysAgo) {
        Api.Response r = till.post("/api/v1/purchases", Map.of("orderId", order, "member", Map.of("id", member),
                "currency", "EUR", "total", total, "status", "PAID",
                "occurredAt", Instant.now().minus(Duration.ofDays(daysAgo)).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static Map<Long, Long> liability(World w, LocalDate asOf) {
        Map<Long, Long> shares = new LinkedHashMap<>();
        w.asAdmin().get("/api/v1/reports/liability?asOf=" + asOf).json().path("issuers")
                .forEach(s -> shares.put(s.path("companyId").asLong(), s.path("points").asLong()));
        return shares;
    }

    private static Map<String, Long> counts(JsonNode list) {
        Map<String, Long> counts = new LinkedHashMap<>();
        list.forEach(c -> counts.put(c.path("key").asString(), c.path("count").asLong()));
        return counts;
    }

    /** Each period's start with its credits, debits and operations, in order. */
    private static Map<String, List<Long>> periods(JsonNode summary) {
        Map<String, List<Long>> periods = new LinkedHashMap<>();
        summary.path("periods").forEach(p -> periods.put(p.path("start").asString(),
                List.of(p.path("credits").asLong(), p.path("debits").asLong(), p.path("operations").asLong())));
        return periods;
    }

    private static BigDecimal decimal(JsonNode n) {
        return new BigDecimal(n.asString());
    }

    private long operatorId(Api.Login login) throws SQLException {
        try (Connection c = owner().getConnection();
             PreparedStatement q = c.prepareStatement("select id from operator where email = ?")) {
            q.setString(1, login.email());
            try (var rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Moves the member's journal entries of the last ten minutes (those the test just made) to 10:00 UTC on
     * {@code day}. The journal is append-only (a trigger), so the update runs with triggers off, in its own session.
     */
    private void backdate(World w, long memberId, LocalDate day) throws SQLException {
        try (Connection c = owner().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement u = c.prepareStatement("update journal_entry set created_at = ? where circuit_id = ?"
                    + " and member_id = ? and created_at > now() - interval '10 minutes'")) {
                u.setTimestamp(1, Timestamp.from(day.atTime(10, 0).toInstant(ZoneOffset.UTC)));
                u.setLong(2, w.circuitId);
                u.setLong(3, memberId);
                assertThat(u.executeUpdate()).isPositive();
            }
            c.commit();
        }
    }

    /** The database's login (the owner of the tables), not the walled pools the application uses. */
    private DataSource owner() {
        return dataSource instanceof DelegatingDataSource d && d.getTargetDataSource() != null
                ? d.getTargetDataSource() : dataSource;
    }
}
