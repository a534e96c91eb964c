package org.loyaltyhub.members;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lost card is blocked and replaced: the member keeps balance and history under a new number, and the old number
 * and QR code are refused everywhere with a message that says the card was replaced.
 */
class ReplacingALostCardTest extends IntegrationTest {

    @Test
    void aReplacedCardGivesANewNumberToTheSameMemberAndTheOldOneIsRefusedWithAClearMessage() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Bar");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        JsonNode enrolled = w.enrol(w.asAdmin(), Map.of("email", "lost@member.test", "cardGroup", "Gold", "brand", "Classic"));
        long id = enrolled.path("id").asLong();
        String old = enrolled.path("card").path("number").asString();
        String oldQr = enrolled.path("card").path("qrPayload").asString();
        assertThat(w.purchase(till, "L-1", id, "50.00", "COMPLETED").status()).isEqualTo(201);

        Api.Response replaced = w.asAdmin().header("Idempotency-Key", "lost-1").post("/api/v1/members/" + id
                + "/card/replacement", Map.of("card", old, "reason", "LOST", "note", "lost on the bus"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        JsonNode card = replaced.json().path("card");
        String fresh = card.path("number").asString();
        assertThat(fresh).isNotEqualTo(old).hasSize(13);
        assertThat(card.path("cardGroup").asString()).as("the labels go to the new card").isEqualTo("Gold");
        assertThat(card.path("brand").asString()).isEqualTo("Classic");
        assertThat(w.available(id)).as("the balance stays with the member").isEqualTo(50);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String lookup : List.of("card=" + old, "qr=" + oldQr)) {
            Api.Response refused = till.get("/api/v1/members/lookup?" + lookup);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(410);
            assertThat(refused.code()).isEqualTo("card-blocked");
            assertThat(refused.json().path("detail").asString())
                    .isEqualTo("This card was blocked on " + today + " and replaced: ask for the new card");
        }
        Api.Response byOldCard = till.post("/api/v1/purchases", Map.of("orderId", "L-2",
                "member", Map.of("card", old), "currency", "EUR", "total", "10.00", "status", "COMPLETED"));
        assertThat(byOldCard.status()).as(byOldCard.toString()).isEqualTo(410);
        assertThat(w.available(id)).as("nothing was earned on the old card").isEqualTo(50);
        assertThat(till.get("/api/v1/members/lookup?card=" + fresh).json().path("id").asLong()).isEqualTo(id);

        List<JsonNode> cards = w.asAdmin().get("/api/v1/members/" + id + "/cards").json().valueStream().toList();
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).path("number").asString()).isEqualTo(fresh);
        assertThat(cards.get(0).path("main").asBoolean()).isTrue();
        assertThat(cards.get(1).path("number").asString()).isEqualTo(old);
        assertThat(cards.get(1).path("blockReason").asString()).isEqualTo("LOST");
        assertThat(cards.get(1).path("blockNote").asString()).isEqualTo("lost on the bus");
        assertThat(cards.get(1).path("replacedBy").asString()).isEqualTo(fresh);
        w.assertBooksBalance();
    }

    @Test
    void replacingTheSameCardAgainMakesNoSecondCard() {
        World w = fixtures.world(api);
        JsonNode enrolled = w.enrol(w.asAdmin(), "twice");
        long id = enrolled.path("id").asLong();
        String old = enrolled.path("card").path("number").asString();
        Map<String, Object> body = Map.of("card", old, "reason", "STOLEN");
        Api withKey = w.asAdmin().header("Idempotency-Key", "replace-" + id);

        Api.Response first = withKey.post("/api/v1/members/" + id + "/card/replacement", body);
        Api.Response replayed = withKey.post("/api/v1/members/" + id + "/card/replacement", body);
        Api.Response retried = w.asAdmin().post("/api/v1/members/" + id + "/card/replacement", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().path("card").path("number")).isEqualTo(first.json().path("card").path("number"));
        assertThat(retried.status()).as("a retry without a key finds the replacement").isEqualTo(200);
        assertThat(retried.json().path("card").path("number")).isEqualTo(first.json().path("card").path("number"));
        assertThat(w.asAdmin().get("/api/v1/members/" + id + "/cards").json().size()).isEqualTo(2);
    }

    @Test
    void aBlockedCardIsRefusedUntilReplacedAndCannotBeBlockedTwice() {
        World w = fixtures.world(api);
        JsonNode enrolled = w.enrol(w.asAdmin(), "blocked");
        long id = enrolled.path("id").asLong();
        String number = enrolled.path("card").path("number").asString();

        Api.Response blocked = w.asAdmin().post("/api/v1/members/" + id + "/card/block",
                Map.of("card", number, "reason", "DAMAGED"));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
        assertThat(blocked.json().path("state").asString()).isEqualTo("BLOCKED");
        Api.Response lookup = w.asAdmin().get("/api/v1/members/lookup?card=" + number);
        assertThat(lookup.status()).isEqualTo(410);
        assertThat(lookup.json().path("detail").asString()).endsWith(": it can no longer be used");
        assertThat(w.asAdmin().get("/api/v1/members/" + id).json().path("card").path("blockedAt").isNull())
                .as("the member's card shows it is blocked").isFalse();

        Api.Response again = w.asAdmin().post("/api/v1/members/" + id + "/card/block",
                Map.of("card", number, "reason", "LOST"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("card-already-blocked");
        List<JsonNode> cards = w.asAdmin().get("/api/v1/members/" + id + "/cards").json().valueStream().toList();
        assertThat(cards).hasSize(1);
        assertThat(cards.getFirst().path("blockReason").asString()).as("the first reason stays").isEqualTo("DAMAGED");

        Api.Response replaced = w.asAdmin().post("/api/v1/members/" + id + "/card/replacement",
                Map.of("card", number, "reason", "OTHER"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        assertThat(w.asAdmin().get("/api/v1/members/" + id + "/cards").json().get(1).path("blockReason").asString())
                .isEqualTo("DAMAGED");
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        World w = fixtures.world(api);
        JsonNode enrolled = w.enrol(w.asAdmin(), "refused");
        long id = enrolled.path("id").asLong();
        String number = enrolled.path("card").path("number").asString();
        String someoneElses = w.enrol(w.asAdmin(), "else").path("card").path("number").asString();
        World stranger = fixtures.world(api);
        String path = "/api/v1/members/" + id + "/card/replacement";

        assertThat(w.asAdmin().post(path, Map.of("card", number, "reason", "MISLAID")).status()).isEqualTo(400);
        assertThat(w.asAdmin().post(path, Map.of("card", number, "reason", "LOST", "note", "n".repeat(201))).status())
                .isEqualTo(400);
        assertThat(w.asAdmin().post(path, Map.of("reason", "LOST")).status()).isEqualTo(400);
        Api.Response otherMembers = w.asAdmin().post(path, Map.of("card", someoneElses, "reason", "LOST"));
        assertThat(otherMembers.status()).as(otherMembers.toString()).isEqualTo(404);
        Api.Response otherCircuit = stranger.asAdmin().post(path, Map.of("card", number, "reason", "LOST"));
        assertThat(otherCircuit.status()).as(otherCircuit.toString()).isEqualTo(404);

        assertThat(w.asAdmin().get("/api/v1/members/" + id + "/cards").json().size()).isEqualTo(1);
        assertThat(w.asAdmin().get("/api/v1/members/lookup?card=" + number).status()).isEqualTo(200);
        assertThat(w.asAdmin().get("/api/v1/members/lookup?card=" + someoneElses).status()).isEqualTo(200);
    }
}
