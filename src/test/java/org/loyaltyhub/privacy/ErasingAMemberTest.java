package org.loyaltyhub.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErasingAMemberTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @RegisterExtension
    final LogLines log = new LogLines();

    private record Person(String firstName, String lastName, String email, String phone, String city) {
        static Person unique() {
            String tag = Fixtures.unique("Q").replace("-", "");
            String digits = tag.replaceAll("\\D", "");
            return new Person("Ersilia" + tag, "Quaglio" + tag, "ersilia." + tag.toLowerCase() + "@member.test",
                    "+39333" + (digits + "0000000").substring(0, 7), "Borgo" + tag);
        }

        List<String> values() {
            return List.of(firstName, lastName, email, phone, city);
        }
    }

    private long enrol(World w, Person p, long storeId) {
        Api.Response r = w.asAdmin().header("Idempotency-Key", Fixtures.unique("enrol")).post("/api/v1/members",
                Map.of("firstName", p.firstName(), "lastName", p.lastName(), "email", p.email(), "phone", p.phone(),
                        "city", p.city(), "birthDate", "1980-04-05", "storeId", storeId));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    @Test
    void anErasureReplacesEveryPersonalValueInEveryTableAndTheLogWhileTheBooksAndReportsStillAddUp() {
        World w = fixtures.world(api);
        long[] shop = w.company("Erase");
        Person p = Person.unique();
        long m = enrol(w, p, shop[1]);
        String card = w.asAdmin().get("/api/v1/members/" + m).json().path("card").path("number").asString();
        assertThat(w.purchase(w.asAdmin(), Map.of("orderId", Fixtures.unique("o"), "member", Map.of("id", m),
                "currency", "EUR", "total", "120", "status", "PAID", "storeId", shop[1])).status()).isEqualTo(201);
        assertThat(w.asAdmin().post("/api/v1/members/" + m + "/adjustments", Map.of("direction", "CREDIT",
                "points", 30, "note", "Sorry " + p.firstName() + " " + p.lastName())).status()).isEqualTo(201);
        assertThat(w.available(m)).isEqualTo(150);
        JsonNode pointsBefore = w.asAdmin().get("/api/v1/reports/points").json();
        JsonNode salesBefore = w.asAdmin().get("/api/v1/reports/sales").json();
        assertThat(DatabaseScan.find(jdbc, p.values())).as("the scan sees the member's data before")
                .anyMatch(h -> h.startsWith("member.email")).anyMatch(h -> h.startsWith("journal_entry.note"))
                .anyMatch(h -> h.startsWith("idempotent_request.body"));

        Api.Response erased = w.asAdmin().post("/api/v1/members/" + m + "/erasure", Map.of("reason", "asked by letter"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("source").asString()).isEqualTo("ADMINISTRATOR");
        assertThat(erased.json().path("forfeitedPoints").asLong()).isEqualTo(150);

        assertThat(DatabaseScan.find(jdbc, p.values())).as("no table holds the member's data after").isEmpty();
        assertThat(log.holding(p.values())).as("no line of the log names the member").isEmpty();

        w.assertBooksBalance();
        assertThat(w.available(m)).isZero();
        assertThat(w.movements(m)).anyMatch(e -> "erasure".equals(e.path("reason").asString())
                && "EXPIRY".equals(e.path("kind").asString()));
        JsonNode pointsAfter = w.asAdmin().get("/api/v1/reports/points").json();
        assertThat(kind(pointsAfter, "EARN")).as("points earned still add up").isEqualTo(kind(pointsBefore, "EARN"));
        assertThat(kind(pointsAfter, "MANUAL")).isEqualTo(kind(pointsBefore, "MANUAL"));
        assertThat(pointsAfter.path("credits").asLong()).isEqualTo(pointsBefore.path("credits").asLong());
        assertThat(w.asAdmin().get("/api/v1/reports/sales").json().path("total"))
                .as("sales: purchases, spend and buyers unchanged").isEqualTo(salesBefore.path("total"));

        JsonNode member = w.asAdmin().get("/api/v1/members/" + m).json();
        assertThat(member.path("email").isNull() || member.path("email").isMissingNode()).isTrue();
        assertThat(member.path("card").path("number").asString()).as("the card keeps its number, retired")
                .isEqualTo(card);
        assertThat(w.asAdmin().get("/api/v1/members/lookup?card=" + card).status()).as("the card no longer works")
                .isEqualTo(410);
        assertThat(jdbc.sql("select count(*) from card where number = :n").param("n", card).query(Long.class).single())
                .as("never issued again: the number stays taken").isEqualTo(1);
        assertThat(w.asAdmin().get("/api/v1/members?q=" + p.lastName()).json().path("items").size()).isZero();
    }

    @Test
    void anErasureIsRecordedOnceWithoutTheErasedDataAndAskingAgainChangesNothing() {
        World w = fixtures.world(api);
        long[] shop = w.company("Twice");
        Person p = Person.unique();
        long m = enrol(w, p, shop[1]);
        assertThat(w.asAdmin().post("/api/v1/members/" + m + "/erasure", Map.of("reason", " ")).code())
                .isEqualTo("invalid-input");
        JsonNode first = w.asAdmin().post("/api/v1/members/" + m + "/erasure", Map.of("reason", "customer asked"))
                .json();
        JsonNode again = w.asAdmin().post("/api/v1/members/" + m + "/erasure", Map.of("reason", "another")).json();
        assertThat(again).isEqualTo(first);
        JsonNode records = w.asAdmin().get("/api/v1/privacy/erasures").json();
        assertThat(records.size()).isEqualTo(1);
        assertThat(records.get(0).path("reason").asString()).isEqualTo("customer asked");
        assertThat(records.get(0).path("actor").asString()).startsWith("operator:");
        assertThat(records.toString()).doesNotContain(p.email(), p.lastName());
        w.assertBooksBalance();
    }

    @Test
    void pendingPointsNotYetAwardedAreForfeitedTooAndTheOrderLaterCompletedAwardsNothing() {
        World w = fixtures.world(api);
        long[] shop = w.company("Pending");
        w.settings(Map.of("pendingFrom", "CREATED", "awardMoment", "COMPLETED"));
        long m = enrol(w, Person.unique(), shop[1]);
        String done = Fixtures.unique("done");
        String waiting = Fixtures.unique("waiting");
        assertThat(order(w, done, m, "100", "COMPLETED", shop[1]).status()).isEqualTo(201);
        assertThat(order(w, waiting, m, "40", "CREATED", shop[1]).status()).isEqualTo(201);
        assertThat(w.points(m).path("pending").asLong()).isEqualTo(40);
        assertThat(w.available(m)).isEqualTo(100);

        Api.Response erased = w.asAdmin().post("/api/v1/members/" + m + "/erasure", Map.of("reason", "asked"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("forfeitedPoints").asLong()).as("available and pending").isEqualTo(140);
        assertThat(w.points(m).path("pending").asLong()).isZero();
        assertThat(w.available(m)).isZero();
        assertThat(w.movements(m)).filteredOn(e -> "erasure".equals(e.path("reason").asString())).hasSize(2);
        w.assertBooksBalance();

        assertThat(order(w, waiting, m, "40", "COMPLETED", shop[1]).status()).isIn(200, 201);
        assertThat(w.points(m).path("pending").asLong()).isZero();
        assertThat(w.available(m)).as("nothing awarded to the anonymous member").isZero();
        w.assertBooksBalance();
    }

    private static Api.Response order(World w, String orderId, long member, String total, String status, long store) {
        return w.purchase(w.asAdmin(), Map.of("orderId", orderId, "member", Map.of("id", member), "currency", "EUR",
                "total", total, "status", status, "storeId", store));
    }

    private static long kind(JsonNode summary, String kind) {
        return summary.path("byKind").valueStream().filter(k -> kind.equals(k.path("kind").asString()))
                .mapToLong(k -> k.path("credits").asLong() - k.path("debits").asLong()).sum();
    }
}
