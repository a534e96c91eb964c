package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run of a promotion that is not on purchases (issue 12 §5): an event promotion replays the events of its type
 * received in the window, a date promotion its days, through the same limits and budget; nothing is written.
 */
class DryRunOfEventsAndDatesTest extends IntegrationTest {

    private static Api.Response eventAt(Api as, String eventId, long memberId, String type, Instant at) {
        return as.post("/api/v1/events", Map.of("eventId", eventId, "type", type, "memberId", memberId,
                "occurredAt", at.toString(), "attributes", Map.of()));
    }

    @Test
    void anEventPromotionsDryRunReplaysTheEventsOfItsTypeWithItsMemberLimitAndBudget() {
        World w = fixtures.world(api);
        long m1 = w.enrol(w.asAdmin(), "dry-event-1").path("id").asLong();
        long m2 = w.enrol(w.asAdmin(), "dry-event-2").path("id").asLong();
        Instant now = Instant.now();
        eventAt(w.asAdmin(), "w-1", m1, "wifi_login", now.minus(3, ChronoUnit.DAYS));
        eventAt(w.asAdmin(), "w-2", m1, "wifi_login", now.minus(2, ChronoUnit.DAYS));
        eventAt(w.asAdmin(), "w-3", m2, "wifi_login", now.minus(Duration.ofHours(30)));
        eventAt(w.asAdmin(), "w-4", m1, "wifi_login", now.minus(1, ChronoUnit.DAYS));
        eventAt(w.asAdmin(), "w-old", m2, "wifi_login", now.minus(60, ChronoUnit.DAYS));
        eventAt(w.asAdmin(), "x-1", m2, "extra_service", now.minus(1, ChronoUnit.DAYS));
        Map<String, Object> draft = CampaignEventsTest.onEvent("Wifi +20", "wifi_login", List.of(),
                Map.of("type", "FIXED_POINTS", "points", 20));
        draft.put("limits", Map.of("perMember", 2, "period", "EVER", "budgetPoints", 50));

        Api.Response run = w.asAdmin().post("/api/v1/promotions/dry-run", Map.of("promotion", draft, "days", 30));
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        JsonNode r = run.json();
        assertThat(r.path("replayed").asString()).isEqualTo("EVENTS");
        assertThat(r.path("occasions").asLong()).as("the four wifi logins of the last 30 days").isEqualTo(4);
        assertThat(r.path("purchases").asLong()).isZero();
        assertThat(r.path("applied").asLong()).isEqualTo(3);
        assertThat(r.path("members").asLong()).isEqualTo(2);
        assertThat(r.path("points").asLong()).as("20 + 20 to the first, the 10 left in the budget to the second")
                .isEqualTo(50);
        assertThat(r.path("outcomes").path("MEMBER_LIMIT_REACHED").asLong()).as("the first member's third login")
                .isEqualTo(1);
        assertThat(r.path("budgetSpentOn").isNull()).isFalse();
        assertThat(r.path("perDay").get(r.path("perDay").size() - 1).path("cumulative").asLong()).isEqualTo(50);
        assertThat(w.asAdmin().get("/api/v1/promotions").json().size()).as("nothing saved").isZero();
        assertThat(w.available(m1) + w.available(m2)).as("nothing given").isZero();
    }

    @Test
    void aBirthdayPromotionsDryRunReplaysTheBirthdaysInTheWindowWithItsBudget() {
        World w = fixtures.world(api);
        Instant now = Instant.now();
        LocalDate birthday = LocalDate.ofInstant(now.plus(35, ChronoUnit.DAYS), ZoneOffset.UTC);
        if (birthday.getMonthValue() == 2 && birthday.getDayOfMonth() == 29) {
            birthday = birthday.plusDays(1);
        }
        LocalDate later = birthday.plusDays(20);
        w.enrol(w.asAdmin(), Map.of("email", "dry-born-1@member.test", "birthDate", birthday.withYear(1990).toString()));
        w.enrol(w.asAdmin(), Map.of("email", "dry-born-2@member.test", "birthDate", birthday.withYear(1985).toString()));
        w.enrol(w.asAdmin(), Map.of("email", "dry-born-3@member.test", "birthDate", later.withYear(1990).toString()));
        Map<String, Object> draft = CampaignDatesTest.dated("Birthday +100", Map.of("type", "DATE", "date", "BIRTHDAY"), 100);
        draft.put("validFrom", now.minus(1, ChronoUnit.DAYS).toString());
        draft.put("limits", Map.of("budgetPoints", 150));

        clock.set(now.plus(40, ChronoUnit.DAYS));
        Api.Response run = w.asAdmin().post("/api/v1/promotions/dry-run", Map.of("promotion", draft, "days", 30));
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        JsonNode r = run.json();
        assertThat(r.path("replayed").asString()).isEqualTo("DATES");
        assertThat(r.path("occasions").asLong()).as("the two members born on the day in the window").isEqualTo(2);
        assertThat(r.path("applied").asLong()).isEqualTo(2);
        assertThat(r.path("points").asLong()).as("100, then the 50 left in the budget").isEqualTo(150);
        assertThat(r.path("budgetSpentOn").asString()).isEqualTo(birthday.toString());
        assertThat(r.path("perDay").size()).isEqualTo(1);
    }

    @Test
    void thePromotionPageShowsAnEventPromotionsDryRun() {
        World w = fixtures.world(api);
        long m = w.enrol(w.asAdmin(), "dry-event-page").path("id").asLong();
        Instant now = Instant.now();
        eventAt(w.asAdmin(), "p-1", m, "review", now.minus(2, ChronoUnit.DAYS));
        eventAt(w.asAdmin(), "p-2", m, "review", now.minus(1, ChronoUnit.DAYS));

        WebForms forms = new WebForms(port);
        forms.get("/login");
        forms.post("/login", Map.of("email", w.admin.email(), "password", w.admin.password()));
        forms.get("/admin/promotions/new");
        Map<String, String> form = new LinkedHashMap<>(new HashMap<>(Map.of("name", "Thanks for the review",
                "validFrom", LocalDateTime.now().minusDays(40).truncatedTo(ChronoUnit.MINUTES).toString(),
                "priority", "10", "triggerType", "EVENT", "eventType", "review", "effectType", "FIXED_POINTS",
                "effectValue", "15", "dryRunDays", "30", "action", "dryRun")));
        WebForms.Reply page = forms.post("/admin/promotions", form);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"dry-run\"");
        assertThat(page.body()).as("the card names what it replayed: events, not purchases").contains("Events replayed")
                .doesNotContain("Purchases replayed").containsPattern("id=\"dry-run-replayed\"[^>]*>2<");
        assertThat(page.body()).containsPattern("id=\"dry-run-applied\"[^>]*>2<");
        assertThat(page.body()).containsPattern("id=\"dry-run-points\"[^>]*>30<");
        assertThat(w.available(m)).isZero();
    }
}
