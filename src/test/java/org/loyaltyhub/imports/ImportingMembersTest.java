package org.loyaltyhub.imports;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.imports.internal.ImportRunner;
import org.loyaltyhub.programs.internal.ExpiryJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A circuit moving in from another loyalty system: the dry run names each bad row by its line and writes nothing;
 * the real run enrols the members with their cards, consents and one opening balance each; the same file again
 * changes nothing; a bad file is refused with a clear problem.
 */
class ImportingMembersTest extends IntegrationTest {

    static final String FILE = """
            Nome;Cognome;E-mail;Telefono;Data di nascita;Numero carta;Consenso privacy;Consenso newsletter;Data consenso;Fonte consenso;Punti
            Anna;Rossi;anna@moving.test;333 1234567;07/03/1985;4242424242424242;sì;sì;01/02/2024;cassa;1.250
            Marco;Bianchi;marco@moving.test;;1985-13-01;;;;;;10
            Luca;Verdi;ANNA@moving.test;;;;;;;;5
            Sara;Neri;sara@moving.test;;;;no;sì;02/02/2024;;0
            Gino;Gialli;gino@moving.test;;;;;;;;300
            """;

    @Autowired
    ImportRunner runner;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    ExpiryJobs expiry;

    static String path(String base, String source) {
        return base + "?source=" + source;
    }

    /** Runs the background imports until one is done (another round may hold the job's lock a moment). */
    record Runs(ImportRunner runner) {
        JsonNode untilDone(Api as, long id) {
            for (int round = 0; round < 200; round++) {
                runner.runDue();
                JsonNode job = as.get("/api/v1/imports/" + id).json();
                if (job.path("job").path("status").asString().equals("DONE")) {
                    return job;
                }
                Thread.onSpinWait();
            }
            throw new AssertionError("import " + id + " did not finish");
        }
    }

    JsonNode runUntilDone(Api as, long id) {
        return new Runs(runner).untilDone(as, id);
    }

    static String csv(Api as, String path) {
        Api.Download d = as.download(path);
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.contentType()).startsWith("text/csv");
        return new String(d.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theDryRunNamesEachBadRowByItsLineAndWritesNothing() {
        World w = fixtures.world(api);
        Api.Response r = w.asAdmin().postRaw(path("/api/v1/imports/members/dry-run", "Smile"), FILE);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode dry = r.json();
        assertThat(dry.path("rows").asInt()).isEqualTo(5);
        assertThat(dry.path("accepted").asInt()).isEqualTo(2);
        assertThat(dry.path("refused").asInt()).isEqualTo(3);
        assertThat(dry.path("points").asLong()).isEqualTo(1550);
        assertThat(dry.path("separator").asString()).isEqualTo(";");
        assertThat(dry.path("firstErrors").valueStream().map(e -> e.path("line").asInt() + " "
                + e.path("column").asString() + " " + e.path("flaw").asString()).toList())
                .containsExactly("3 BIRTH_DATE BAD_DATE", "4 EMAIL DUPLICATE_IN_FILE",
                        "5 PRIVACY_CONSENT CONSENT_WITHOUT_PRIVACY");
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).as("nothing written").isZero();
        assertThat(w.asAdmin().get("/api/v1/imports").json().size()).isZero();
    }

