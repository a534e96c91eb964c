package org.loyaltyhub.clearing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Points and cashback a bar issues and members spend at a shop (and back): the clearing report says who owes whom,
 * reconciles to the journal to the cent, shows each company only its own position, exports as CSV, PDF and SVG, and
 * a closed period is frozen, closed once, and its settlements marked paid once.
 */
class ClearingBetweenCompaniesTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClearingFlows flows;
    @Autowired
    Settlements settlements;
    @Autowired
    Tenancy tenancy;
    @Autowired
    Programs programs;
    @Autowired
    ClearingFold fold;

    private World world;
    private long bar;
    private long shop;
    private long gym;
    private Api barTill;
    private Api shopTill;
    private Api gymTill;
    private long ann;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    /** Today give or take a day, so a test running at midnight reads the same entries. */
    private final String around = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

    /** The bar issues 1000 points and 50.00 of cashback; the shop issues 500 points and 25.00; see each step. */
    private void coalition() {
        world = fixtures.world(api);
        world.settings(Map.of());
        long[] b = world.company("Bar");
        long[] s = world.company("Shop");
        long[] g = world.company("Gym");
        bar = b[0];
        shop = s[0];
        gym = g[0];
        barTill = api.withKey(world.apiKey(b[0], b[1]));
        shopTill = api.withKey(world.apiKey(s[0], s[1]));
        gymTill = api.withKey(world.apiKey(g[0], g[1]));
        Api.Response rule = world.asAdmin().put("/api/v1/money-programs/CASHBACK", Map.of("enabled", true,
                "percent", "5", "minOrder", "0", "maxSharePercent", "50"));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(200);
        ann = world.enrol(barTill, "ann").path("id").asLong();
        long bob = world.enrol(shopTill, "bob").path("id").asLong();
        assertThat(world.purchase(barTill, "B-1", ann, "1000.00", "PAID").status()).isEqualTo(201);
        assertThat(world.purchase(shopTill, "S-1", bob, "500.00", "PAID").status()).isEqualTo(201);

        capture(shopTill, redeem(shopTill, ann, 300));                 // bar → shop: 300 points, 3.00
        release(shopTill, redeem(shopTill, ann, 200));                 // released: counts nothing
        payWithCashback(shopTill, ann, "4.00");                        // bar → shop: 4.00 of cashback
        capture(barTill, redeem(barTill, bob, 100));                   // shop → bar: 100 points, 1.00
        capture(gymTill, redeem(gymTill, bob, 50));                    // shop → gym: 50 points, 0.50
    }

    private long redeem(Api till, long member, long points) {
        Api.Response r = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", points));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private void capture(Api till, long redemption) {
        Api.Response r = till.post("/api/v1/redemptions/" + redemption + "/capture", Map.of("orderId", "o" + redemption));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private void release(Api till, long redemption) {
        assertThat(till.post("/api/v1/redemptions/" + redemption + "/release", null).status()).isEqualTo(200);
    }

    private void payWithCashback(Api till, long member, String amount) {
        Api.Response held = till.post("/api/v1/wallet-payments", Map.of("member", Map.of("id", member),
                "purpose", "CASHBACK", "orderTotal", Map.of("currency", "EUR", "amount", "30.00"),
                "amount", Map.of("currency", "EUR", "amount", amount)));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        Api.Response captured = till.post("/api/v1/wallet-payments/" + held.json().path("id").asLong() + "/capture",
                Map.of("orderId", "w" + held.json().path("id").asLong()));
        assertThat(captured.status()).as(captured.toString()).isEqualTo(200);
    }

    private static List<String> lines(JsonNode report) {
        return report.path("lines").valueStream().map(l -> l.path("issuer").path("companyId").asLong() + ">"
                + l.path("redeemer").path("companyId").asLong() + " " + l.path("purpose").asString() + " "
                + l.path("amount").asLong() + " " + l.path("value").path("amount").asString()).toList();
    }

    private static List<String> positions(JsonNode report) {
        return report.path("positions").valueStream().map(p -> p.path("debtor").path("companyId").asLong() + ">"
                + p.path("creditor").path("companyId").asLong() + " " + p.path("amount").path("amount").asString())
                .toList();
    }

    @Test
    void theIssuerOwesTheRedeemerWhatItsMembersSpentThereNettedPerPairAtTheProgramsPointValue() {
        coalition();
        JsonNode report = world.asAdmin().get("/api/v1/clearing" + around).json();
        assertThat(lines(report)).containsExactlyInAnyOrder(
                bar + ">" + shop + " POINTS 300 3.00",
                bar + ">" + shop + " CASHBACK 400 4.00",
                shop + ">" + bar + " POINTS 100 1.00",
                shop + ">" + gym + " POINTS 50 0.50");
        assertThat(positions(report)).containsExactly(bar + ">" + shop + " 6.00", shop + ">" + gym + " 0.50");
        assertThat(report.path("pointValue").path("points").asLong()).isEqualTo(100);
        world.assertBooksBalance();
    }

    @Test
    void aRewardFundedByACompanyIsOwedToTheFunderWhereverTheMemberClaimsIt() {
        coalition();
        long funded = reward(Map.of("fundingCompanyId", gym));
        long unfunded = reward(Map.of());
        claimAtTheShop(funded, "gym-gift");
        claimAtTheShop(funded, "gym-gift"); // a replay spends once
        claimAtTheShop(unfunded, "shop-gift");
        JsonNode report = world.asAdmin().get("/api/v1/clearing" + around).json();
        assertThat(lines(report)).as("the gym funds the first; the shop, where it was claimed, the second")
                .containsExactlyInAnyOrder(
                        bar + ">" + shop + " POINTS 500 5.00",
                        bar + ">" + gym + " POINTS 200 2.00",
                        bar + ">" + shop + " CASHBACK 400 4.00",
                        shop + ">" + bar + " POINTS 100 1.00",
                        shop + ">" + gym + " POINTS 50 0.50");
        assertThat(positions(report)).containsExactlyInAnyOrder(bar + ">" + shop + " 8.00", bar + ">" + gym + " 2.00",
                shop + ">" + gym + " 0.50");
        Period days = new Period(today.minusDays(1), today.plusDays(1));
        assertThat(flows.fromJournal(world.circuitId, days)).containsExactlyInAnyOrderElementsOf(
                flows.between(world.circuitId, days));
        JsonNode gyms = world.as(world.operator("COMPANY_ADMIN", gym, null)).get("/api/v1/clearing" + around).json();
        assertThat(positions(gyms)).containsExactlyInAnyOrder(bar + ">" + gym + " 2.00", shop + ">" + gym + " 0.50");
        world.assertBooksBalance();
    }

    private long reward(Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", "FIXED_AMOUNT", "titleEn", "A gift",
                "titleIt", "Un regalo", "points", 200, "amount", "5.00"));
        body.putAll(overrides);
        Api.Response r = world.asAdmin().post("/api/v1/rewards", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private void claimAtTheShop(long reward, String claimId) {
        Api.Response r = shopTill.post("/api/v1/members/" + ann + "/reward-claims",
                Map.of("rewardId", reward, "claimId", claimId));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void theTotalsReconcileToTheJournalToTheCentBeforeAndAfterTheDailyRowsAreFolded() {
        coalition();
        JsonNode before = world.asAdmin().get("/api/v1/clearing" + around).json();
        // straight from the journal: what the purposes' held and redeemed accounts gained over the days
        Map<String, Long> journal = jdbc.sql("select split_part(a.kind, '_', 1), sum(p.amount) from posting p "
                        + "join account a on a.id = p.account_id join journal_entry e on e.id = p.entry_id "
                        + "where e.circuit_id = :c and a.kind in ('MEMBER_HELD', 'REDEEMED', 'CASHBACK_HELD', "
                        + "'CASHBACK_REDEEMED', 'DISCOUNT_HELD', 'DISCOUNT_REDEEMED') group by 1 having sum(p.amount) <> 0")
                .param("c", world.circuitId)
                .query((rs, n) -> Map.entry(rs.getString(1).equals("MEMBER") || rs.getString(1).equals("REDEEMED")
                        ? "POINTS" : rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum));
        Map<String, Long> totals = before.path("totals").valueStream().collect(Collectors.toMap(
                t -> t.path("purpose").asString(), t -> t.path("amount").asLong()));
        assertThat(totals).isEqualTo(journal).isEqualTo(Map.of("POINTS", 450L, "CASHBACK", 400L));
        // per pair, from the lot movements
        Caller admin = new Caller(Role.CIRCUIT_ADMIN, world.circuitId, null, null, null, null, "test");
        Period days = new Period(today.minusDays(1), today.plusDays(1));
        assertThat(flows.fromJournal(world.circuitId, days)).containsExactlyInAnyOrderElementsOf(
                flows.between(world.circuitId, days));
        fold.run();
        assertThat(jdbc.sql("select count(*) from clearing_delta where circuit_id = :c").param("c", world.circuitId)
                .query(Long.class).single()).as("folded").isZero();
        JsonNode after = world.asAdmin().get("/api/v1/clearing" + around).json();
        assertThat(lines(after)).isEqualTo(lines(before));
        assertThat(fold.run()).as("a second round finds nothing").isZero();
        assertThat(new Clearing(flows, settlements, tenancy, programs, Clock.systemUTC()).report(admin, days)
                .lines()).hasSize(4);
    }

    @Test
    void aCompanyAdministratorSeesOnlyItsOwnPositionAndAStoreOperatorNothing() {
        coalition();
        Api barAdmin = world.as(world.operator("COMPANY_ADMIN", bar, null));
        JsonNode own = barAdmin.get("/api/v1/clearing" + around).json();
        assertThat(positions(own)).containsExactly(bar + ">" + shop + " 6.00");
        assertThat(lines(own)).noneMatch(l -> l.contains(gym + " "));
        assertThat(own.path("parties").valueStream().map(p -> p.path("party").path("companyId").asLong()))
                .doesNotContain(gym);
        assertThat(barAdmin.get("/api/v1/clearing/csv" + around).body()).doesNotContain("Gym");
        assertThat(barTill.get("/api/v1/clearing").status()).isEqualTo(403);
        assertThat(fixtures.world(api).asAdmin().get("/api/v1/clearing" + around).json().path("lines").isEmpty())
                .as("another circuit").isTrue();
    }

    @Test
    void theReportExportsAsCsvAndAsAPdfStatementPerCompanyAndItsFlowsAsAnSvgChart() throws Exception {
        coalition();
        String csv = world.asAdmin().get("/api/v1/clearing/csv" + around).body();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("row,first_day,last_day,from_party");
        assertThat(csv).contains("CASHBACK,400,4.00,EUR").containsPattern("position,[^,]+,[^,]+,Bar[^,]*,Shop[^,]*,,,6.00,EUR");
        String svg = world.asAdmin().get("/api/v1/clearing/chart" + around).body();
        assertThat(svg).startsWith("<svg").contains("marker-end").contains("6.00 EUR").doesNotContain("<script");
        String statement = pdf(world.admin, "/api/v1/clearing/statement" + around + "&companyId=" + bar, "en");
        assertThat(statement).contains("Clearing statement: Bar").contains("-6.00 EUR").contains("Owes Shop");
        assertThat(pdf(world.admin, "/api/v1/clearing/statement" + around + "&companyId=" + bar, "it"))
                .contains("Estratto conto");
    }

    @Test
    void closingFreezesThePeriodOnceAndEachSettlementIsMarkedPaidOnce() {
        coalition();
        Caller admin = new Caller(Role.CIRCUIT_ADMIN, world.circuitId, null, null, null, null, "test");
        Period days = new Period(today.minusDays(1), today);
        Clearing tomorrow = new Clearing(flows, settlements, tenancy, programs,
                Clock.fixed(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
        ClearingReport closed = tomorrow.close(admin, days);
        assertThat(closed.closed()).isNotNull();
        assertThat(closed.settlements()).extracting(s -> s.debtor().companyId() + ">" + s.creditor().companyId() + " "
                + s.amount()).containsExactly(bar + ">" + shop + " 6.00 EUR", shop + ">" + gym + " 0.50 EUR");
        assertThat(tomorrow.close(admin, days).closed().id()).as("closing again is a replay").isEqualTo(closed.closed().id());
        assertThatThrownBy(() -> tomorrow.close(admin, new Period(today, today))).isInstanceOf(PeriodClosed.class);

        capture(shopTill, redeem(shopTill, latecomer(), 100));
        JsonNode frozen = world.asAdmin().get("/api/v1/clearing?from=" + days.first() + "&to=" + days.last()).json();
        assertThat(positions(frozen)).as("a closed period does not change")
                .containsExactly(bar + ">" + shop + " 6.00", shop + ">" + gym + " 0.50");
        assertThat(frozen.path("closed").path("id").asLong()).isEqualTo(closed.closed().id());

        long settlement = closed.settlements().getFirst().id();
        Map<String, Object> payment = Map.of("paidOn", today.toString(), "reference", "SEPA 123");
        Api.Response paid = world.asAdmin().post("/api/v1/clearing/settlements/" + settlement + "/payment", payment);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().path("reference").asString()).isEqualTo("SEPA 123");
        assertThat(world.asAdmin().post("/api/v1/clearing/settlements/" + settlement + "/payment", payment).status())
                .as("the same payment again").isEqualTo(200);
        Api.Response other = world.asAdmin().post("/api/v1/clearing/settlements/" + settlement + "/payment",
                Map.of("paidOn", today.toString(), "reference", "another"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("settlement-paid");
        assertThat(world.as(world.operator("COMPANY_ADMIN", bar, null)).post("/api/v1/clearing/settlements/"
                + settlement + "/payment", payment).status()).isEqualTo(403);
        assertThat(fixtures.world(api).asAdmin().post("/api/v1/clearing/settlements/" + settlement + "/payment",
                payment).status()).as("another circuit's").isEqualTo(404);
        assertThatThrownBy(() -> jdbc.sql("update clearing_line set amount = 1 where period_id = :p")
                .param("p", closed.closed().id()).update()).as("frozen in the database too").isNotNull();
    }

    @Test
    void theBackOfficesMarkPaidFormIsTheCircuitAdministratorsAndRecordsAPaymentOnce() {
        coalition();
        Caller admin = new Caller(Role.CIRCUIT_ADMIN, world.circuitId, null, null, null, null, "test");
        Period days = new Period(today.minusDays(1), today);
        long settlement = new Clearing(flows, settlements, tenancy, programs,
                Clock.fixed(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))
                .close(admin, days).settlements().getFirst().id();
        String path = "/clearing/settlements/" + settlement + "/payment";
        String back = "from=" + days.first() + "&to=" + days.last();
        Map<String, String> form = Map.of("paidOn", today.toString(), "reference", "SEPA 77", "back", back);

        assertThat(postedAs(world.operator("COMPANY_ADMIN", bar, null), path, form)).as("the debtor's administrator")
                .isEqualTo("403");
        assertThat(postedAs(fixtures.world(api).admin, path, form)).as("another circuit's").isEqualTo("404");
        assertThat(payment(settlement)).isEqualTo("unpaid");
        assertThat(postedAs(world.admin, path, Map.of("paidOn", today.plusDays(3).toString(), "reference", "SEPA 77",
                "back", back))).as("a day to come: back to the page with the error").isEqualTo("302 /clearing?" + back);
        assertThat(payment(settlement)).isEqualTo("unpaid");

        assertThat(postedAs(world.admin, path, form)).isEqualTo("302 /clearing?" + back + "&paid");
        assertThat(payment(settlement)).isEqualTo(today + " SEPA 77");
        assertThat(postedAs(world.admin, path, Map.of("paidOn", today.toString(), "reference", "another", "back", back)))
                .as("paid already: refused").isEqualTo("302 /clearing?" + back);
        assertThat(payment(settlement)).as("unchanged").isEqualTo(today + " SEPA 77");
    }

    private String payment(long settlement) {
        return jdbc.sql("select coalesce(paid_on || ' ' || payment_reference, 'unpaid') from settlement where id = :id")
                .param("id", settlement).query(String.class).single();
    }

    /** A back-office form posted by a signed-in operator: its status, and for a redirect where it leads. */
    private String postedAs(Api.Login login, String path, Map<String, String> fields) {
        return org.loyaltyhub.support.WebForms.signedIn(port, login).post(path, fields).outcome();
    }

    /** A member who earned at the bar just now, with points to spend. */
    private long latecomer() {
        long m = world.enrol(barTill, "latecomer").path("id").asLong();
        assertThat(world.purchase(barTill, "L-" + m, m, "200.00", "PAID").status()).isEqualTo(201);
        return m;
    }

    @Test
    void periodsAreClosedOnceTheyAreOverAndNeverTwiceOrOverlapping() {
        world = fixtures.world(api);
        Map<String, Object> january = Map.of("month", "2020-01");
        Api.Response first = world.asAdmin().post("/api/v1/clearing/periods", january);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("positions").isEmpty()).isTrue();
        long id = first.json().path("closed").path("id").asLong();
        assertThat(world.asAdmin().post("/api/v1/clearing/periods", january).json().path("closed").path("id").asLong())
                .isEqualTo(id);
        Api.Response overlapping = world.asAdmin().post("/api/v1/clearing/periods",
                Map.of("from", "2020-01-20", "to", "2020-02-10"));
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.code()).isEqualTo("period-closed");
        Api.Response notOver = world.asAdmin().post("/api/v1/clearing/periods", Map.of("from", today.toString(),
                "to", today.toString()));
        assertThat(notOver.status()).isEqualTo(400);
        assertThat(world.asAdmin().post("/api/v1/clearing/periods", Map.of("from", "2020-03-05", "to", "2020-03-01"))
                .status()).isEqualTo(400);
        assertThat(world.asAdmin().get("/api/v1/clearing/periods").json().size()).isEqualTo(1);
        assertThat(world.asAdmin().get("/api/v1/clearing/periods/" + id).status()).isEqualTo(200);
        assertThat(fixtures.world(api).asAdmin().get("/api/v1/clearing/periods/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from clearing_period where circuit_id = :c").param("c", world.circuitId)
                .query(Long.class).single()).isEqualTo(1);
    }

    private String pdf(Api.Login login, String path, String language) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Accept-Language", language)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login.email() + ":"
                        + login.password()).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        PdfReader reader = new PdfReader(r.body());
        try {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
