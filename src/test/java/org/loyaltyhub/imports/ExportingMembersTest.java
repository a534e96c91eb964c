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

    /** The rows without their first column (each circuit numbers its members). */
    private static List<String> withoutIds(String csv) {
        return csv.lines().map(l -> Arrays.stream(l.split(",", -1)).skip(1).toList().toString()).toList();
    }
}