    @Test
    void theImportEnrolsMembersWithTheirCardConsentsAndOneOpeningBalanceAndTheSameFileAgainChangesNothing() {
        World w = fixtures.world(api);
        Api.Response started = w.asAdmin().postRaw(path("/api/v1/imports/members", "Smile") + "&fileName=soci.csv",
                FILE);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.json().path("job").path("id").asLong();
        assertThat(started.json().path("job").path("status").asString()).isEqualTo("QUEUED");

        JsonNode done = runUntilDone(w.asAdmin(), id);
        assertThat(done.path("job").path("imported").asInt()).isEqualTo(2);
        assertThat(done.path("job").path("refused").asInt()).isEqualTo(3);
        assertThat(done.path("job").path("points").asLong()).isEqualTo(1550);
        assertThat(done.path("percent").asInt()).isEqualTo(100);

        JsonNode anna = w.asAdmin().get("/api/v1/members/lookup?card=4242424242424242").json();
        assertThat(anna.path("email").asString()).isEqualTo("anna@moving.test");
        assertThat(anna.path("phone").asString()).isEqualTo("+393331234567");
        assertThat(anna.path("birthDate").asString()).isEqualTo("1985-03-07");
        assertThat(anna.path("consents").valueStream().map(c -> c.path("kind").asString() + " "
                + c.path("granted").asBoolean() + " " + c.path("source").asString() + " "
                + c.path("recordedAt").asString()).toList())
                .containsExactlyInAnyOrder("PRIVACY true cassa 2024-02-01T00:00:00Z",
                        "NEWSLETTER true cassa 2024-02-01T00:00:00Z");
        long annaId = anna.path("id").asLong();
        assertThat(w.available(annaId)).as("no registration or newsletter points: an opening balance only")
                .isEqualTo(1250);
        List<JsonNode> movements = w.movements(annaId);
        assertThat(movements).hasSize(1);
        assertThat(movements.getFirst().path("reason").asString()).isEqualTo("Opening balance from Smile");

        assertThat(csv(w.asAdmin(), "/api/v1/imports/" + id + "/refused.csv"))
                .startsWith("line,reasons,row\r\n3,\"birth_date: is not a date")
                .contains("4,email: is on an earlier line of the file too").contains("Luca;Verdi");

        Api.Response again = w.asAdmin().postRaw(path("/api/v1/imports/members", "Smile"), FILE);
        assertThat(again.json().path("job").path("id").asLong()).as("the same file is the same import").isEqualTo(id);
        runner.runDue();
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).isEqualTo(2);
        assertThat(w.available(annaId)).isEqualTo(1250);
        w.assertBooksBalance();
    }

    /** Rounds of the expiry job as of {@code asOf} until nothing more is due (other tests' lots may be due too). */
    private void expireDueAt(Instant asOf) {
        for (int round = 0; round < 100; round++) {
            ExpiryJobs.Run run = expiry.runAt(asOf);
            if (run != null && run.lotsExpired() == 0) {
                return;
            }
        }
    }

    @Test
    void anOpeningBalanceWithAnExpiryColumnIsALotThatTheExpiryJobExpiresAtTheEndOfThatDay() {
        World w = fixtures.world(api);
        LocalDate english = LocalDate.now(ZoneOffset.UTC).plusMonths(2);
        LocalDate italian = english.plusDays(10);
        long first = w.asAdmin().postRaw(path("/api/v1/imports/members", "Smile"),
                "email,points,points_expire_on\nexpiring@moving.test,120," + english + "\n").json()
                .path("job").path("id").asLong();
        long second = w.asAdmin().postRaw(path("/api/v1/imports/members", "Cassa"),
                "E-mail;Punti;Scadenza punti\nscadenza@moving.test;80;"
                        + italian.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + "\n").json()
                .path("job").path("id").asLong();
        assertThat(runUntilDone(w.asAdmin(), first).path("job").path("imported").asInt()).isEqualTo(1);
        assertThat(runUntilDone(w.asAdmin(), second).path("job").path("imported").asInt()).isEqualTo(1);
        long anna = w.asAdmin().get("/api/v1/members?q=expiring@moving.test").json().path("items").get(0).path("id")
                .asLong();
        long sara = w.asAdmin().get("/api/v1/members?q=scadenza@moving.test").json().path("items").get(0).path("id")
                .asLong();
        Instant annasEnd = english.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant sarasEnd = italian.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(Instant.parse(w.points(anna).path("nextExpiry").asString())).isEqualTo(annasEnd);
        assertThat(Instant.parse(w.points(sara).path("nextExpiry").asString())).isEqualTo(sarasEnd);

        expireDueAt(annasEnd.minus(Duration.ofMinutes(1)));
        assertThat(w.available(anna)).as("valid through its last day").isEqualTo(120);
        expireDueAt(annasEnd);
        assertThat(w.available(anna)).isZero();
        assertThat(w.movements(anna).getFirst().path("kind").asString()).isEqualTo("EXPIRY");
        assertThat(w.available(sara)).as("the Italian column's later day").isEqualTo(80);
        expireDueAt(sarasEnd);
        assertThat(w.available(sara)).isZero();
        w.assertBooksBalance();
    }

    @Test
    void aCompanyFundsOpeningBalancesFromItsBudgetAndARowItCannotCoverIsRefusedInTheReport() {
        World w = fixtures.world(api, false, true);
        long[] shop = w.company("Funding");
        w.recharge(shop[0], 1000);
        String file = "email,points\nuno@moving.test,600\ndue@moving.test,600\ntre@moving.test,400\n";
        long id = w.asAdmin().postRaw(path("/api/v1/imports/members", "Till") + "&companyId=" + shop[0], file)
                .json().path("job").path("id").asLong();
        JsonNode done = runUntilDone(w.asAdmin(), id);
        assertThat(done.path("job").path("imported").asInt()).isEqualTo(2);
        assertThat(w.budget(shop[0])).isZero();
        assertThat(csv(w.asAdmin(), "/api/v1/imports/" + id + "/refused.csv"))
                .contains("3,points: the budget that funds the opening balances does not hold enough points");
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong())
                .as("the refused row's member is not left behind").isEqualTo(2);
        w.assertBooksBalance();
    }

    @Test
    void aWorkbookAUtf16FileAnEmptyFileOrAnUnknownSourceGetAClearProblemAndNothingIsWritten() {
        World w = fixtures.world(api);
        Map<String, byte[]> files = Map.of(
                "WORKBOOK", new byte[] {'P', 'K', 3, 4, 0, 0, 0},
                "UTF16", "email\na@b.it\n".getBytes(StandardCharsets.UTF_16),
                "NO_ROWS", "email;points\n".getBytes(Charset.forName("windows-1252")));
        files.forEach((reason, bytes) -> {
            Api.Response r = w.asAdmin().postBytes(path("/api/v1/imports/members", "Smile"), "text/csv", bytes);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("reason").asString()).isEqualTo(reason);
        });
        Api.Response noSource = w.asAdmin().postRaw("/api/v1/imports/members?source=%20", FILE);
        assertThat(noSource.status()).as(noSource.toString()).isEqualTo(400);
        assertThat(w.asAdmin().get("/api/v1/imports").json().size()).isZero();
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).isZero();
    }

    @Test
    void aRunStoppedAfterACommittedChunkResumesAtItsWatermarkAndStillSeesTheEarlierRowsDuplicates() {
        World w = fixtures.world(api);
        String file = "email,points\nfirst@resume.test,10\nsecond@resume.test,20\nFIRST@resume.test,30\n";
        long id = w.asAdmin().postRaw(path("/api/v1/imports/members", "Old"), file).json().path("job").path("id")
                .asLong();
        // as a node that died after committing the first row's chunk leaves it
        jdbc.sql("update import_job set status = 'RUNNING', started_at = created_at, next_line = 1, imported = 1 "
                + "where id = :id").param("id", id).update();

        JsonNode done = runUntilDone(w.asAdmin(), id);
        assertThat(done.path("job").path("imported").asInt()).isEqualTo(2);
        assertThat(done.path("job").path("refused").asInt()).isEqualTo(1);
        assertThat(w.asAdmin().get("/api/v1/members").json().path("items").valueStream()
                .map(m -> m.path("email").asString()).toList())
                .as("the first row is not written again").containsExactly("second@resume.test");
        assertThat(csv(w.asAdmin(), "/api/v1/imports/" + id + "/refused.csv"))
                .contains("4,email: is on an earlier line of the file too");
    }

    @Test
    void aChunkRefusesTheRowsWhoseEmailCardOrShopIdBelongsToAMemberAndWritesTheOthersWithTheirFacts() {
        World w = fixtures.world(api);
        String first = "email,card_number,shop_connection,shop_customer_id,privacy_consent,consent_date,points\n"
                + "first@chunk.test,4242424242424242,woo,17,yes,01/02/2024,10\n";
        runUntilDone(w.asAdmin(), w.asAdmin().postRaw(path("/api/v1/imports/members", "Old"), first).json()
                .path("job").path("id").asLong());
        String second = "email,card_number,shop_connection,shop_customer_id,privacy_consent,consent_date,points\n"
                + "FIRST@chunk.test,,,,,,1\n"
                + "other@chunk.test,4242424242424242,,,,,2\n"
                + "third@chunk.test,,woo,17,,,3\n"
                + "fresh@chunk.test,,woo,18,yes,03/04/2024,40\n"
                + "again@chunk.test,,woo,18,,,5\n"
                + "plain@chunk.test,,,,,,0\n";
        long id = w.asAdmin().postRaw(path("/api/v1/imports/members", "Old"), second).json().path("job").path("id")
                .asLong();
        JsonNode done = runUntilDone(w.asAdmin(), id);
        assertThat(done.path("job").path("imported").asInt()).isEqualTo(2);
        assertThat(done.path("job").path("refused").asInt()).isEqualTo(4);
        assertThat(done.path("job").path("points").asLong()).isEqualTo(40);
        assertThat(csv(w.asAdmin(), "/api/v1/imports/" + id + "/refused.csv"))
                .contains("2,email: belongs to a member of the circuit already")
                .contains("3,card_number: belongs to a member of the circuit already")
                .contains("4,shop_customer_id: belongs to a member of the circuit already")
                .contains("6,shop_customer_id: is on an earlier line of the file too");
        long fresh = w.asAdmin().get("/api/v1/members/lookup?email=fresh@chunk.test").json().path("id").asLong();
        assertThat(w.available(fresh)).isEqualTo(40);
        assertThat(jdbc.sql("select array_to_string(consents_given, ',') from member_facts where member_id = :m")
                .param("m", fresh).query(String.class).single()).as("facts with the consents the import recorded")
                .isEqualTo("PRIVACY");
        assertThat(jdbc.sql("select member_id from member_external_id where connection = 'woo' and external_id = '18'")
                .query(Long.class).single()).isEqualTo(fresh);
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).isEqualTo(3);
        w.assertBooksBalance();
    }

    @Test
    void theSameMembersInAnotherFileAreRefusedAsMembersAlreadyAndChangeNothing() {
        World w = fixtures.world(api);
        runUntilDone(w.asAdmin(), w.asAdmin().postRaw(path("/api/v1/imports/members", "Smile"), FILE).json()
                .path("job").path("id").asLong());
        long anna = w.asAdmin().get("/api/v1/members/lookup?card=4242424242424242").json().path("id").asLong();
        long entries = jdbc.sql("select count(*) from journal_entry where circuit_id = :c").param("c", w.circuitId)
                .query(Long.class).single();

        long id = w.asAdmin().postRaw(path("/api/v1/imports/members", "SmileAgain"), FILE + "\n").json().path("job")
                .path("id").asLong();
        JsonNode done = runUntilDone(w.asAdmin(), id);
        assertThat(done.path("job").path("imported").asInt()).isZero();
        assertThat(done.path("job").path("refused").asInt()).isEqualTo(5);
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).isEqualTo(2);
        assertThat(w.available(anna)).isEqualTo(1250);
        assertThat(jdbc.sql("select count(*) from journal_entry where circuit_id = :c").param("c", w.circuitId)
                .query(Long.class).single()).isEqualTo(entries);
        w.assertBooksBalance();
    }
}
