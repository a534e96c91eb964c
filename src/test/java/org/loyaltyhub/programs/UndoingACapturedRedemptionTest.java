package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A redemption captured by mistake is undone with a reason: a reversing entry gives the points back. */
class UndoingACapturedRedemptionTest extends IntegrationTest {

    @Test
    void aCapturedRedemptionIsUndoneOnceWithAReasonAndTheBooksStillBalance() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(till, "undo").path("id").asLong();
        w.purchase(till, "U-1", member, "10.00", "PAID");
        long held = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", "40.00"), "points", 5)).json().path("id").asLong();
        assertThat(till.post("/api/v1/redemptions/" + held + "/undo", Map.of("reason", "too early")).code())
                .as("a reservation is released, not undone").isEqualTo("redemption-not-captured");
        till.post("/api/v1/redemptions/" + held + "/capture", null);
        assertThat(w.available(member)).isEqualTo(5);

        Api.Response noReason = till.post("/api/v1/redemptions/" + held + "/undo", Map.of("reason", " "));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(w.available(member)).as("nothing changed").isEqualTo(5);
        Api.Response undone = till.post("/api/v1/redemptions/" + held + "/undo", Map.of("reason", "wrong customer"));
        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertThat(undone.json().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(w.available(member)).isEqualTo(10);
        assertThat(till.post("/api/v1/redemptions/" + held + "/undo", Map.of("reason", "again")).code())
                .isEqualTo("redemption-not-captured");
        assertThat(w.available(member)).as("undone once").isEqualTo(10);
        assertThat(w.movements(member).getFirst().path("reason").asString()).contains("wrong customer");
        World stranger = fixtures.world(api);
        assertThat(stranger.asAdmin().post("/api/v1/redemptions/" + held + "/undo", Map.of("reason", "x")).status())
                .isEqualTo(404);
        w.assertBooksBalance();
    }
}
