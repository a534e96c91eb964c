package org.loyaltyhub.imports;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.imports.internal.ImportRunner;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The members' export is written in the import's columns: it moves a circuit's members and points to another. */
class ExportingMembersTest extends IntegrationTest {

    @Autowired
    ImportRunner runner;

    @Test
    void anExportImportedIntoAnotherCircuitGivesTheSameMembersCardsConsentsAndBalances() {
        World from = fixtures.world(api);
        long[] shop = from.company("Old shop");
        long started = from.asAdmin().postRaw("/api/v1/imports/members?source=Smile", ImportingMembersTest.FILE)
                .json().path("job").path("id").asLong();
        new ImportingMembersTest.Runs(runner).untilDone(from.asAdmin(), started);
        long counter = from.enrol(from.asAdmin(), Map.of("email", "counter@moving.test", "firstName", "=Cassa",
                "phone", "+39 06 1234567", "storeId", shop[1], "externalIds",
                List.of(Map.of("connection", "woo-1", "externalId", "77")), "consents",
                List.of(Map.of("kind", "PRIVACY", "granted", true, "textVersion", "privacy-v1")))).path("id").asLong();
        assertThat(from.purchase(from.asAdmin(), Map.of("orderId", "rt-1", "storeId", shop[1], "member",
                Map.of("id", counter), "currency", "EUR", "total", "40.00")).status()).isEqualTo(201);
        long counterPoints = from.available(counter);

        Api.Download export = from.asAdmin().download("/api/v1/exports/members.csv");
        assertThat(export.status()).isEqualTo(200);
        String first = new String(export.bytes(), StandardCharsets.UTF_8);
        assertThat(first.lines().count()).isEqualTo(4);
        assertThat(first.lines().findFirst().orElseThrow()).isEqualTo("member_id,first_name,last_name,email,phone,"
                + "birth_date,card_number,privacy_consent,marketing_consent,newsletter_consent,consent_date,"
                + "consent_source,shop_connection,shop_customer_id,points,points_expire_on");

        World to = fixtures.world(api);
        Api.Response moved = to.asAdmin().postBytes("/api/v1/imports/members?source=Circuit", "text/csv",
                export.bytes());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(202);
        var done = new ImportingMembersTest.Runs(runner).untilDone(to.asAdmin(), moved.json().path("job").path("id")
                .asLong());
        assertThat(done.path("job").path("refused").asInt()).isZero();
        String second = new String(to.asAdmin().download("/api/v1/exports/members.csv").bytes(),
                StandardCharsets.UTF_8);
        assertThat(withoutIds(second)).isEqualTo(withoutIds(first));
        assertThat(second).contains(String.valueOf(counterPoints)).contains("'=Cassa").contains("woo-1,77");
        to.assertBooksBalance();
    }

    @Test
    void anExportOfPurchasesImportsIntoAnotherCircuitAsTheSamePurchasesOfTheSameMembers() {
        World from = fixtures.world(api);
        long[] bottega = company(from, "Bottega");
        long anna = from.enrol(from.asAdmin(), Map.of("firstName", "Anna", "email", "anna@roundtrip.test"))
                .path("id").asLong();
        long bruno = from.enrol(from.asAdmin(), Map.of("firstName", "Bruno", "phone", "+39 347 7654321"))
                .path("id").asLong();
        purchase(from, bottega[1], "o-1", anna, "40.00", Map.of());
        purchase(from, bottega[1], "o-2", bruno, "15.50", Map.of());
        purchase(from, bottega[1], "o-3", anna, "30", Map.of("status", "PARTIALLY_REFUNDED", "refundedTotal", "5"));
        purchase(from, bottega[1], "o-4", anna, "12", Map.of("status", "CANCELLED"));
        Api.Download members = from.asAdmin().download("/api/v1/exports/members.csv");
        String first = ImportingMembersTest.csv(from.asAdmin(), "/api/v1/exports/purchases.csv");
        assertThat(first.lines().findFirst().orElseThrow()).isEqualTo("order_id,date,amount,refunded,currency,store,"
                + "company,channel,card_number,email,phone,shop_connection,shop_customer_id");
        assertThat(first.lines().count()).as("the cancelled one left out").isEqualTo(4);

        World to = fixtures.world(api);
        company(to, "Bottega");
        long moved = to.asAdmin().postBytes("/api/v1/imports/members?source=Old", "text/csv", members.bytes()).json()
                .path("job").path("id").asLong();
        new ImportingMembersTest.Runs(runner).untilDone(to.asAdmin(), moved);
        Api.Response bought = to.asAdmin().postBytes("/api/v1/imports/purchases?source=Old", "text/csv",
                first.getBytes(StandardCharsets.UTF_8));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(202);
        var done = new ImportingMembersTest.Runs(runner).untilDone(to.asAdmin(), bought.json().path("job").path("id")
                .asLong());
        assertThat(done.path("job").path("imported").asInt()).isEqualTo(3);
        assertThat(done.path("job").path("refused").asInt()).isZero();
        assertThat(ImportingMembersTest.csv(to.asAdmin(), "/api/v1/exports/purchases.csv")).isEqualTo(first);
        to.assertBooksBalance();
    }

