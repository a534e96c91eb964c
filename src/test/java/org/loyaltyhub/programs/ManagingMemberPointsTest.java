package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.ExpiryJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004 §1: balance, history, manual credit and debit with a preview, voiding a movement. */
class ManagingMemberPointsTest extends IntegrationTest {

    @Autowired
    ExpiryJobs expiry;

    @Test
    void thePreviewShowsTheNewBalanceWithoutSavingAndTheCreditThenSavesIt() {
        World w = fixtures.world(api);
        long m = w.enrol(w.asAdmin(), "manual").path("id").asLong();
        Map<String, Object> credit = Map.of("direction", "CREDIT", "points", 120, "note", "Welcome gift");
        JsonNode preview = w.asAdmin().post("/api/v1/members/" + m + "/adjustments/preview", credit).json();
        assertThat(preview.path("currentBalance").asLong()).isZero();
        assertThat(preview.path("newBalance").asLong()).isEqualTo(120);
        assertThat(w.available(m)).isZero();
        Api.Response saved = w.asAdmin().post("/api/v1/members/" + m + "/adjustments", credit);
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().path("newBalance").asLong()).isEqualTo(120);
        JsonNode debitPreview = w.asAdmin().post("/api/v1/members/" + m + "/adjustments/preview",
                Map.of("direction", "DEBIT", "points", 200, "note", "x")).json();
        assertThat(debitPreview.path("allowed").asBoolean()).isFalse();
        Api.Response overdraw = w.asAdmin().post("/api/v1/members/" + m + "/adjustments",
                Map.of("direction", "DEBIT", "points", 200, "note", "too much"));
        assertThat(overdraw.status()).isEqualTo(422);
        assertThat(overdraw.code()).isEqualTo("insufficient-points");
        JsonNode movement = w.movements(m).getFirst();
        assertThat(movement.path("note").asString()).isEqualTo("Welcome gift");
        assertThat(movement.path("available").asLong()).isEqualTo(120);
    }

    @Test
    void manualOperationsNeedANoteASensibleAmountAndAnAdministrator() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        long m = w.enrol(w.asAdmin(), "manual").path("id").asLong();
        String path = "/api/v1/members/" + m + "/adjustments";
        assertThat(w.asAdmin().post(path, Map.of("direction", "CREDIT", "points", 10)).status()).isEqualTo(400);
        assertThat(w.asAdmin().post(path, Map.of("direction", "CREDIT", "points", -10, "note", "n")).status()).isEqualTo(400);
        assertThat(w.asAdmin().post(path, Map.of("direction", "CREDIT", "points", 10_000_000_000L, "note", "n"))
                .status()).isEqualTo(400);
        assertThat(w.asAdmin().post(path, Map.of("direction", "SIDEWAYS", "points", 10, "note", "n")).status()).isEqualTo(400);
        Api till = w.as(w.operator("STORE_OPERATOR", null, shop[1]));
        assertThat(till.post(path, Map.of("direction", "CREDIT", "points", 10, "note", "n")).status()).isEqualTo(403);
        assertThat(w.available(m)).isZero();
    }

    @Test
    void voidingAMovementPostsALinkedReversalAndHistoryShowsBoth() {
        World w = fixtures.world(api);
        long m = w.enrol(w.asAdmin(), "void").path("id").asLong();
        long entry = w.asAdmin().post("/api/v1/members/" + m + "/adjustments",
                Map.of("direction", "CREDIT", "points", 80, "note", "by mistake")).json().path("entryId").asLong();
        Api.Response reversal = w.asAdmin().post("/api/v1/movements/" + entry + "/reversal", Map.of("note", "typo"));
        assertThat(reversal.status()).as(reversal.toString()).isEqualTo(201);
        assertThat(reversal.json().path("reversesId").asLong()).isEqualTo(entry);
        assertThat(w.available(m)).isZero();
        List<JsonNode> history = w.movements(m);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("reversedById").asLong()).isEqualTo(reversal.json().path("id").asLong());
        Api.Response twice = w.asAdmin().post("/api/v1/movements/" + entry + "/reversal", Map.of());
        assertThat(twice.status()).as("voiding again changes nothing").isEqualTo(201);
        assertThat(w.available(m)).isZero();
        assertThat(w.movements(m)).hasSize(2);
        w.assertBooksBalance();
    }

    @Test
    void purchasePointsAreCorrectedByRefundsNotByVoiding() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m = w.enrol(till, "earn").path("id").asLong();
        w.purchase(till, "P-1", m, "10.00", "PAID");
        long earn = w.movements(m).getFirst().path("entryId").asLong();
        Api.Response r = w.asAdmin().post("/api/v1/movements/" + earn + "/reversal", Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("not-reversible");
    }

    @Test
    void signingUpSubscribingAndReviewingEarnTheirFixedPointsOnce() {
        World w = fixtures.world(api);
        w.settings(Map.of("registrationPoints", 50, "newsletterPoints", 20, "reviewPoints", 5));
        long m = w.enrol(w.asAdmin(), Map.of("email", "actions@member.test", "consents",
                List.of(Map.of("kind", "NEWSLETTER", "granted", true, "textVersion", "v1")))).path("id").asLong();
        assertThat(w.available(m)).isEqualTo(70);
        w.asAdmin().post("/api/v1/members/" + m + "/consents", List.of(Map.of("kind", "NEWSLETTER", "granted", false,
                "textVersion", "v1")));
        w.asAdmin().post("/api/v1/members/" + m + "/consents", List.of(Map.of("kind", "NEWSLETTER", "granted", true,
                "textVersion", "v1")));
        assertThat(w.available(m)).as("subscribing again earns nothing").isEqualTo(70);
        assertThat(w.asAdmin().post("/api/v1/members/" + m + "/reviews", Map.of("reference", "product-1")).status())
                .isEqualTo(201);
        JsonNode again = w.asAdmin().post("/api/v1/members/" + m + "/reviews", Map.of("reference", "product-1")).json();
        assertThat(again.path("alreadyAwarded").asBoolean()).isTrue();
        w.asAdmin().post("/api/v1/members/" + m + "/reviews", Map.of("reference", "product-2"));
        assertThat(w.available(m)).isEqualTo(80);
        assertThat(w.movements(m).stream().map(x -> x.path("reason").asString()))
                .contains("Points for signing up", "Points for subscribing to the newsletter", "Points for a product review");
    }

    @Test
    void pointsExpireAfterTheirValidityAndTheOldestAreUsedFirst() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        w.settings(Map.of("validity", "MONTHS", "validityMonths", 12));
        long m = w.enrol(till, "expiring").path("id").asLong();
        w.purchase(till, "X-1", m, "100.00", "PAID");
        assertThat(w.points(m).path("nextExpiry").asString()).startsWith(String.valueOf(LocalDate.now().getYear() + 1));
        w.asAdmin().post("/api/v1/members/" + m + "/adjustments", Map.of("direction", "DEBIT", "points", 30, "note", "used"));
        ExpiryJobs.Run run = expiry.runAt(Instant.now().plus(Duration.ofDays(370)));
        assertThat(run.lotsExpired()).isPositive();
        assertThat(w.available(m)).isZero();
        assertThat(w.movements(m).getFirst().path("kind").asString()).isEqualTo("EXPIRY");
        assertThat(w.movements(m).getFirst().path("available").asLong()).isEqualTo(-70);
        assertThat(expiry.runAt(Instant.now().plus(Duration.ofDays(370))).lotsExpired()).as("nothing twice").isZero();
        w.assertBooksBalance();
    }

    @Test
    void historyFiltersByKindAndDateAndPaginates() {
        World w = fixtures.world(api);
        long m = w.enrol(w.asAdmin(), "history").path("id").asLong();
        for (int i = 0; i < 7; i++) {
            w.asAdmin().post("/api/v1/members/" + m + "/adjustments", Map.of("direction", "CREDIT", "points", 1 + i,
                    "note", "n" + i));
        }
        w.asAdmin().post("/api/v1/members/" + m + "/adjustments", Map.of("direction", "DEBIT", "points", 1, "note", "d"));
        String base = "/api/v1/members/" + m + "/movements";
        JsonNode page = w.asAdmin().get(base + "?size=3&page=2").json();
        assertThat(page.path("total").asLong()).isEqualTo(8);
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(w.asAdmin().get(base + "?kind=manual_debit").json().path("total").asLong()).isEqualTo(1);
        String today = LocalDate.now().toString();
        assertThat(w.asAdmin().get(base + "?from=" + today + "&to=" + today).json().path("total").asLong()).isEqualTo(8);
        assertThat(w.asAdmin().get(base + "?from=2001-01-01&to=2001-01-02").json().path("total").asLong()).isZero();
        assertThat(w.asAdmin().get(base + "?from=2001-02-01&to=2001-01-02").status()).isEqualTo(400);
        assertThat(w.asAdmin().get(base + "?from=yesterday").status()).isEqualTo(400);
    }
}
