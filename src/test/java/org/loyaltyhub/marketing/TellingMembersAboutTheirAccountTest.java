package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.internal.NotificationJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each switched-on notification reaches the member's inbox when its fact happens, and only once. */
class TellingMembersAboutTheirAccountTest extends IntegrationTest {

    @Autowired
    NotificationJobs jobs;

    private static void on(World w, String kind, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("enabled", true);
        Api.Response r = w.asAdmin().put("/api/v1/notifications/" + kind, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static List<JsonNode> inbox(World w, long member) {
        Api.Response r = w.asAdmin().get("/api/v1/members/" + member + "/messages");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().valueStream().toList();
    }

    private static List<String> kinds(World w, long member) {
        return inbox(w, member).stream().map(m -> m.path("kind").asString()).toList();
    }

    @Test
    void aClaimedRewardTellsThePointsRedeemedAndTheVoucherWithItsCode() {
        World w = fixtures.world(api);
        on(w, "POINTS_REDEEMED", Map.of());
        on(w, "VOUCHER_ISSUED", Map.of());
        long member = w.enrol(w.asAdmin(), "voucher").path("id").asLong();
        w.asAdmin().post("/api/v1/members/" + member + "/adjustments", Map.of("direction", "CREDIT", "points", 100,
                "note", "gift"));
        long reward = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "FREE_SHIPPING", "titleEn", "Ship",
                "titleIt", "Spedizione", "points", 30)).json().path("id").asLong();
        String code = w.asAdmin().post("/api/v1/members/" + member + "/reward-claims", Map.of("rewardId", reward))
                .json().path("code").asString();

        assertThat(kinds(w, member)).containsExactlyInAnyOrder("VOUCHER_ISSUED", "POINTS_REDEEMED");
        JsonNode voucher = inbox(w, member).stream().filter(m -> m.path("kind").asString().equals("VOUCHER_ISSUED"))
                .findFirst().orElseThrow();
        assertThat(voucher.path("body").asString()).contains(code);
        JsonNode redeemed = inbox(w, member).stream().filter(m -> m.path("kind").asString().equals("POINTS_REDEEMED"))
                .findFirst().orElseThrow();
        assertThat(redeemed.path("subject").asString()).contains("30");
        assertThat(fixtures.world(api).asAdmin().get("/api/v1/members/" + member + "/messages").status())
                .as("another circuit's member").isEqualTo(404);
    }

    @Test
    void aNewBadgeIsAnnounced() {
        World w = fixtures.world(api);
        on(w, "BADGE_CHANGED", Map.of());
        w.asAdmin().post("/api/v1/badges", Map.of("nameEn", "Bronze", "nameIt", "Bronzo", "pointsFrom", 10));
        long member = w.enrol(w.asAdmin(), "badge").path("id").asLong();
        w.asAdmin().post("/api/v1/members/" + member + "/adjustments", Map.of("direction", "CREDIT", "points", 20,
                "note", "gift"));

        assertThat(kinds(w, member)).containsExactly("BADGE_CHANGED");
        assertThat(inbox(w, member).getFirst().path("subject").asString()).as("the circuit's language (Italy)")
                .isEqualTo("Nuovo badge: Bronzo");
        assertThat(inbox(w, member).getFirst().path("body").asString()).contains("hai ottenuto il badge Bronzo");
    }

    @Test
    void pointsAboutToExpireAreAnnouncedOncePerExpiryDay() {
        World w = fixtures.world(api);
        w.settings(Map.of("validity", "MONTHS", "validityMonths", 1));
        on(w, "POINTS_EXPIRING", Map.of("days", 45));
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(till, "expiring").path("id").asLong();
        w.purchase(till, "E-1", member, "30.00", "PAID");

        Instant now = Instant.now();
        jobs.runAt(now);
        jobs.runAt(now.plusSeconds(60));
        assertThat(kinds(w, member)).containsExactly("POINTS_EXPIRING");
        assertThat(inbox(w, member).getFirst().path("subject").asString()).startsWith("30");
    }
}