    @Test
    void exportsTakeTheFiltersOfThePageThatAsked() {
        World w = fixtures.world(api);
        long[] bottega = company(w, "Bottega");
        long[] altra = company(w, "Altra");
        long anna = w.enrol(w.asAdmin(), Map.of("firstName", "Anna", "email", "anna@filters.test")).path("id").asLong();
        w.enrol(w.asAdmin(), Map.of("firstName", "Bruno", "email", "bruno@filters.test"));
        purchase(w, bottega[1], "f-1", anna, "10", Map.of());
        purchase(w, altra[1], "f-2", anna, "20", Map.of());
        Api admin = w.asAdmin();

        String annaOnly = ImportingMembersTest.csv(admin, "/api/v1/exports/members.csv?q=anna");
        assertThat(annaOnly.lines().count()).isEqualTo(2);
        assertThat(annaOnly).contains("anna@filters.test").doesNotContain("bruno@");
        assertThat(ImportingMembersTest.csv(admin, "/api/v1/exports/members.csv?newsletter=no").lines().count())
                .isEqualTo(3);
        assertThat(admin.download("/api/v1/exports/members.csv?newsletter=maybe").status()).isEqualTo(400);

        String atAltra = ImportingMembersTest.csv(admin, "/api/v1/exports/purchases.csv?storeId=" + altra[1]);
        assertThat(atAltra.lines().count()).isEqualTo(2);
        assertThat(atAltra).contains("f-2").doesNotContain("f-1");
        String today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
        assertThat(ImportingMembersTest.csv(admin, "/api/v1/exports/purchases.csv?from=" + today + "&to=" + today)
                .lines().count()).isEqualTo(3);
        assertThat(ImportingMembersTest.csv(admin, "/api/v1/exports/purchases.csv?from=" + tomorrow).lines().count())
                .isEqualTo(1);
        assertThat(admin.download("/api/v1/exports/purchases.csv?from=" + tomorrow + "&to=" + today).status())
                .isEqualTo(400);
    }

    /** A company with exactly this name (its first store has it too): {companyId, storeId}. */
    private static long[] company(World w, String name) {
        Api.Response r = w.asAdmin().post("/api/v1/companies", Map.of("name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new long[] {r.json().path("company").path("id").asLong(),
                r.json().path("firstStore").path("id").asLong()};
    }

    private static void purchase(World w, long storeId, String orderId, long memberId, String total,
                                 Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("orderId", orderId, "storeId", storeId, "member",
                Map.of("id", memberId), "currency", "EUR", "total", total));
        body.putAll(more);
        Api.Response r = w.purchase(w.asAdmin(), body);
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    /** The rows without their first column (each circuit numbers its members). */
    private static List<String> withoutIds(String csv) {
        return csv.lines().map(l -> Arrays.stream(l.split(",", -1)).skip(1).toList().toString()).toList();
    }
}
