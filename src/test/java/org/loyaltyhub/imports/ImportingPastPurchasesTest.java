package org.loyaltyhub.imports;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.imports.internal.ImportRunner;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A circuit brings its members' past purchases from the old system: the dry run names each bad row by its line and
 * writes nothing; the real run records them at their dates for tiers, indicators and RFM, with no points unless
 * asked; the same receipt twice is one purchase; the same file twice is one import.
 */
class ImportingPastPurchasesTest extends IntegrationTest {

    private static final DateTimeFormatter ITALIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    ImportRunner runner;

    @Autowired
    JdbcClient jdbc;

    /** A circuit with a company "Centro" (its first store has the same name) and three members. */
    private record Shop(World world, long companyId, long storeId, long anna, long marco, String annaCard) {
    }

    private Shop shop() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        Api.Response company = w.asAdmin().post("/api/v1/companies", Map.of("name", "Centro"));
        assertThat(company.status()).as(company.toString()).isEqualTo(201);
        JsonNode anna = w.enrol(w.asAdmin(), Map.of("firstName", "Anna", "email", "anna@past.test"));
        JsonNode marco = w.enrol(w.asAdmin(), Map.of("firstName", "Marco", "phone", "+39 333 1234567"));
        return new Shop(w, company.json().path("company").path("id").asLong(),
                company.json().path("firstStore").path("id").asLong(), anna.path("id").asLong(),
                marco.path("id").asLong(), anna.path("card").path("number").asString());
    }

    private String day(int monthsAgo) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(monthsAgo).withDayOfMonth(3)
                .format(ITALIAN);
    }

    private String file(Shop s) {
        return "Scontrino;Data;Importo;Punto vendita;E-mail;Telefono;Numero carta\n"
                + "R-1;" + day(3) + ";12,50;Centro;anna@past.test;;\n"
                + "R-2;" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(5) + " 18:30;1.234,56;;;333 1234567;\n"
                + "R-3;2025-13-01;10;Centro;anna@past.test;;\n"
                + "R-4;" + day(2) + ";dieci;Centro;anna@past.test;;\n"
                + "R-1;" + day(2) + ";5;Centro;anna@past.test;;\n"
                + "R-5;" + day(2) + ";5;Centro;nobody@past.test;;\n"
                + "R-6;" + day(2) + ";5;Altrove;;;" + s.annaCard() + "\n"
                + "R-7;01/01/2099;5;Centro;anna@past.test;;\n";
    }

    private long purchases(World w) {
        return jdbc.sql("select count(*) from purchase where circuit_id = :c").param("c", w.circuitId)
                .query(Long.class).single();
    }

    @Test
    void theDryRunNamesEachBadRowByItsLineAndWritesNothing() {
        Shop s = shop();
        Api.Response r = s.world().asAdmin().postRaw("/api/v1/imports/purchases/dry-run?source=Till&companyId="
                + s.companyId(), file(s));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode dry = r.json();
        assertThat(dry.path("rows").asInt()).isEqualTo(8);
        assertThat(dry.path("accepted").asInt()).isEqualTo(2);
        assertThat(dry.path("refused").asInt()).isEqualTo(6);
        assertThat(dry.path("firstErrors").valueStream()
                .map(e -> e.path("line").asInt() + " " + e.path("column").asString() + " " + e.path("flaw").asString())
                .toList()).containsExactly("4 DATE BAD_DATE", "5 AMOUNT BAD_AMOUNT", "6 ORDER_ID DUPLICATE_IN_FILE",
                "7 EMAIL UNKNOWN_MEMBER", "8 STORE UNKNOWN_STORE", "9 DATE FUTURE_DATE");
        assertThat(purchases(s.world())).as("nothing written").isZero();
        assertThat(s.world().asAdmin().get("/api/v1/imports").json().size()).isZero();
    }

    @Test
    void theRealRunRecordsPastPurchasesAtTheirDatesForTiersIndicatorsAndRfmWithoutPoints() {
        Shop s = shop();
        Api admin = s.world().asAdmin();
        Api.Response started = admin.postRaw("/api/v1/imports/purchases?source=Till&companyId=" + s.companyId()
                + "&fileName=scontrini.csv", file(s));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.json().path("job").path("id").asLong();
        assertThat(started.json().path("job").path("kind").asString()).isEqualTo("PURCHASES");
        JsonNode done = new ImportingMembersTest.Runs(runner).untilDone(admin, id);
        assertThat(done.path("job").path("imported").asInt()).isEqualTo(2);
        assertThat(done.path("job").path("refused").asInt()).isEqualTo(6);
        assertThat(done.path("job").path("points").asLong()).isZero();
        assertThat(ImportingMembersTest.csv(admin, "/api/v1/imports/" + id + "/refused.csv"))
                .contains("7,email: names no member of the circuit");

        assertThat(purchases(s.world())).isEqualTo(2);
        assertThat(s.world().available(s.anna())).as("no points unless asked").isZero();
        assertThat(s.world().available(s.marco())).isZero();
        LocalDate annaMonth = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(3).withDayOfMonth(1);
        var activity = jdbc.sql("select month, spent, purchases, points from member_activity where member_id = :m")
                .param("m", s.anna()).query((rs, n) -> List.of(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2),
                        rs.getInt(3), rs.getLong(4))).list();
        assertThat(activity).as("counted in the purchase's own month, for tiers")
                .containsExactly(List.of(annaMonth, new BigDecimal("12.5000"), 1, 0L));
        JsonNode figures = admin.get("/api/v1/members/" + s.marco() + "/indicators").json().path("figures");
        assertThat(figures.path("visits12m").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(figures.path("spend3y").path("amount").asString())).isEqualByComparingTo("1234.56");
        assertThat(figures.path("lastPurchaseAt").asString()).contains("T18:30:00Z");

        Api.Response again = admin.postRaw("/api/v1/imports/purchases?source=Till&companyId=" + s.companyId(),
                file(s));
        assertThat(again.json().path("job").path("id").asLong()).as("the same file is the same import").isEqualTo(id);
        long second = admin.postRaw("/api/v1/imports/purchases?source=Till",
                "order_id,date,amount,store,card_number\nR-1," + day(1) + ",99,Centro," + s.annaCard() + "\n")
                .json().path("job").path("id").asLong();
        JsonNode twice = new ImportingMembersTest.Runs(runner).untilDone(admin, second);
        assertThat(twice.path("job").path("refused").asInt()).as("the same receipt twice is one purchase").isEqualTo(1);
        assertThat(ImportingMembersTest.csv(admin, "/api/v1/imports/" + second + "/refused.csv"))
                .contains("order_id: this order is recorded already");
        assertThat(purchases(s.world())).isEqualTo(2);
        s.world().assertBooksBalance();
    }

    @Test
    void pointsComeOnlyWhenAskedAndExpireAsIfEarnedOnThePurchasesDay() {
        Shop s = shop();
        s.world().settings(Map.of("validity", "MONTHS", "validityMonths", 12));
        Api admin = s.world().asAdmin();
        String file = "order_id;date;amount;refunded;currency;company;email\n"
                + "P-1;" + day(2) + ";100,00;;EUR;Centro;anna@past.test\n"
                + "P-2;" + day(2) + ";80;20;eur;Centro;anna@past.test\n"
                + "P-3;" + day(14) + ";50;;EUR;Centro;anna@past.test\n"
                + "P-4;" + day(2) + ";50;;USD;Centro;anna@past.test\n"
                + "P-5;" + day(2) + ";50;60;EUR;Centro;anna@past.test\n";
        long id = admin.postRaw("/api/v1/imports/purchases?source=Till&earnPoints=true", file).json().path("job")
                .path("id").asLong();
        JsonNode done = new ImportingMembersTest.Runs(runner).untilDone(admin, id);
        assertThat(done.path("job").path("imported").asInt()).isEqualTo(3);
        assertThat(ImportingMembersTest.csv(admin, "/api/v1/imports/" + id + "/refused.csv"))
                .contains("5,currency: is not the circuit's currency").contains("6,refunded: is more than the amount");
        assertThat(done.path("job").path("points").asLong()).as("100 + 60 kept of 80; P-3's would have expired")
                .isEqualTo(160);
        assertThat(s.world().available(s.anna())).isEqualTo(160);
        assertThat(s.world().movements(s.anna()).stream().map(m -> m.path("kind").asString()).distinct().toList())
                .containsExactly("EARN_PAST");
        long activityPoints = jdbc.sql("select coalesce(sum(points), 0) from member_activity where member_id = :m "
                        + "and month = :month").param("m", s.anna())
                .param("month", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(2).withDayOfMonth(1))
                .query(Long.class).single();
        assertThat(activityPoints).as("the points count in the purchases' month").isEqualTo(160);
        String status = jdbc.sql("select status from purchase where circuit_id = :c and order_id = 'P-2'")
                .param("c", s.world().circuitId).query(String.class).single();
        assertThat(status).isEqualTo("PARTIALLY_REFUNDED");
        s.world().assertBooksBalance();
    }

    @Test
    void aPurchasesFileWithoutItsColumnsOrInTheWrongEncodingIsRefusedClearly() {
        Shop s = shop();
        Api admin = s.world().asAdmin();
        JsonNode dry = admin.postRaw("/api/v1/imports/purchases/dry-run?source=Till", "email\nanna@past.test\n")
                .json();
        assertThat(dry.path("refused").asInt()).isEqualTo(1);
        assertThat(dry.path("firstErrors").valueStream().map(e -> e.path("flaw").asString()).toList())
                .contains("MISSING", "NO_STORE");
        Api.Response utf16 = admin.postBytes("/api/v1/imports/purchases?source=Till", "text/csv",
                "order_id\n1\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        assertThat(utf16.status()).isEqualTo(400);
        assertThat(utf16.json().path("reason").asString()).isEqualTo("UTF16");
        assertThat(admin.get("/api/v1/imports").json().size()).isZero();
    }

    @Test
    void aPastPurchaseRefundedLaterMovesItsOwnMonthAndItsOwnPointsOnly() {
        Shop s = shop();
        Api admin = s.world().asAdmin();
        long id = admin.postRaw("/api/v1/imports/purchases?source=Till&earnPoints=true",
                "order_id;date;amount;company;email\nL-1;" + day(2) + ";100;Centro;anna@past.test\n"
                        + "L-2;" + day(2) + ";50;Centro;anna@past.test\n").json().path("job").path("id").asLong();
        new ImportingMembersTest.Runs(runner).untilDone(admin, id);
        assertThat(s.world().available(s.anna())).isEqualTo(150);
        long purchase = jdbc.sql("select id from purchase where circuit_id = :c and order_id = 'L-1'")
                .param("c", s.world().circuitId).query(Long.class).single();

        Api.Response refunded = admin.patch("/api/v1/purchases/" + purchase, Map.of("status", "REFUNDED"));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(s.world().available(s.anna())).as("its own points taken back, no more").isEqualTo(50);
        LocalDate month = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(2).withDayOfMonth(1);
        var activity = jdbc.sql("select spent, purchases from member_activity where member_id = :m and month = :month")
                .param("m", s.anna()).param("month", month)
                .query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getInt(2))).single();
        assertThat(activity).as("the refund moves the purchase's own month")
                .containsExactly(new BigDecimal("50.0000"), 1);
        s.world().assertBooksBalance();
    }

    @Test
    void aPastPurchasePartlyRefundedLaterEarnsNoCashbackAndRunsNoLiveRule() {
        Shop s = shop();
        Api admin = s.world().asAdmin();
        Api.Response cashback = admin.put("/api/v1/money-programs/CASHBACK",
                Map.of("enabled", true, "percent", "10", "minOrder", "0", "maxSharePercent", "50"));
        assertThat(cashback.status()).as(cashback.toString()).isEqualTo(200);
        long id = admin.postRaw("/api/v1/imports/purchases?source=Till",
                "order_id;date;amount;company;email\nC-1;" + day(1) + ";100;Centro;anna@past.test\n")
                .json().path("job").path("id").asLong();
        new ImportingMembersTest.Runs(runner).untilDone(admin, id);
        long purchase = jdbc.sql("select id from purchase where circuit_id = :c and order_id = 'C-1'")
                .param("c", s.world().circuitId).query(Long.class).single();
        assertThat(jdbc.sql("select without_points from purchase where id = :id").param("id", purchase)
                .query(Boolean.class).single()).as("an imported purchase is marked like a backfilled order").isTrue();

        Api.Response partly = admin.patch("/api/v1/purchases/" + purchase,
                Map.of("status", "PARTIALLY_REFUNDED", "refundedTotal", "30"));
        assertThat(partly.status()).as(partly.toString()).isEqualTo(200);
        Api.Response wallet = admin.get("/api/v1/members/" + s.anna() + "/wallets/CASHBACK");
        assertThat(wallet.status()).as(wallet.toString()).isEqualTo(200);
        assertThat(wallet.json().path("available").path("amount").asString()).as("no cashback for a past purchase")
                .isEqualTo("0.00");
        assertThat(wallet.json().path("pending").path("amount").asString()).isEqualTo("0.00");
        assertThat(s.world().available(s.anna())).as("no points either: none were asked").isZero();
        LocalDate month = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(1).withDayOfMonth(1);
        assertThat(jdbc.sql("select spent from member_activity where member_id = :m and month = :month")
                .param("m", s.anna()).param("month", month).query(BigDecimal.class).single())
                .as("the refund moves the purchase's own month").isEqualByComparingTo("70");
        s.world().assertBooksBalance();
    }
}
